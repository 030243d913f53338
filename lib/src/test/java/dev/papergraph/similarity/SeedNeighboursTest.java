package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Seeds;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The acceptance checks of the seed corpus with default options. */
class SeedNeighboursTest {

  private static final Corpus SEEDS = Seeds.corpus();
  private static final SimilarityEngine ENGINE =
      SimilarityEngine.of(SEEDS.papers(), EngineOptions.defaults());

  private static Paper byTitle(String title) {
    return SEEDS.papers().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
  }

  private static List<String> topTitles(String title, int n) {
    return ENGINE.neighbours(byTitle(title).id()).stream()
        .limit(n)
        .map(nb -> SEEDS.get(nb.id()).orElseThrow().title())
        .toList();
  }

  @Test
  void grokkingAtTheEdgeHasGrokkingPapersAsNearestNeighbours() {
    List<String> top = topTitles("Grokking at the Edge of Numerical Stability", 5);
    long grok = top.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains("grok")).count();
    assertTrue(grok >= 4, "top 5: " + top);
  }

  @Test
  void pdQuantHasOnlyQuantizationPapersAsNearestNeighbours() {
    List<String> top =
        topTitles("PD-Quant: Post-Training Quantization based on Prediction Difference Metric", 5);
    assertEquals(5, top.size());
    for (String t : top) {
      String l = t.toLowerCase(Locale.ROOT);
      assertTrue(
          l.contains("quantiz") || l.contains("quant"),
          "not a quantization paper: " + t + " in " + top);
    }
  }
}
