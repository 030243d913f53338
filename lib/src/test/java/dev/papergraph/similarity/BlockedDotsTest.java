package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.embed.Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The block products are each within the stated slack of the exact dot product. */
class BlockedDotsTest {

  @Test
  void everyProductIsWithinItsSlackOfTheExactDotProduct() {
    // 300 vectors: two full blocks and a partial one; 387 dimensions: the 4-wide loop and a tail
    Random r = new Random(5);
    int n = 300, dim = 387;
    float[][] v = new float[n][dim];
    for (int a = 0; a < n; a++) {
      for (int i = 0; i < dim; i++) {
        v[a][i] = (float) (r.nextGaussian() + (a % 7 == 0 ? 3 : 0));
      }
      // most unit length, some longer, to check the slack scales with the norms
      v[a] = Vectors.normalised(v[a]);
      if (a % 5 == 0) {
        for (int i = 0; i < dim; i++) {
          v[a][i] *= 3;
        }
      }
    }
    BlockedDots dots = new BlockedDots(v);
    int from = 37, to = 37 + 40;
    float[][] scratch = new float[to - from][BlockedDots.BLOCK];
    float[][] out = new float[to - from][n];
    dots.products(from, to, scratch, out);
    double worst = 0;
    for (int a = from; a < to; a++) {
      for (int b = 0; b < n; b++) {
        double exact = Vectors.dot(v[a], v[b]);
        double error = Math.abs(out[a - from][b] - exact);
        assertTrue(
            error <= dots.slack(a), a + " · " + b + ": " + out[a - from][b] + " vs " + exact);
        worst = Math.max(worst, error / dots.slack(a));
      }
    }
    // the slack is a bound, not a guess far above the error: within two orders of magnitude
    assertTrue(worst > 1e-3, "largest error / slack " + worst);
  }

  @Test
  void rejectsVectorsOfDifferentLengths() {
    assertThrows(
        IllegalArgumentException.class, () -> new BlockedDots(new float[][] {{1, 0}, {1}}));
  }
}
