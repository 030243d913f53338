package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.embed.Vectors;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The block products are each within the stated slack of the exact dot product. */
class BlockedDotsTest {

  @Test
  void everyProductIsWithinItsSlackOfTheExactDotProduct() {
    // two full blocks and a partial one; 387 dimensions: the 4-wide loop and a tail
    float[][] v = vectors(2 * BlockedDots.BLOCK + 44, 387, 5);
    for (boolean fma : new boolean[] {false, true}) {
      int n = v.length;
      BlockedDots dots = new BlockedDots(v, fma);
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
              error <= dots.slack(a),
              fma + ": " + a + " · " + b + ": " + out[a - from][b] + " vs " + exact);
          worst = Math.max(worst, error / dots.slack(a));
        }
      }
      // the slack is a bound, not a guess far above the error: within two orders of magnitude
      assertTrue(worst > 1e-3, fma + ": largest error / slack " + worst);
    }
  }

  @Test
  void rowBlocksKeepEachProductAsAnUpperBoundWithinOneStep() {
    // five full blocks and a partial one, so most pairs are kept for a later row; from FMA_FROM
    // vectors on, the products by fused multiply-adds wherever the VM has them
    int block = BlockedDots.BLOCK;
    float[][] v = vectors(5 * block + 60, 67, 9);
    int n = v.length;
    BlockedDots dots = new BlockedDots(v);
    for (int rows : new int[] {32, 128, 1}) {
      BlockedDots.RowBlocks blocks = dots.rowBlocks(rows);
      assertTrue(blocks.mirrored());
      float[][][] got = new float[blocks.count()][][];
      // two threads: blocks wait for the products that earlier ones keep for them
      Parallel.forEach(
          2,
          blocks.count(),
          () -> new float[rows][BlockedDots.BLOCK],
          (scratch, ignored) -> {
            int r = blocks.next();
            float[][] out = new float[rows][n];
            blocks.products(r, scratch, out);
            got[r] = out;
          });
      assertThrows(IllegalStateException.class, blocks::next);
      int kept = 0;
      for (int r = 0; r < blocks.count(); r++) {
        int from = blocks.from(r), to = blocks.to(r);
        float[][] want = new float[to - from][n];
        dots.products(from, to, new float[to - from][BlockedDots.BLOCK], want);
        for (int a = from; a < to; a++) {
          for (int b = 0; b < n; b++) {
            float x = got[r][a - from][b], y = want[a - from][b];
            if (b / BlockedDots.BLOCK >= a / BlockedDots.BLOCK) {
              assertEquals(y, x, 0, rows + ": " + a + " · " + b);
            } else {
              kept++;
              assertTrue(x >= y && x - y <= blocks.step(), rows + ": " + a + " · " + b);
              // so within the slack plus one step of the exact product
              assertTrue(x - Vectors.dot(v[a], v[b]) <= dots.slack(a) + blocks.step());
            }
          }
        }
      }
      // the lower triangle of the blocks: the pairs of different blocks, both ways
      assertEquals(block * block * (1 + 2 + 3 + 4) + 60 * block * 5, kept, "rows " + rows);
    }
  }

  @Test
  void rowBlocksRejectARowCountThatDoesNotDivideTheBlock() {
    BlockedDots dots = new BlockedDots(vectors(10, 4, 1));
    assertThrows(IllegalArgumentException.class, () -> dots.rowBlocks(48));
    // one block of vectors: nothing for a later row
    assertFalse(dots.rowBlocks(2).mirrored());
  }

  /** Seeded vectors: most of unit length, some longer (the slack scales with the norms). */
  private static float[][] vectors(int n, int dim, long seed) {
    Random r = new Random(seed);
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
    return v;
  }

  @Test
  void rejectsVectorsOfDifferentLengths() {
    assertThrows(
        IllegalArgumentException.class, () -> new BlockedDots(new float[][] {{1, 0}, {1}}));
  }
}
