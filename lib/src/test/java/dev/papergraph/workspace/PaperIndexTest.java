package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Seeds;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperIndexTest {

  private static final Corpus SEEDS = Seeds.corpus();

  @Test
  void storesEveryPaperLosslesslyAndFindsItById(@TempDir Path dir) throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(415, index.addOrUpdate(SEEDS.papers()));
    }
    try (PaperIndex index = PaperIndex.open(dir)) {
      assertEquals(415, index.size());
      assertEquals(SEEDS.papers(), index.papers());
      Paper p = SEEDS.papers().get(123);
      assertEquals(p, index.get(p.id()).orElseThrow());
      assertTrue(index.get("doi:10.0/none").isEmpty());
    }
  }

  @Test
  void addingAgainUpdatesInPlaceAndAppendsNewPapers(@TempDir Path dir) throws IOException {
    List<Paper> first = SEEDS.papers().subList(0, 100);
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addOrUpdate(first);
      Paper changed = first.get(10).toBuilder().title("Grokking, revised").build();
      Paper fresh = Paper.builder().id("doi:10.1/new").title("A new paper on grokking").build();
      assertEquals(1, index.addOrUpdate(List.of(changed, fresh)));
      assertEquals(101, index.size());
      List<Paper> all = index.papers();
      assertEquals(changed, all.get(10));
      assertEquals(fresh, all.get(100));
      assertEquals("Grokking, revised", index.get(changed.id()).orElseThrow().title());
    }
  }

  @Test
  void freeTextSearchFindsTheNearestPapers(@TempDir Path dir) throws IOException {
    try (PaperIndex index = PaperIndex.open(dir)) {
      index.addOrUpdate(SEEDS.papers());
      List<PaperIndex.SearchHit> hits =
          index.search(
              "We propose a post-training quantization method for vision transformers that calibrates "
                  + "quantization parameters with a small calibration set.",
              5);
      assertEquals(5, hits.size());
      for (PaperIndex.SearchHit h : hits) {
        assertTrue(h.paper().title().toLowerCase(Locale.ROOT).contains("quant"), h.paper().title());
      }
      for (int i = 1; i < hits.size(); i++) {
        assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
      }
      assertTrue(
          index.search("grokking", 3).stream()
              .allMatch(h -> h.paper().title().toLowerCase(Locale.ROOT).contains("grok")));
      assertEquals(List.of(), index.search("the of and", 3));
    }
  }

  @Test
  void refusesAnIndexBuiltWithOtherTextOptions(@TempDir Path dir) throws IOException {
    PaperIndex.open(dir).close();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PaperIndex.open(dir, TextOptions.DEFAULTS.withStemmer(TextOptions.Stemmer.KSTEM)));
    assertTrue(e.getMessage().contains("rebuild it"), e.getMessage());
  }
}
