package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BurstsTest {

  @Test
  void findsTheBurstPlantedInAConstructedSeries() {
    // 100 papers a year for 12 years; the term is in 5 of them, except 30 in years 5 to 7
    int[] d = new int[12];
    int[] r = new int[12];
    for (int t = 0; t < 12; t++) {
      d[t] = 100;
      r[t] = t >= 5 && t <= 7 ? 30 : 5;
    }
    List<double[]> b = Bursts.bursts(r, d, 2, 1);
    assertEquals(1, b.size());
    assertEquals(5, (int) b.get(0)[0]);
    assertEquals(7, (int) b.get(0)[1]);
    // the strength is the cost saved over the three years, computed by hand here
    double p0 = (9 * 5 + 3 * 30) / 1200.0;
    double p1 = 2 * p0;
    double saved =
        3
            * (-(30 * Math.log(p0) + 70 * Math.log(1 - p0))
                + (30 * Math.log(p1) + 70 * Math.log(1 - p1)));
    assertEquals(saved, b.get(0)[2], 1e-9);
  }

  @Test
  void aFlatSeriesHasNoBurst() {
    int[] d = {50, 60, 70, 80, 90, 100};
    int[] r = {5, 6, 7, 8, 9, 10};
    assertTrue(Bursts.bursts(r, d, 2, 1).isEmpty());
  }

  @Test
  void viterbiPathIsTheCheapestOfAllStateSequences() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(9);
      int[] d = new int[n];
      int[] r = new int[n];
      for (int t = 0; t < n; t++) {
        d[t] = 1 + random.nextInt(40);
        r[t] = random.nextInt(d[t] + 1);
      }
      double s = 1.5 + random.nextDouble() * 2;
      double gamma = 0.2 + random.nextDouble() * 2;
      boolean[] expected = bruteForce(r, d, s, gamma);
      boolean[] actual = new boolean[n];
      for (double[] b : Bursts.bursts(r, d, s, gamma)) {
        for (int t = (int) b[0]; t <= (int) b[1]; t++) {
          actual[t] = true;
        }
      }
      if (expected != null) {
        assertEquals(
            Arrays.toString(expected),
            Arrays.toString(actual),
            () -> "r " + Arrays.toString(r) + " d " + Arrays.toString(d));
      }
    }
  }

  /** The cheapest state sequence by enumeration, or null when two tie (either answer is right). */
  static boolean[] bruteForce(int[] r, int[] d, double s, double gamma) {
    int n = r.length;
    long sr = 0;
    long sd = 0;
    for (int t = 0; t < n; t++) {
      sr += r[t];
      sd += d[t];
    }
    if (sr == 0 || sr == sd) {
      return new boolean[n];
    }
    double p0 = (double) sr / sd;
    double p1 = Math.min(s * p0, 0.9999);
    double best = Double.POSITIVE_INFINITY;
    double second = Double.POSITIVE_INFINITY;
    int bestMask = 0;
    for (int mask = 0; mask < 1 << n; mask++) {
      double c = 0;
      boolean prev = false;
      for (int t = 0; t < n; t++) {
        boolean q = (mask >> t & 1) == 1;
        double p = q ? p1 : p0;
        c -= r[t] * Math.log(p) + (d[t] - r[t]) * Math.log(1 - p);
        if (q && !prev) {
          c += gamma * Math.log(n);
        }
        prev = q;
      }
      if (c < best) {
        second = best;
        best = c;
        bestMask = mask;
      } else if (c < second) {
        second = c;
      }
    }
    if (second - best < 1e-9) {
      return null;
    }
    boolean[] out = new boolean[n];
    for (int t = 0; t < n; t++) {
      out[t] = (bestMask >> t & 1) == 1;
    }
    return out;
  }

  @Test
  void detectsATermBurstingInPapers() {
    // 20 papers a year 2010-2019; "transformer" in 1 paper a year, but in 12 of 2016's and 2017's
    List<Paper> papers = new ArrayList<>();
    Map<String, Map<String, Double>> counts = new HashMap<>();
    for (int year = 2010; year <= 2019; year++) {
      int with = year == 2016 || year == 2017 ? 12 : 1;
      for (int i = 0; i < 20; i++) {
        String id = "p" + year + "-" + i;
        papers.add(
            Paper.builder().id(id).title("paper " + id).date(PartialDate.ofYear(year)).build());
        Map<String, Double> terms = new HashMap<>();
        terms.put("model", 2.0);
        if (i < with) {
          terms.put("transform", 3.0);
        }
        counts.put(id, terms);
      }
    }
    papers.add(Paper.builder().id("undated").title("no date").build());
    TermSource source = TermSource.of(counts, Map.of("transform", "transformer"));
    List<Bursts.Burst> bursts = Bursts.defaults().detect(papers, source, Period.YEAR);
    assertEquals(1, bursts.size(), bursts::toString);
    Bursts.Burst b = bursts.get(0);
    assertEquals("transformer", b.display());
    assertEquals(2016, b.begin());
    assertEquals(2017, b.end());
    assertEquals(24, b.papers());
    assertTrue(b.strength() > 0);
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new Bursts(1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Bursts(2, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Bursts(2, 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> Bursts.bursts(new int[] {3}, new int[] {2}, 2, 1));
  }
}
