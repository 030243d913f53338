package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class ArxivReaderTest {

  @Test
  void readsKaggleSnapshotWithParsedAuthorsFirstVersionDateDoiAndCategories() {
    Corpus c = Fixtures.load(Format.ARXIV, Fixtures.source("arxiv/kaggle-head200.json"));
    assertEquals(200, c.report().read());
    assertEquals(200, c.size());
    assertEquals(117, c.papers().stream().filter(p -> p.ids().doi() != null).count());
    assertEquals(305, c.papers().stream().mapToLong(p -> p.topics().size()).sum());
    Paper first = c.papers().get(0);
    assertEquals("doi:10.1103/physrevd.76.013009", first.id());
    assertEquals("0704.0001", first.ids().arxiv());
    assertEquals(
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
        first.title());
    assertEquals(
        List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"), first.authors());
    assertEquals(PartialDate.of(2007, 4, 2), first.date());
    assertEquals("Phys.Rev.D76:013009,2007", first.venue());
    assertTrue(
        first
            .abstractText()
            .startsWith(
                "A fully differential calculation in perturbative quantum chromodynamics is presented"));
    Paper second = c.papers().get(1);
    assertEquals("arxiv:0704.0002", second.id());
    assertEquals(
        List.of(
            new Topic("math.CO", 1, TopicSource.CATEGORY),
            new Topic("cs.CG", 1, TopicSource.CATEGORY)),
        second.topics());
    assertEquals(List.of("Ileana Streinu", "Louis Theran"), second.authors());
    assertEquals(PartialDate.of(2007, 3, 31), second.date());
  }

  @Test
  void readsGzippedDailyFilesAndMergesARepeatedListingById() {
    Corpus c =
        Fixtures.load(
            Format.ARXIV,
            Fixtures.source("arxiv/daily-2026-06-25.jsonl.gz"),
            Fixtures.source("arxiv/daily-2026-02-10.jsonl.gz"));
    ImportReport r = c.report();
    assertEquals(26 + 42, r.read());
    assertEquals(26 + 41, r.imported());
    assertEquals(1, r.merged());
    assertEquals("arxiv:2602.08094", r.merges().get(0).into());
    assertEquals("arxiv", r.merges().get(0).matchedBy());
    Paper p = c.papers().get(0);
    assertEquals("arxiv:2606.25042", p.id());
    assertEquals("Information from coincidences", p.title());
    assertEquals(List.of("Akshay Balsubramani"), p.authors());
    assertEquals(
        List.of("cs.IT", "math.PR", "math.ST", "stat.ML"),
        p.topics().stream().map(Topic::term).toList());
    assertEquals(new PartialDate(2026, 6, null), p.date());
    assertTrue(
        p.abstractText()
            .startsWith("We prove a single algebraic mixed coincidence identity that "));
  }

  @Test
  void detectsBothShapes() throws IOException {
    Readers readers = Readers.standard();
    assertEquals(
        Format.ARXIV, readers.detect(Fixtures.source("arxiv/kaggle-head200.json")).orElseThrow());
    assertEquals(
        Format.ARXIV,
        readers.detect(Fixtures.source("arxiv/daily-2026-06-25.jsonl.gz")).orElseThrow());
  }

  @Test
  void datesFromOldAndNewIds() {
    assertEquals(new PartialDate(1999, 1, null), ArxivReader.idMonth("hep-th/9901001"));
    assertEquals(new PartialDate(2025, 3, null), ArxivReader.idMonth("2503.11731"));
  }

  /**
   * 120,405 lines in 410 daily files; 74,728 distinct ids (Python: len(set(ids)), see corpus
   * README). Takes about 9 s, so opt-in: {@code -Dpapergraph.slowTests=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "papergraph.slowTests", matches = "true")
  void readsAllDailyFilesInto74728DistinctPapers() throws IOException {
    Path dir = SharedData.require("corpus/arxiv-daily/daily");
    List<InputSource> sources;
    try (Stream<Path> files = Files.list(dir)) {
      sources =
          files
              .filter(f -> f.toString().endsWith(".jsonl.gz"))
              .sorted()
              .map(InputSource::of)
              .toList();
    }
    assertEquals(410, sources.size());
    Corpus c = Readers.standard().load(sources, null);
    ImportReport r = c.report();
    assertEquals(120_405, r.read());
    assertEquals(74_728, r.imported());
    assertEquals(120_405 - 74_728, r.merged());
    assertEquals(0, r.rejected());
    assertTrue(r.merges().stream().allMatch(m -> m.matchedBy().equals("arxiv")));
  }
}
