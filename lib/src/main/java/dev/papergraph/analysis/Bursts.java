package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Terms whose share of papers bursts for a span of periods: Kleinberg's two-state burst detection
 * over document counts per period, as CiteSpace reports it (term, strength, begin, end).
 *
 * <p>Kleinberg, J. (2002). "Bursty and Hierarchical Structure in Streams". Proceedings of the 8th
 * ACM SIGKDD International Conference on Knowledge Discovery and Data Mining (KDD '02), 91-101; the
 * batched ("enumerating bursts") form of section 4. For a term and periods {@code t = 1..n} with
 * {@code d_t} papers of which {@code r_t} contain the term, the base state emits the term with
 * probability {@code p0 = Σr / Σd} and the burst state with {@code p1 = s · p0} (capped below 1).
 * Being in state {@code q} at {@code t} costs {@code -ln(p_q^r_t (1 - p_q)^(d_t - r_t))} (the
 * binomial coefficient, equal in both states, is left out); entering the burst state costs {@code γ
 * ln n}, leaving it nothing. The cheapest state sequence (Viterbi, starting in the base state)
 * marks the bursts: maximal runs in the burst state, less any periods without the term at their
 * edges (a period without papers costs nothing in either state, so a run may stretch over empty
 * years). A burst's strength is the cost it saves, {@code Σ (cost_0(t) - cost_1(t))} over its
 * periods, the weight CiteSpace reports.
 *
 * <p>A paper counts once per term it contains (document counts, not occurrences), as in CiteSpace.
 * Cost {@code O(V · n)} for V terms found in at least {@code minPapers} papers, plus the term sets
 * of the papers.
 */
public final class Bursts {

  /** Default ratio of the burst rate to the base rate. */
  public static final double S_DEFAULT = 2.0;

  /** Default weight of the cost of entering a burst. */
  public static final double GAMMA_DEFAULT = 1.0;

  /** Default least number of papers a term must occur in to be considered. */
  public static final int MIN_PAPERS_DEFAULT = 5;

  /**
   * One burst of a term.
   *
   * @param term the analysed term
   * @param display its readable form
   * @param strength the cost the burst saves (larger is stronger)
   * @param begin the first period of the burst (see {@link Period})
   * @param end the last period of the burst, inclusive
   * @param papers the papers containing the term during the burst
   */
  public record Burst(
      String term, String display, double strength, int begin, int end, int papers) {}

  private final double s;
  private final double gamma;
  private final int minPapers;

  /**
   * @param s ratio of the burst rate to the base rate, greater than 1
   * @param gamma weight of the cost of entering a burst, positive
   * @param minPapers least papers a term must occur in, at least 1
   * @throws IllegalArgumentException naming the value, if one is out of range
   */
  public Bursts(double s, double gamma, int minPapers) {
    if (!(s > 1) || !Double.isFinite(s)) {
      throw new IllegalArgumentException("s must be a finite number above 1: " + s);
    }
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma must be a finite positive number: " + gamma);
    }
    if (minPapers < 1) {
      throw new IllegalArgumentException("min papers must be at least 1: " + minPapers);
    }
    this.s = s;
    this.gamma = gamma;
    this.minPapers = minPapers;
  }

  /** Detection with the defaults (s 2, γ 1, terms in at least 5 papers). */
  public static Bursts defaults() {
    return new Bursts(S_DEFAULT, GAMMA_DEFAULT, MIN_PAPERS_DEFAULT);
  }

  /**
   * The bursts of the terms of the papers, strongest first (then by term and begin).
   *
   * @param papers the papers; those without a date of the period's precision are left out
   * @param terms the papers' analysed terms (a term counts once per paper)
   * @param period years or months
   */
  public List<Burst> detect(Collection<Paper> papers, TermSource terms, Period period) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (Paper p : papers) {
      OptionalInt t = period.of(p);
      if (t.isPresent()) {
        first = Math.min(first, t.getAsInt());
        last = Math.max(last, t.getAsInt());
      }
    }
    if (first > last) {
      return List.of();
    }
    int n = last - first + 1;
    int[] docs = new int[n];
    // per term, papers containing it per period; TreeMap keeps the terms in order
    Map<String, int[]> counts = new TreeMap<>();
    for (Paper p : papers) {
      OptionalInt t = period.of(p);
      if (t.isEmpty()) {
        continue;
      }
      int i = t.getAsInt() - first;
      docs[i]++;
      for (String term : terms.termCounts(p.id()).keySet()) {
        counts.computeIfAbsent(term, k -> new int[n])[i]++;
      }
    }
    List<String> kept = new ArrayList<>();
    Map<String, List<int[]>> runs = new HashMap<>();
    Map<String, double[]> strengths = new HashMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int total = 0;
      for (int r : e.getValue()) {
        total += r;
      }
      if (total < minPapers) {
        continue;
      }
      List<double[]> found = bursts(e.getValue(), docs, s, gamma);
      if (!found.isEmpty()) {
        kept.add(e.getKey());
        List<int[]> spans = new ArrayList<>();
        double[] w = new double[found.size()];
        for (int k = 0; k < found.size(); k++) {
          spans.add(new int[] {(int) found.get(k)[0], (int) found.get(k)[1]});
          w[k] = found.get(k)[2];
        }
        runs.put(e.getKey(), spans);
        strengths.put(e.getKey(), w);
      }
    }
    Map<String, String> display = terms.display(kept);
    List<Burst> out = new ArrayList<>();
    for (String term : kept) {
      List<int[]> spans = runs.get(term);
      int[] r = counts.get(term);
      for (int k = 0; k < spans.size(); k++) {
        int[] sp = spans.get(k);
        int inBurst = 0;
        for (int i = sp[0]; i <= sp[1]; i++) {
          inBurst += r[i];
        }
        out.add(
            new Burst(
                term,
                display.getOrDefault(term, term),
                strengths.get(term)[k],
                first + sp[0],
                first + sp[1],
                inBurst));
      }
    }
    out.sort(
        Comparator.comparingDouble(Burst::strength)
            .reversed()
            .thenComparing(Burst::term)
            .thenComparingInt(Burst::begin));
    return out;
  }

  /**
   * The bursts of one series: each as {begin index, end index inclusive, strength}, in time order.
   *
   * @param r papers containing the term per period
   * @param d papers per period
   * @throws IllegalArgumentException if the arrays differ in length or some {@code r_t > d_t}
   */
  public static List<double[]> bursts(int[] r, int[] d, double s, double gamma) {
    int n = r.length;
    if (d.length != n) {
      throw new IllegalArgumentException("series of different lengths: " + n + " and " + d.length);
    }
    long sumR = 0;
    long sumD = 0;
    for (int t = 0; t < n; t++) {
      if (r[t] < 0 || r[t] > d[t]) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "period %d has %d papers with the term but %d papers", t, r[t], d[t]));
      }
      sumR += r[t];
      sumD += d[t];
    }
    List<double[]> out = new ArrayList<>();
    if (sumR == 0 || sumR == sumD || n == 0) {
      return out; // never or always present: no rate to rise above
    }
    double p0 = (double) sumR / sumD;
    double p1 = Math.min(s * p0, 0.9999);
    double enter = gamma * Math.log(n);
    double[] c0 = new double[n];
    double[] c1 = new double[n];
    for (int t = 0; t < n; t++) {
      c0[t] = cost(p0, r[t], d[t]);
      c1[t] = cost(p1, r[t], d[t]);
    }
    // Viterbi over two states; from[t][q] is the state at t - 1 on the best path to q at t
    double best0 = c0[0];
    double best1 = enter + c1[0];
    boolean[][] from1 = new boolean[n][2];
    for (int t = 1; t < n; t++) {
      double stay0 = best0;
      double leave1 = best1; // leaving the burst costs nothing
      double n0 = Math.min(stay0, leave1) + c0[t];
      from1[t][0] = leave1 < stay0;
      double enter1 = best0 + enter;
      double stay1 = best1;
      double n1 = Math.min(enter1, stay1) + c1[t];
      from1[t][1] = stay1 <= enter1;
      best0 = n0;
      best1 = n1;
    }
    boolean[] state = new boolean[n];
    boolean q = best1 < best0;
    for (int t = n - 1; t >= 0; t--) {
      state[t] = q;
      q = from1[t][q ? 1 : 0];
    }
    for (int t = 0; t < n; ) {
      if (!state[t]) {
        t++;
        continue;
      }
      int b = t;
      while (t < n && state[t]) {
        t++;
      }
      // periods without the term at either edge (empty periods cost nothing in either state) are
      // not the burst
      int e = t - 1;
      while (b < e && r[b] == 0) {
        b++;
      }
      while (e > b && r[e] == 0) {
        e--;
      }
      double w = 0;
      for (int i = b; i <= e; i++) {
        w += c0[i] - c1[i];
      }
      out.add(new double[] {b, e, w});
    }
    return out;
  }

  // -ln(p^r (1-p)^(d-r)); an empty period costs nothing in either state
  private static double cost(double p, int r, int d) {
    return -(r * Math.log(p) + (d - r) * Math.log(1 - p));
  }
}
