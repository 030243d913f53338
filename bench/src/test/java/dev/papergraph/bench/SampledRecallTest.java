package dev.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TermVectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sampled recall against the recall of every paper's list, on the bundled seed corpus: the
 * exact lists come from the exact engine (its own search, checked against brute force in {@code
 * ExactTopKTest}), the lists measured are the approximate engine's and cut-down ones.
 */
class SampledRecallTest {

  private static int n;
  private static SimilarityEngine approximate;
  private static int[][] exact;
  private static int[][] found;

  @BeforeAll
  static void searchBoth() throws IOException {
    List<Paper> papers =
        Readers.standard()
            .load(
                Readers.bundled(SampledRecallTest.class.getClassLoader(), SeedFixtures.SEEDS), null)
            .papers();
    n = papers.size();
    EngineOptions options = EngineOptions.defaults();
    TermVectors vectors = TermVectors.build(papers, options.text(), options.threads());
    approximate =
        SimilarityEngine.of(vectors, options.withSearch(EngineOptions.Search.APPROXIMATE));
    found = approximate.neighbourDocs();
    exact =
        SimilarityEngine.of(vectors, options.withSearch(EngineOptions.Search.EXACT))
            .neighbourDocs();
  }

  /** Each list cut to its first {@code keep} entries: a recall well below 1. */
  private static int[][] cut(int[][] lists, int keep) {
    int[][] out = new int[lists.length][];
    for (int d = 0; d < lists.length; d++) {
      out[d] = Arrays.copyOf(lists[d], Math.min(keep, lists[d].length));
    }
    return out;
  }

  /** Paper d's list cut to its first {@code d % 11} entries: recalls from 0 to 1 across papers. */
  private static int[][] spread(int[][] lists) {
    int[][] out = new int[lists.length][];
    for (int d = 0; d < lists.length; d++) {
      out[d] = Arrays.copyOf(lists[d], Math.min(d % 11, lists[d].length));
    }
    return out;
  }

  @Test
  void aSampleOfEveryPaperIsTheFullRecallWithAnEmptyInterval() {
    assertTrue(n > 300, "the seed corpus has " + n + " papers");
    for (int[][] lists : List.of(found, cut(found, 4), spread(found))) {
      double full = RecallBench.recall(exact, lists);
      SampledRecall r = SampledRecall.measure(approximate, lists, n, 1);
      assertEquals(n, r.sampled());
      assertEquals(full, r.recall(), 1e-12);
      assertEquals(full, r.low(), 1e-12);
      assertEquals(full, r.high(), 1e-12);
      assertEquals(
          Arrays.stream(exact).filter(l -> l.length > 0).count(), r.counted(), "papers counted");
    }
    // the exact lists themselves are found in full, cut lists are not
    assertEquals(1.0, SampledRecall.measure(approximate, exact, n, 1).recall(), 0.0);
    assertTrue(SampledRecall.measure(approximate, cut(found, 4), n, 1).recall() < 0.5);
  }

  @Test
  void theIntervalCoversTheFullRecallAboutNineteenTimesInTwenty() {
    int[][] lists = spread(found);
    double full = RecallBench.recall(exact, lists);
    int covered = 0;
    for (long seed = 1; seed <= 40; seed++) {
      SampledRecall r = SampledRecall.measure(approximate, lists, 60, seed);
      assertEquals(60, r.sampled());
      assertTrue(r.high() - r.low() > 0.02, "a sample of 60 leaves some doubt: " + r.describe());
      assertTrue(r.high() - r.low() < 0.4, "but not all: " + r.describe());
      if (r.covers(full)) {
        covered++;
      }
    }
    // 95 % nominal: 34 or fewer of 40 has probability below 3 % for a true 95 % interval
    assertTrue(covered >= 35, covered + " of 40 intervals hold the full recall " + full);
  }

  @Test
  void theSampleIsSeededDistinctAndSorted() {
    int[] a = SampledRecall.sample(1000, 100, 5);
    assertArrayEquals(a, SampledRecall.sample(1000, 100, 5));
    assertFalse(Arrays.equals(a, SampledRecall.sample(1000, 100, 6)));
    assertEquals(100, Arrays.stream(a).distinct().count());
    for (int i = 1; i < a.length; i++) {
      assertTrue(a[i - 1] < a[i]);
    }
    assertTrue(a[0] >= 0 && a[a.length - 1] < 1000);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, SampledRecall.sample(5, 9, 5));
  }

  @Test
  void theIntervalIsTheNormalOneNarrowedByTheSampledShare() {
    // mean 0.925, standard deviation 0.0957427, 4 of 1000 sampled: half width
    // 1.959964 * 0.0957427 / 2 * sqrt(0.996) = 0.0936381
    SampledRecall r = SampledRecall.estimate(1000, 4, new double[] {0.9, 1.0, 0.8, 1.0}, 0, 0);
    assertEquals(0.925, r.recall(), 1e-12);
    assertEquals(0.925 - 0.0936381, r.low(), 1e-6);
    assertEquals(1.0, r.high(), 0.0);
    assertEquals(1.0, SampledRecall.estimate(10, 3, new double[0], 0, 0).recall(), 0.0);
    assertThrows(
        IllegalArgumentException.class, () -> SampledRecall.measure(approximate, found, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SampledRecall.measure(approximate, Arrays.copyOf(found, 3), 10, 1));
  }
}
