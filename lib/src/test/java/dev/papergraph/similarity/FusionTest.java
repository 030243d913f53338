package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fusion rule applied to a whole row bounds each pair's own fused score closely, and the exact
 * search's float sums of lexical products bound the double sums the exact cosines are.
 */
class FusionTest {

  @Test
  void textsOfARowBoundEachPairsTextAndStayWithinTwoToTheMinusSixteenOfIt() {
    Fusion fusion = new Fusion(0.7, 0.016273, 0.12202, 0.762671, 0.237329);
    Random random = new Random(11);
    int n = 20_000;
    float[] lexical = new float[n];
    float[] semantic = new float[n];
    double scale = 1.000_01;
    double shift = 4.6e-5;
    for (int b = 0; b < n; b++) {
      // past 1 (capped) and below 0 (clipped) too; every tenth pair near float's smallest values
      // or with a semantic value that the shift just lifts above 0
      lexical[b] = (float) (random.nextDouble() * 1.2);
      semantic[b] = (float) (random.nextDouble() * 2.4 - 1.2);
      switch (b % 10) {
        case 0 -> lexical[b] = (float) (random.nextDouble() * 0x1p-126);
        case 1 -> lexical[b] = 0;
        case 2 -> semantic[b] = (float) (-shift * random.nextDouble());
        case 3 -> semantic[b] = (float) (-shift - 1e-9);
        default -> {}
      }
    }
    float[] out = new float[n];
    fusion.texts(lexical, scale, semantic, shift, out);
    int capped = 0;
    for (int b = 0; b < n; b++) {
      double x = lexical[b] * scale + 0x1p-120;
      double text = fusion.text(Math.min(1.0, x), semantic[b] + shift);
      double uncapped =
          fusion.alphaLexical() * x + fusion.alphaSemantic() * Math.max(0, semantic[b] + shift);
      assertTrue(out[b] >= text, "pair " + b + ": " + out[b] + " < " + text);
      assertTrue(
          out[b] <= uncapped * (1 + 0x1p-16) + 0x1p-99,
          "pair " + b + ": " + out[b] + " far above " + uncapped);
      if (text < uncapped) {
        capped++;
      }
    }
    // the caps met too
    assertTrue(capped > 100, capped + " capped");
  }

  @Test
  void floatSumsOfLexicalProductsTimesTheSlackBoundTheDoubleSums() {
    Random random = new Random(13);
    int below = 0;
    for (int row = 0; row < 20_000; row++) {
      int terms = 1 + random.nextInt(row % 10 == 0 ? 3_000 : 300);
      float f = 0;
      double d = 0;
      for (int t = 0; t < terms; t++) {
        // unit-row weights: many small, a few large, some tiny
        float q = (float) (random.nextDouble() / Math.sqrt(terms));
        float w = (float) Math.pow(random.nextDouble(), 1 + random.nextInt(8));
        f += q * w;
        d += (double) q * w;
      }
      if (f < d) {
        below++;
      }
      double bound = f * FusedSimilarity.lexicalSlack(terms) + 0x1p-120;
      assertTrue(bound >= d, "row " + row + ": " + bound + " < " + d);
    }
    // the float sum alone falls below the double sum often: the slack is needed
    assertTrue(below > 1_000, "float sums below the double sums: " + below);
  }
}
