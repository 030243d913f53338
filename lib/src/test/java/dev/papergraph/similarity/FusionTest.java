package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fusion rule applied to a whole row gives each pair's own fused score. */
class FusionTest {

  @Test
  void textsOfARowEqualEachPairsTextToTheLastBit() {
    Fusion fusion = new Fusion(0.7, 0.016273, 0.12202, 0.762671, 0.237329);
    Random random = new Random(11);
    int n = 5_000;
    double[] lexical = new double[n];
    float[] semantic = new float[n];
    for (int b = 0; b < n; b++) {
      // past 1 (capped) and below 0 (clipped) too
      lexical[b] = random.nextDouble() * 1.2;
      semantic[b] = (float) (random.nextDouble() * 2.4 - 1.2);
    }
    double shift = 4.6e-5;
    double[] out = new double[n];
    fusion.texts(lexical, semantic, shift, out);
    for (int b = 0; b < n; b++) {
      assertEquals(
          Double.doubleToRawLongBits(fusion.text(Math.min(1.0, lexical[b]), semantic[b] + shift)),
          Double.doubleToRawLongBits(out[b]),
          "pair " + b);
    }
  }
}
