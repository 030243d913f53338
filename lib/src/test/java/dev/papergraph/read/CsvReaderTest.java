package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  /** asreview's Embase export: 6 rows (Python csv.DictReader), authors "Liu R., Adler D.G.". */
  @Test
  void readsEmbaseCsvGuessingColumns() throws IOException {
    assertEquals(
        Format.CSV, Readers.standard().detect(Fixtures.source("csv/embase.csv")).orElseThrow());
    Corpus c = Fixtures.load(null, Fixtures.source("csv/embase.csv"));
    assertEquals(6, c.report().read());
    assertEquals(6, c.size());
    Paper p = c.papers().get(0);
    assertEquals(
        "Duplication cysts: Diagnosis, management, and the role of endoscopic ultrasound",
        p.title());
    assertEquals(List.of("Liu R.", "Adler D.G."), p.authors());
    assertTrue(
        p.abstractText()
            .startsWith("Gastrointestinal tract duplication cysts are rare congenital"));
    assertEquals(
        "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014", p.venue());
    assertEquals(2, c.papers().get(0).provenance().get(0).line());
  }

  @Test
  void readsTsvWithWebOfScienceHeaderNamesAndQuotedMultiLineField() throws IOException {
    assertEquals(
        Format.CSV, Readers.standard().detect(Fixtures.source("csv/wos-style.tsv")).orElseThrow());
    Corpus c = Fixtures.load(null, Fixtures.source("csv/wos-style.tsv"));
    assertEquals(2, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.48550/arxiv.1706.03762", p.id());
    assertEquals("10.48550/arxiv.1706.03762", p.ids().doi());
    assertEquals(List.of("Vaswani, Ashish", "Shazeer, Noam"), p.authors());
    assertEquals(PartialDate.ofYear(2017), p.date());
    assertEquals("quoted, multi\nline abstract", c.papers().get(1).abstractText());
    assertEquals(3, c.papers().get(1).provenance().get(0).line());
  }

  @Test
  void columnMappingOverridesGuesses() throws IOException {
    String csv = "name,descr,when\nPaper A,An abstract,2001\n";
    Readers readers =
        Readers.standard()
            .with(new CsvReader(CsvReader.Mapping.parse("title=name, abstract=descr, year=when")));
    Corpus c = readers.load(List.of(Fixtures.text("m.csv", csv)), Format.CSV);
    assertEquals("An abstract", c.papers().get(0).abstractText());
    assertEquals(PartialDate.ofYear(2001), c.papers().get(0).date());
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> CsvReader.Mapping.parse("titel=name"));
    assertTrue(
        bad.getMessage()
            .startsWith("unknown field \"titel\" in column mapping; fields are [title, abstract"),
        bad.getMessage());
    CorpusFormatException missing =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .with(new CsvReader(CsvReader.Mapping.parse("title=Headline")))
                    .load(List.of(Fixtures.text("m.csv", csv)), Format.CSV));
    assertEquals(
        "m.csv: column \"Headline\" (mapped to title) is not in the header [name, descr, when]",
        missing.getMessage());
  }
}
