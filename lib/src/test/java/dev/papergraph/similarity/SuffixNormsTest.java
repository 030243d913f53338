package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.text.TermVectors;
import dev.papergraph.text.TextOptions;
import org.junit.jupiter.api.Test;

/** The L2AP norms the exact top-k prunes with bound what they claim to bound. */
class SuffixNormsTest {

  @Test
  void bandsNeverDecreaseAndSplitEachPowerOfTwoInTwo() {
    int previous = 0;
    for (int df = 1; df <= 1 << 20; df++) {
      int b = SuffixNorms.band(df);
      assertTrue(b >= previous, "band of " + df);
      previous = b;
    }
    assertEquals(0, SuffixNorms.band(1));
    assertEquals(2, SuffixNorms.band(2));
    assertEquals(3, SuffixNorms.band(3));
    assertEquals(4, SuffixNorms.band(4));
    assertEquals(4, SuffixNorms.band(5));
    assertEquals(5, SuffixNorms.band(6));
    assertEquals(5, SuffixNorms.band(7));
    assertEquals(2 * 16, SuffixNorms.band(74_728));
    assertEquals(2 * 16 + 1, SuffixNorms.band(100_000));
  }

  @Test
  void normsBoundEveryPapersWeightsOnItsMoreFrequentTerms() {
    TermVectors v = TermVectors.build(ExactTopKTest.generated(600, 7), TextOptions.DEFAULTS, 2);
    SuffixNorms s = SuffixNorms.of(v, 2);
    int n = v.size();
    double[] termMax = new double[v.vocabularySize()];
    for (int d = 0; d < n; d++) {
      for (int p = v.start(d); p < v.end(d); p++) {
        int df = v.docFrequency(v.termAt(p));
        // the norm over the terms at least as frequent, summed directly
        double sq = 0;
        for (int x = v.start(d); x < v.end(d); x++) {
          if (v.docFrequency(v.termAt(x)) >= df) {
            sq += (double) v.weightAt(x) * v.weightAt(x);
          }
        }
        double exact = Math.sqrt(sq);
        double stored = s.norm(s.offset(SuffixNorms.band(df)), d);
        assertTrue(stored >= exact, "paper " + d + " from df " + df);
        termMax[v.termAt(p)] = Math.max(termMax[v.termAt(p)], exact);
      }
      // the first band holds the whole row: unit length
      if (v.end(d) > v.start(d)) {
        assertEquals(1.0, s.norm(s.offset(0), d), 1e-6);
      }
    }
    for (int t = 0; t < termMax.length; t++) {
      assertTrue(s.termMax(t) >= termMax[t], "term " + t);
    }
    // the bands are not vacuous: some paper's norm from a later band is well under 1
    boolean shrinks = false;
    for (int d = 0; d < n && !shrinks; d++) {
      shrinks = s.norm(s.offset(s.bands() - 1), d) < 0.5;
    }
    assertTrue(shrinks);
  }
}
