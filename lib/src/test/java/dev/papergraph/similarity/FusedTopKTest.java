package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.embed.Vectors;
import dev.papergraph.model.Paper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fused candidates equal brute force over all pairs on 2,000 arXiv papers, ties by id included,
 * and the neighbours are those candidates re-ranked by the documented query expansion, computed
 * here independently. The exactness does not depend on which vectors are fused, so the embeddings
 * here are seeded random unit vectors correlated with the papers' categories (no model needed).
 */
class FusedTopKTest {

  @Test
  void fusedTopKEqualsBruteForceOnTwoThousandArxivPapers() throws IOException {
    List<Paper> papers = ExactTopKTest.arxivSample(2000);
    EngineOptions options = EngineOptions.defaults().withSemanticWeight(0.7);
    SimilarityEngine lexical = SimilarityEngine.of(papers, options);
    float[][] vectors = vectors(lexical, 384, 7);
    FusedSimilarity fused =
        FusedSimilarity.of(
            lexical, vectors, new SemanticModelInfo("test", "random", "0", "-", 384));
    assertBruteForce(lexical, fused, vectors);
    assertTrue(String.valueOf(fused.manifest().get("fusion.expansion")).contains("0.2"));
    // the thread count does not change the lists
    FusedSimilarity single =
        FusedSimilarity.of(
            SimilarityEngine.of(papers, options.withThreads(1)),
            vectors,
            new SemanticModelInfo("test", "random", "0", "-", 384));
    assertTrue(Arrays.deepEquals(fused.neighbourDocs(), single.neighbourDocs()));
  }

  @Test
  void lowestPassingBoundSkipsOnlyPairsTheRowsTestRejects() {
    Random r = new Random(5);
    double eps = 1e-9;
    for (int run = 0; run < 2000; run++) {
      double wText = 0.5 + 0.5 * r.nextDouble();
      double topic = r.nextBoolean() ? 0 : 0.2 * r.nextDouble();
      double citation = r.nextBoolean() ? 0 : 0.15 * r.nextDouble();
      double theta = r.nextDouble();
      double lowest = FusedSimilarity.lowestPassingBound(theta, wText, topic, citation);
      for (int i = 0; i <= 1000; i++) {
        double t = i / 1000.0;
        boolean passes = wText * t + TopicGate.gated(topic, t) + citation >= theta - eps;
        assertTrue(!passes || t >= lowest, "t " + t + " passes below " + lowest);
      }
      if (lowest > 0) {
        // and it filters: just above it the test passes
        double t = lowest + 2e-9;
        assertTrue(wText * t + TopicGate.gated(topic, t) + citation >= theta - eps);
      }
    }
  }

  @Test
  void candidateModeFindsNearlyAllOfTheExactListsWithExactScores() throws IOException {
    List<Paper> papers = ExactTopKTest.arxivSample(2000);
    EngineOptions options = EngineOptions.defaults().withSemanticWeight(0.7);
    SimilarityEngine lexical = SimilarityEngine.of(papers, options);
    float[][] vectors = vectors(lexical, 384, 11);
    SemanticModelInfo model = new SemanticModelInfo("test", "random", "0", "-", 384);
    FusedSimilarity exact = FusedSimilarity.of(lexical, vectors, model);
    assertFalse(exact.approximate());
    FusedSimilarity approximate =
        FusedSimilarity.of(
            SimilarityEngine.of(papers, options.withSearch(EngineOptions.Search.APPROXIMATE)),
            vectors,
            model);
    assertTrue(approximate.approximate());
    assertTrue(
        String.valueOf(approximate.manifest().get("fusion.search")).startsWith("candidates"));
    int[][] want = exact.neighbourDocs();
    int[][] got = approximate.neighbourDocs();
    long found = 0, total = 0;
    for (int d = 0; d < want.length; d++) {
      Set<Integer> w = new HashSet<>();
      for (int b : want[d]) {
        w.add(b);
      }
      for (int b : got[d]) {
        found += w.contains(b) ? 1 : 0;
      }
      total += want[d].length;
      // every listed rank is the rule's, from exact scores over the paper's own candidates
      int[] cand = approximate.candidateDocs()[d];
      List<Neighbour> nb = approximate.neighbours(lexical.vectors().paper(d).id());
      for (Neighbour x : nb) {
        int b = lexical.doc(x.id());
        assertEquals(rank(lexical, exact, vectors, d, b, cand), x.score(), 1e-12, d + " - " + b);
      }
    }
    double recall = (double) found / total;
    assertTrue(recall >= 0.95, "recall@10 " + recall);
    // the thread count does not change the lists
    FusedSimilarity single =
        FusedSimilarity.of(
            SimilarityEngine.of(
                papers, options.withSearch(EngineOptions.Search.APPROXIMATE).withThreads(1)),
            vectors,
            model);
    assertTrue(Arrays.deepEquals(got, single.neighbourDocs()));
  }

  @Test
  void explanationsCarryBothScoresAndAddUp() throws IOException {
    List<Paper> papers = ExactTopKTest.arxivSample(300);
    SimilarityEngine lexical = SimilarityEngine.of(papers, EngineOptions.defaults());
    float[][] vectors = vectors(lexical, 32, 3);
    FusedSimilarity fused =
        FusedSimilarity.of(lexical, vectors, new SemanticModelInfo("test", "random", "0", "-", 32));
    for (Link l : fused.links().subList(0, 50)) {
      EdgeExplanation e = l.explanation();
      assertEquals(lexical.explain(l.a(), l.b()).text(), e.lexical(), 0);
      assertEquals(fused.semantic(l.a(), l.b()), e.semantic(), 0);
      assertEquals(fused.fusion().text(e.lexical(), e.semantic()), e.text(), 1e-12);
      assertEquals(
          e.score(),
          e.text() * 0.75
              + e.topic() * 0.10
              + e.direct() * 0.05
              + e.coupling() * 0.05
              + e.cocitation() * 0.05,
          1e-9);
    }
  }

  /** The exact fused score of a pair, from the lexical cosine and the vectors. */
  private static double score(
      SimilarityEngine lexical, FusedSimilarity fused, float[][] v, int a, int b) {
    return lexical.scoreWithText(
        a, b, fused.fusion().text(lexical.vectors().cosine(a, b), Vectors.dot(v[a], v[b])));
  }

  /** The documented rank of candidate b of paper a with these candidates (best score first). */
  private static double rank(
      SimilarityEngine lexical, FusedSimilarity fused, float[][] v, int a, int b, int[] cand) {
    int m = Math.min(FusedSimilarity.EXPANSION_NEIGHBOURS, cand.length);
    double q = 0;
    for (int i = 0; i < m; i++) {
      q += cand[i] == b ? 1 : score(lexical, fused, v, cand[i], b);
    }
    return score(lexical, fused, v, a, b) + FusedSimilarity.EXPANSION_WEIGHT * q / m;
  }

  private static void assertBruteForce(
      SimilarityEngine lexical, FusedSimilarity fused, float[][] v) {
    int n = lexical.vectors().size();
    int k = Math.max(lexical.options().k(), FusedSimilarity.EXPANSION_CANDIDATES);
    int[][] got = fused.candidateDocs();
    int[][] neighbours = fused.neighbourDocs();
    for (int a = 0; a < n; a++) {
      double[] s = new double[n];
      Integer[] order = new Integer[n];
      for (int b = 0; b < n; b++) {
        order[b] = b;
        s[b] =
            b == a
                ? Double.NEGATIVE_INFINITY
                : lexical.scoreWithText(
                    a,
                    b,
                    fused.fusion().text(lexical.vectors().cosine(a, b), Vectors.dot(v[a], v[b])));
      }
      final int self = a;
      Arrays.sort(
          order, Comparator.<Integer>comparingDouble(b -> -s[b]).thenComparingInt(lexical::idRank));
      int m = 0;
      int[] want = new int[k];
      for (int i = 0; i < n && m < k; i++) {
        int b = order[i];
        if (b != self && s[b] > 0 && s[b] >= lexical.options().minScore()) {
          want[m++] = b;
        }
      }
      int[] cand = Arrays.copyOf(want, m);
      assertArrayEquals(cand, got[a], "row " + a);
      // the neighbours: the candidates by the documented rank, ties by id, the k best
      double[] r = new double[n];
      Integer[] byRank = new Integer[m];
      for (int i = 0; i < m; i++) {
        byRank[i] = cand[i];
        r[cand[i]] = rank(lexical, fused, v, a, cand[i], cand);
      }
      Arrays.sort(
          byRank,
          Comparator.<Integer>comparingDouble(b -> -r[b]).thenComparingInt(lexical::idRank));
      int keep = Math.min(lexical.options().k(), m);
      int[] wantNeighbours = new int[keep];
      for (int i = 0; i < keep; i++) {
        wantNeighbours[i] = byRank[i];
      }
      assertArrayEquals(wantNeighbours, neighbours[a], "neighbours of row " + a);
      List<Neighbour> listed = fused.neighbours(lexical.vectors().paper(a).id());
      for (int i = 0; i < keep; i++) {
        assertEquals(r[wantNeighbours[i]], listed.get(i).score(), 1e-12, "rank in row " + a);
      }
    }
  }

  /** Unit vectors: a shared direction per first topic plus seeded noise, so neighbours cluster. */
  private static float[][] vectors(SimilarityEngine lexical, int dim, long seed) {
    Random r = new Random(seed);
    int n = lexical.vectors().size();
    Map<String, float[]> centre = new TreeMap<>();
    float[][] out = new float[n][dim];
    for (int d = 0; d < n; d++) {
      Paper p = lexical.vectors().paper(d);
      String key = p.topics().isEmpty() ? "" : p.topics().get(0).key();
      float[] c =
          centre.computeIfAbsent(
              key,
              x -> {
                float[] z = new float[dim];
                for (int i = 0; i < dim; i++) {
                  z[i] = (float) r.nextGaussian();
                }
                return z;
              });
      for (int i = 0; i < dim; i++) {
        out[d][i] = c[i] + 1.5f * (float) r.nextGaussian();
      }
      out[d] = Vectors.normalised(out[d]);
    }
    return out;
  }
}
