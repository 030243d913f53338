package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CrossrefReaderTest {

  @Test
  void readsSingleWorkMessage() {
    Corpus c =
        Fixtures.load(Format.CROSSREF, Fixtures.source("crossref/test_works_with_one_id__0.json"));
    assertEquals(1, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1371/journal.pone.0033693", p.id());
    assertEquals(
        "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice",
        p.title());
    assertEquals(PartialDate.of(2012, 3, 21), p.date());
    assertEquals("PLoS ONE", p.venue());
    assertEquals(6, p.authors().size());
    assertEquals("Shankar Sadasivan", p.authors().get(0));
    assertEquals(72, p.citedByCount());
    assertEquals(65, p.references().size());
    assertTrue(p.references().stream().allMatch(r -> r.startsWith("doi:10.")));
  }

  @Test
  void readsWorkListsAndRejectsWorkWithoutTitle() {
    Corpus c =
        Fixtures.load(
            Format.CROSSREF,
            Fixtures.source("crossref/test_works_query__0.json"),
            Fixtures.source("crossref/test_works_sample__0.json"),
            Fixtures.source("crossref/test_cursor_max__0.json"));
    ImportReport r = c.report();
    assertEquals(2 + 2 + 20, r.read());
    assertEquals(1, r.rejected());
    assertEquals(
        "formats/crossref/test_works_sample__0.json:1: record 2: work 10.7752/jpes.2018.03256 has no title",
        r.rejections().get(0).message());
    assertEquals(
        List.of("doi:10.1093/obo/9780199830060-0238", "doi:10.1093/obo/9780199830060-0023"),
        c.papers().subList(0, 2).stream().map(Paper::id).toList());
  }

  @Test
  void readsCiteprocJsonWithStringTitleAndJatsAbstract() {
    Paper p =
        Fixtures.load(
                Format.CROSSREF,
                Fixtures.source("crossref/test_content_negotiation_citeproc_json__1.json"))
            .papers()
            .get(0);
    assertEquals("The Structure of Ordinary Water", p.title());
    assertEquals("Science", p.venue());
    assertEquals(PartialDate.of(1970, 8, 14), p.date());
    assertTrue(p.abstractText() == null || !p.abstractText().contains("<"));
  }

  @Test
  void removesMarkupFromTitlesAndAbstracts() {
    assertEquals(
        "Effects of H2O on cells",
        CrossrefReader.markupFree("Effects of H<sub>2</sub>O on <i>cells</i>"));
    assertEquals(
        "First paragraph. Second.",
        CrossrefReader.abstractFrom(
            "<jats:title>Abstract</jats:title><jats:p>First paragraph.</jats:p><jats:p>Second.</jats:p>"));
  }

  /** All 19 decoded bodies; expected counts from crossref_reference_counts.py. */
  @Test
  void readsAllDecodedBodiesMergingRepeatedDois() throws IOException {
    Path dir = SharedData.require("corpus/formats/crossref_api_habanero_cassettes/decoded_bodies");
    List<InputSource> sources;
    try (Stream<Path> files = Files.list(dir)) {
      sources =
          files.filter(f -> f.toString().endsWith(".json")).sorted().map(InputSource::of).toList();
    }
    Corpus c = Fixtures.load(null, sources.toArray(InputSource[]::new));
    ImportReport r = c.report();
    assertEquals(211, r.read());
    assertEquals(1, r.rejected());
    assertEquals(168, r.imported());
    assertEquals(210 - 168, r.merged());
    assertEquals(67, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(3905, c.papers().stream().mapToLong(p -> p.references().size()).sum());
  }

  @Test
  void detectsCrossref() throws IOException {
    for (String f :
        List.of(
            "test_works_with_one_id__0.json",
            "test_works_query__0.json",
            "test_works_sample__0.json",
            "test_cursor_max__0.json",
            "test_content_negotiation_citeproc_json__1.json")) {
      assertEquals(
          Format.CROSSREF,
          Readers.standard().detect(Fixtures.source("crossref/" + f)).orElseThrow(),
          f);
    }
  }
}
