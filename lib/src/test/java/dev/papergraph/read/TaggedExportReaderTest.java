package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RIS, MEDLINE text and Web of Science tagged exports; counts from tagged_reference_counts.py. */
class TaggedExportReaderTest {

  private static InputSource ris(String name) {
    return Fixtures.source("ris/" + name);
  }

  @Test
  void readsScopusRis() {
    Corpus c = Fixtures.load(null, ris("scopus.ris"));
    assertEquals(6, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1016/j.psyneuen.2019.104501", p.id());
    assertEquals(
        "Stress and the brain-gut axis in functional and chronic-inflammatory gastrointestinal diseases: A transdisciplinary challenge",
        p.title());
    assertEquals(List.of("A. Labanski", "J. Langhorst", "H. Engler", "S. Elsenbruch"), p.authors());
    assertEquals("Psychoneuroendocrinology", p.venue());
    assertEquals(PartialDate.ofYear(2020), p.date());
    assertEquals(new Topic("Brain-gut axis", 1, TopicSource.KEYWORD), p.topics().get(0));
    assertTrue(p.abstractText() != null);
  }

  @Test
  void readsEveryVendorRisFixtureWithExactCounts() {
    String[][] expected = {
      {"ovid_psycinfo.ris", "6", "6"},
      {"embase.ris", "6", "6"},
      {"proquest.ris", "6", "6"},
      {"pubmed_endnote.txt", "6", "6"},
      {"web_of_science.txt", "10", "10"},
      {"example_full.ris", "2", "2"},
      {"example_utf_chars.ris", "1", "1"},
      {"example_bom.ris", "1", "0"},
      {"baseline_reference_types.ris", "61", "0"},
    };
    for (String[] e : expected) {
      Corpus c = Fixtures.load(Format.RIS, ris(e[0]));
      assertEquals(Long.parseLong(e[1]), c.report().read(), e[0]);
      assertEquals(Long.parseLong(e[2]), c.size(), e[0]);
      assertEquals(Long.parseLong(e[1]) - Long.parseLong(e[2]), c.report().rejected(), e[0]);
    }
    // a record with only a DOI (and a BOM before TY)
    assertEquals(
        "formats/ris/example_bom.ris:1: RIS record has no title (DOI 10.1186/s40981-020-0316-0)",
        Fixtures.load(Format.RIS, ris("example_bom.ris")).report().rejections().get(0).message());
    // the short title (ST) stands in for a missing TI, in Cyrillic
    assertTrue(
        Fixtures.load(Format.RIS, ris("example_utf_chars.ris"))
            .papers()
            .get(0)
            .title()
            .startsWith("Состояние рецепторного"));
  }

  @Test
  void mergesRisDuplicateByTitle() {
    Corpus c = Fixtures.load(Format.RIS, ris("ris_issue_1099.txt"));
    assertEquals(7, c.report().read());
    assertEquals(6, c.size());
    assertEquals("title", c.report().merges().get(0).matchedBy());
  }

  @Test
  void readsMedlineTextWithMeshAndDoiFromLid() {
    Corpus c = Fixtures.load(null, ris("example_pubmed.txt"));
    assertEquals(10, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1016/j.ejmg.2019.03.004", p.id());
    assertEquals("30922926", p.ids().pmid());
    assertEquals("Time lapse: A glimpse into prehistoric genomics.", p.title());
    assertEquals(new PartialDate(2020, 2, null), p.date());
    assertEquals("Darren K Griffin", p.authors().get(0));
    assertTrue(p.topics().stream().anyMatch(t -> t.source() == TopicSource.MESH));
    assertTrue(
        p.abstractText()
            .startsWith(
                "For the purpose of this review, 'time-lapse' refers to the reconstruction of ancestral"));
  }

  @Test
  void readsWebOfScienceTaggedWithCitedReferenceDois() {
    Corpus c = Fixtures.load(null, ris("example_wos.ris"));
    assertEquals(2, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1021/bi049798f", p.id());
    assertEquals("15170338", p.ids().pmid());
    assertEquals(
        "Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria and its subunit (B820)",
        p.title());
    assertEquals(PartialDate.of(2004, 6, 8), p.date());
    assertEquals("PS Parkes-Loach", p.authors().get(0));
    assertEquals(4, p.authors().size());
    // 59 and 86 cited references, 54 and 73 distinct DOIs among them (Python regex over CR)
    assertEquals(54, p.references().size());
    assertEquals(73, c.papers().get(1).references().size());
  }

  @Test
  void detectsTaggedFormats() throws IOException {
    Readers r = Readers.standard();
    assertEquals(Format.RIS, r.detect(ris("ovid_psycinfo.ris")).orElseThrow());
    assertEquals(Format.RIS, r.detect(ris("example_bom.ris")).orElseThrow());
    assertEquals(Format.RIS, r.detect(ris("web_of_science.txt")).orElseThrow());
    assertEquals(Format.MEDLINE_TEXT, r.detect(ris("example_pubmed.txt")).orElseThrow());
    assertEquals(Format.WOS, r.detect(ris("example_wos.ris")).orElseThrow());
  }

  @Test
  void readsEveryExportInTheSharedCorpus() throws IOException {
    Path root = SharedData.require("corpus/formats/ris_medline_wos_exports");
    List<String> rows =
        new String(
                getClass()
                    .getResourceAsStream("/formats/ris/tagged_reference_counts.tsv")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .lines()
            .toList();
    assertEquals(19, rows.size());
    for (String row : rows) {
      String[] f = row.split("\t");
      Path file =
          Files.exists(root.resolve("asreview").resolve(f[0]))
              ? root.resolve("asreview").resolve(f[0])
              : root.resolve("rispy").resolve(f[0]);
      Corpus c = Fixtures.load(null, InputSource.of(file));
      assertEquals(Long.parseLong(f[1]), c.report().read(), f[0]);
      assertEquals(Long.parseLong(f[1]) - Long.parseLong(f[2]), c.report().rejected(), f[0]);
    }
  }
}
