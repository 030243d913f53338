package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.text.TermVectors;
import java.io.IOException;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The approximate top-k against the exact one on 5,000 arXiv papers: recall@10 at least 0.95, every
 * score in its lists the exact score of the pair, and the same lists on any thread count.
 */
class ApproximateTopKTest {

  private static final int PAPERS = 5000;
  private static EngineOptions options;
  private static TermVectors vectors;
  private static SimilarityEngine exact;
  private static SimilarityEngine approximate;
  private static int[] byRank;

  @BeforeAll
  static void searchBoth() throws IOException {
    List<Paper> papers = ExactTopKTest.arxivSample(PAPERS);
    options = EngineOptions.defaults();
    vectors = TermVectors.build(papers, options.text(), options.threads());
    exact = SimilarityEngine.of(vectors, options.withSearch(EngineOptions.Search.EXACT));
    approximate =
        SimilarityEngine.of(vectors, options.withSearch(EngineOptions.Search.APPROXIMATE));
  }

  @Test
  void findsAtLeastNinetyFivePercentOfTheExactNeighbours() {
    int[][] e = exact.neighbourDocs();
    int[][] a = approximate.neighbourDocs();
    long hits = 0, wanted = 0;
    for (int d = 0; d < e.length; d++) {
      for (int x : e[d]) {
        wanted++;
        for (int y : a[d]) {
          if (x == y) {
            hits++;
            break;
          }
        }
      }
    }
    double recall = (double) hits / wanted;
    assertTrue(recall >= 0.95, "recall@10 " + recall + " (" + hits + " of " + wanted + ")");
    assertFalse(exact.approximate());
    assertTrue(approximate.approximate());
  }

  @Test
  void theIncrementalLocalJoinGivesTheListsOfTheFullOne() {
    int n = vectors.size();
    int[][] nbr = new int[n][];
    double[][] sc = new double[n][];
    approximate.approximateSearch().run(nbr, sc, false, ApproximateSearch.ROUNDS);
    int[][] incremental = approximate.neighbourDocs();
    int listed = 0;
    for (int d = 0; d < n; d++) {
      assertArrayEquals(nbr[d], incremental[d], "paper " + d);
      List<Neighbour> list = approximate.neighbours(vectors.paper(d).id());
      for (int i = 0; i < list.size(); i++) {
        assertEquals(sc[d][i], list.get(i).score(), "paper " + d);
      }
      listed += nbr[d].length;
    }
    assertTrue(listed > 9 * n, "lists of about k papers: " + listed);
  }

  /**
   * Each round of the join, which scores a pair once for both papers, against its definition paper
   * by paper: each paper's new list is the k best of its list, its neighbours' neighbours and
   * reverse neighbours, its reverse neighbours and their neighbours, each scored from its side.
   */
  @Test
  void eachRoundKeepsTheBestOfEachPapersNeighboursOfNeighbours() {
    int n = vectors.size();
    ApproximateSearch search = approximate.approximateSearch();
    int[][] nbr = new int[n][];
    double[][] sc = new double[n][];
    search.run(nbr, sc, true, 0);
    for (int round = 1; round <= ApproximateSearch.ROUNDS; round++) {
      int[][] reverse = ApproximateSearch.reverse(nbr);
      int[][] wantNbr = new int[n][];
      double[][] wantSc = new double[n][];
      int[] seen = new int[n];
      for (int d = 0; d < n; d++) {
        TopKHeap heap = new TopKHeap(options.k());
        seen[d] = d + 1;
        for (int i = 0; i < nbr[d].length; i++) {
          seen[nbr[d][i]] = d + 1;
          heap.offer(sc[d][i], approximate.idRank(nbr[d][i]));
        }
        int row = d;
        IntConsumer score =
            c -> {
              if (seen[c] != row + 1) {
                seen[c] = row + 1;
                double s = approximate.scores().score(row, c);
                if (s > 0 && s >= options.minScore()) {
                  heap.offer(s, approximate.idRank(c));
                }
              }
            };
        for (int b : nbr[d]) {
          IntStream.of(nbr[b]).forEach(score);
          IntStream.of(reverse[b]).forEach(score);
        }
        for (int b : reverse[d]) {
          score.accept(b);
          IntStream.of(nbr[b]).forEach(score);
        }
        int[] ranks = new int[heap.size()];
        wantSc[d] = new double[heap.size()];
        heap.drainBestFirst(ranks, wantSc[d]);
        wantNbr[d] = IntStream.of(ranks).map(r -> byRank(r)).toArray();
      }
      search.run(nbr, sc, true, round);
      for (int d = 0; d < n; d++) {
        assertArrayEquals(wantNbr[d], nbr[d], "round " + round + ", paper " + d);
        assertArrayEquals(wantSc[d], sc[d], "round " + round + ", paper " + d);
      }
    }
  }

  private static int byRank(int rank) {
    if (byRank == null) {
      byRank = new int[vectors.size()];
      for (int d = 0; d < byRank.length; d++) {
        byRank[approximate.idRank(d)] = d;
      }
    }
    return byRank[rank];
  }

  @Test
  void everyScoreIsTheExactScoreOfThePairBestFirst() {
    for (int d = 0; d < vectors.size(); d += 7) {
      String id = vectors.paper(d).id();
      List<Neighbour> list = approximate.neighbours(id);
      assertTrue(list.size() <= options.k());
      for (int i = 0; i < list.size(); i++) {
        Neighbour nb = list.get(i);
        assertEquals(exact.score(id, nb.id()), nb.score(), 0.0, id + " -> " + nb.id());
        if (i > 0) {
          Neighbour before = list.get(i - 1);
          assertTrue(
              before.score() > nb.score()
                  || (before.score() == nb.score() && before.id().compareTo(nb.id()) < 0),
              "order at " + id + " position " + i);
        }
      }
    }
  }

  @Test
  void sameListsOnOneThread() {
    SimilarityEngine single =
        SimilarityEngine.of(
            vectors, options.withSearch(EngineOptions.Search.APPROXIMATE).withThreads(1));
    assertArrayEquals(approximate.neighbourDocs(), single.neighbourDocs());
  }

  @Test
  void autoIsExactUpToTheStatedSize() {
    assertFalse(EngineOptions.Search.AUTO.approximate(EngineOptions.APPROXIMATE_ABOVE));
    assertTrue(EngineOptions.Search.AUTO.approximate(EngineOptions.APPROXIMATE_ABOVE + 1));
    assertTrue(EngineOptions.Search.APPROXIMATE.approximate(10));
    assertFalse(EngineOptions.Search.EXACT.approximate(Integer.MAX_VALUE));
  }
}
