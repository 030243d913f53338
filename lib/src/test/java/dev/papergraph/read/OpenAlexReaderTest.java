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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenAlexReaderTest {

  @Test
  void readsJsonArrayWithAbstractIdsDateAuthorsVenueConceptsAndReferences() {
    Corpus c =
        Fixtures.load(Format.OPENALEX, Fixtures.source("openalex/donners_works_250_258.json"));
    assertEquals(8, c.size());
    assertEquals(8, c.report().read());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1111/jth.14491", p.id());
    assertEquals("W2945243639", p.ids().openalex());
    assertEquals("31124272", p.ids().pmid());
    assertTrue(p.title().startsWith("Safety analysis of<scp>rFVII</scp>a with emicizumab"));
    assertTrue(
        p.abstractText()
            .startsWith(
                "Recombinant activated factor VII (rFVIIa; eptacog alfa activated, NovoSeven® , N"));
    assertTrue(p.abstractText().endsWith("as described in the product information."));
    assertEquals(1831, p.abstractText().length());
    assertEquals(PartialDate.of(2019, 9, 1), p.date());
    assertEquals(39, p.citedByCount());
    assertEquals(6, p.authors().size());
    assertEquals("Gallia G. Levy", p.authors().get(0));
    assertEquals("Journal of Thrombosis and Haemostasis", p.venue());
    assertEquals(13, p.references().size());
    assertEquals("openalex:W1683908287", p.references().get(0));
    assertEquals(13, p.topics().size());
    assertEquals(new Topic("Medicine", 0.8661541, TopicSource.CONCEPT), p.topics().get(0));
    assertEquals(
        "donners_works_250_258.json",
        Path.of(p.provenance().get(0).file()).getFileName().toString());
  }

  @Test
  void readsJsonLinesKeepsWorkWithoutAbstractAndRejectsWorkWithoutTitle() {
    Corpus c = Fixtures.load(Format.OPENALEX, Fixtures.source("openalex/donners_5.jsonl"));
    ImportReport r = c.report();
    assertEquals(5, r.read());
    assertEquals(4, r.imported());
    assertEquals(1, r.rejected());
    assertEquals(
        "formats/openalex/donners_5.jsonl:4: work W4238923891 has no title",
        r.rejections().get(0).message());
    Paper noAbstract = c.papers().get(3);
    assertEquals("W2914545208", noAbstract.ids().openalex());
    assertEquals(null, noAbstract.abstractText());
  }

  @Test
  void readsApiResultPage() {
    Corpus c = Fixtures.load(Format.OPENALEX, Fixtures.source("openalex/donners_api_page.json"));
    assertEquals(3, c.size());
    assertEquals(
        List.of("W2423293822", "W2777949068", "W2765207681"),
        c.papers().stream().map(p -> p.ids().openalex()).toList());
  }

  @Test
  void readsZipEntriesInNameOrder() {
    Corpus c = Fixtures.load(Format.OPENALEX, Fixtures.source("openalex/donners_two_arrays.zip"));
    assertEquals(
        List.of("W3003053451", "W2810278106", "W2740901087", "W2040765285"),
        c.papers().stream().map(p -> p.ids().openalex()).toList());
    assertEquals(
        "formats/openalex/donners_two_arrays.zip!/works_a.json",
        c.papers().get(0).provenance().get(0).file());
  }

  @Test
  void readsNewerTopicsAndKeywordsWithNumberOrTextScoresClampedToOne() {
    Paper p =
        Fixtures.load(Format.OPENALEX, Fixtures.source("openalex/schema2024_topics_keywords.json"))
            .papers()
            .get(0);
    assertEquals(
        new Topic("Hemophilia Treatment and Research", 0.9991, TopicSource.CONCEPT),
        p.topics().get(0));
    assertEquals(
        new Topic("Pharmacokinetics and Dosing", 0.7, TopicSource.CONCEPT), p.topics().get(1));
    assertEquals(new Topic("Medicine", 0.8440689, TopicSource.CONCEPT), p.topics().get(2));
    List<Topic> keywords =
        p.topics().stream().filter(t -> t.source() == TopicSource.KEYWORD).toList();
    assertEquals(
        List.of(
            new Topic("Prophylaxis", 0.61, TopicSource.KEYWORD),
            new Topic("Factor VIII", 1.0, TopicSource.KEYWORD)),
        keywords);
    assertEquals(2 + 6 + 2, p.topics().size());
  }

  @Test
  void detectsOpenAlexFromContentIncludingInsideZip() throws IOException {
    Readers readers = Readers.standard();
    for (String f :
        List.of(
            "donners_works_250_258.json",
            "donners_5.jsonl",
            "donners_api_page.json",
            "donners_two_arrays.zip",
            "schema2024_topics_keywords.json")) {
      assertEquals(
          Format.OPENALEX, readers.detect(Fixtures.source("openalex/" + f)).orElseThrow(), f);
    }
  }

  /** The five SYNERGY zips as shipped: counts from synergy_reference_counts.py (Python, stdlib). */
  @Test
  void readsTheFiveSynergyZipsWithExactCountsAndInternalCitations() throws IOException {
    Path root = SharedData.require("corpus/openalex-synergy");
    List<String> lines =
        new String(
                getClass()
                    .getResourceAsStream("/formats/openalex/synergy_reference_counts.tsv")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .lines()
            .skip(1)
            .toList();
    assertEquals(5, lines.size());
    for (String line : lines) {
      String[] f = line.split("\t");
      Corpus c = Fixtures.load(null, InputSource.of(root.resolve(f[0]).resolve("works_1.zip")));
      ImportReport r = c.report();
      assertEquals(Long.parseLong(f[1]), r.read(), f[0] + " read");
      assertEquals(Long.parseLong(f[2]), r.imported(), () -> f[0] + " imported: " + r.toText());
      assertEquals(0, r.merged(), f[0] + " merged");
      assertEquals(r.read() - r.imported(), r.rejected(), f[0] + " rejected");
      assertEquals(
          Long.parseLong(f[3]),
          c.papers().stream().filter(p -> p.abstractText() != null).count(),
          f[0] + " with abstract");
      assertEquals(
          Long.parseLong(f[4]),
          c.papers().stream().mapToLong(p -> p.references().size()).sum(),
          f[0] + " references");
      Set<String> keys = new HashSet<>();
      c.papers().forEach(p -> keys.addAll(p.ids().keys()));
      long internal =
          c.papers().stream().flatMap(p -> p.references().stream()).filter(keys::contains).count();
      assertEquals(Long.parseLong(f[5]), internal, f[0] + " internal citations");
      List<String> reasons = new ArrayList<>();
      r.rejections().forEach(i -> reasons.add(i.reason()));
      assertTrue(
          reasons.stream().allMatch(s -> s.matches("record \\d+: work W\\d+ has no title")),
          reasons.toString());
    }
  }
}
