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
 * The fused top-k equals brute force over all pairs on 2,000 arXiv papers, ties by id included. The
 * exactness does not depend on which vectors are fused, so the embeddings here are seeded random
 * unit vectors correlated with the papers' categories (no model needed).
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
    // the thread count does not change the lists
    FusedSimilarity single =
        FusedSimilarity.of(
            SimilarityEngine.of(papers, options.withThreads(1)),
            vectors,
            new SemanticModelInfo("test", "random", "0", "-", 384));
    assertTrue(Arrays.deepEquals(fused.neighbourDocs(), single.neighbourDocs()));
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
      // every listed score is the exact fused score
      List<Neighbour> nb = approximate.neighbours(lexical.vectors().paper(d).id());
      for (Neighbour x : nb) {
        int b = lexical.doc(x.id());
        double text =
            exact
                .fusion()
                .text(lexical.vectors().cosine(d, b), Vectors.dot(vectors[d], vectors[b]));
        assertEquals(lexical.scoreWithText(d, b, text), x.score(), 1e-12, d + " - " + b);
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

  private static void assertBruteForce(
      SimilarityEngine lexical, FusedSimilarity fused, float[][] v) {
    int n = lexical.vectors().size();
    int k = lexical.options().k();
    int[][] got = fused.neighbourDocs();
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
      assertArrayEquals(Arrays.copyOf(want, m), got[a], "row " + a);
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
