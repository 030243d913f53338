package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.text.TermVectors;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The block sums of the exact fused search: with frequent terms as dense columns they bound the
 * exact lexical cosine ({@link TermVectors#cosine}) by {@link FusedSimilarity#lexicalSlack} as the
 * postings scatter alone does, and differ from it by no more than float rounding.
 */
class LexicalBlockTest {

  @Test
  void denseColumnsBoundTheExactCosineAsThePostingsScatterDoes() throws IOException {
    TermVectors vectors =
        SimilarityEngine.of(ExactTopKTest.arxivSample(1000), EngineOptions.defaults()).vectors();
    int n = vectors.size();
    LexicalBlock dense = new LexicalBlock(vectors);
    // no term is in more than all papers: the scatter alone
    LexicalBlock scatter = new LexicalBlock(vectors, 2.0);
    assertEquals(0, scatter.denseTerms());
    assertTrue(dense.denseTerms() > 0, "some terms are dense: " + dense.denseTerms());
    int rows = 32;
    float[][] a = new float[rows][n];
    float[][] b = new float[rows][n];
    for (int from = 0; from < n; from += rows) {
      int to = Math.min(n, from + rows);
      dense.add(from, to, a);
      scatter.add(from, to, b);
      for (int d = from; d < to; d++) {
        double slack = FusedSimilarity.lexicalSlack(vectors.end(d) - vectors.start(d));
        for (int x = 0; x < n; x++) {
          double exact = vectors.cosine(d, x);
          float sd = a[d - from][x], ss = b[d - from][x];
          assertTrue(exact <= sd * slack, () -> "dense sum below the exact cosine");
          assertTrue(exact <= ss * slack, () -> "scatter sum below the exact cosine");
          // both are the exact sum within float rounding (a cosine is at most 1 + rounding)
          assertTrue(Math.abs(sd - ss) <= 1e-5, () -> sd + " vs " + ss);
          // a pair sharing no term sums only zeros: exactly 0 either way
          assertEquals(exact > 0, sd > 0);
          assertEquals(exact > 0, ss > 0);
        }
        Arrays.fill(a[d - from], 0);
        Arrays.fill(b[d - from], 0);
      }
    }
  }
}
