package dev.papergraph.bench;

import dev.papergraph.similarity.SimilarityEngine;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Recall@k of a corpus's top-k lists where the exact search of every paper costs too much: the
 * exact lists of a seeded random sample of papers, by brute force with the exact search's scorer
 * ({@link SimilarityEngine#bruteForceNeighbourDocs}), against the lists given. The estimate is the
 * sample mean of each paper's recall (the share of its exact list found in its list, over papers
 * with a non-empty exact list: {@link RecallBench#recall} on the sample), with a 95 % confidence
 * interval from the normal approximation of the mean, its standard error narrowed by the finite
 * population correction (so a sample of every paper gives the exact recall and an empty interval).
 *
 * @param papers the corpus size
 * @param sampled papers drawn
 * @param counted of them, those with a non-empty exact list (the mean's terms)
 * @param recall the estimate
 * @param low the interval's lower end (at least 0)
 * @param high its upper end (at most 1)
 * @param seconds the wall time of the brute force
 * @param cpuSeconds its CPU time (all threads of the process)
 */
record SampledRecall(
    int papers,
    int sampled,
    int counted,
    double recall,
    double low,
    double high,
    double seconds,
    double cpuSeconds) {

  /** The sample size the benchmarks draw unless told otherwise. */
  static final int DEFAULT_SAMPLE = 1000;

  /** The seed the benchmarks draw with unless told otherwise. */
  static final long DEFAULT_SEED = 42;

  /** The normal quantile of a two-sided 95 % interval. */
  private static final double Z95 = 1.959964;

  /**
   * Measures the recall of {@code lists} (each paper's list, doc numbers, as {@link
   * SimilarityEngine#neighbourDocs} gives them) against the engine's exact lists on a sample.
   *
   * @param sample papers to draw, without replacement (all of them when the corpus is smaller)
   * @throws IllegalArgumentException if the lists are not one per paper or the sample is below 1
   */
  static SampledRecall measure(SimilarityEngine engine, int[][] lists, int sample, long seed) {
    int n = engine.vectors().size();
    if (lists.length != n) {
      throw new IllegalArgumentException(lists.length + " lists for " + n + " papers");
    }
    if (sample < 1) {
      throw new IllegalArgumentException("the sample must hold at least one paper: " + sample);
    }
    int[] docs = sample(n, sample, seed);
    long t0 = System.nanoTime();
    long c0 = BuildRun.processCpuNanos();
    int[][] exact = engine.bruteForceNeighbourDocs(docs);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (BuildRun.processCpuNanos() - c0) / 1e9;
    int[][] given = new int[docs.length][];
    for (int i = 0; i < docs.length; i++) {
      given[i] = lists[docs[i]];
    }
    double[] perPaper = perPaperRecall(exact, given);
    return estimate(n, docs.length, perPaper, seconds, cpu);
  }

  /**
   * {@code m} distinct doc numbers out of {@code 0..n-1} (all of them when {@code m >= n}), drawn
   * by a partial Fisher-Yates shuffle seeded with {@code seed}, in increasing order.
   */
  static int[] sample(int n, int m, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    int take = Math.min(n, m);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, take);
    Arrays.sort(out);
    return out;
  }

  /**
   * Each paper's recall, the share of its exact list found in its given list, for the papers with a
   * non-empty exact list, in their order.
   */
  static double[] perPaperRecall(int[][] exact, int[][] given) {
    double[] out = new double[exact.length];
    int m = 0;
    for (int i = 0; i < exact.length; i++) {
      if (exact[i].length == 0) {
        continue;
      }
      int hit = 0;
      for (int x : exact[i]) {
        for (int y : given[i]) {
          if (x == y) {
            hit++;
            break;
          }
        }
      }
      out[m++] = (double) hit / exact[i].length;
    }
    return Arrays.copyOf(out, m);
  }

  /**
   * The mean of the per-paper recalls of {@code sampled} papers out of {@code papers}, with its 95
   * % interval: mean ± z · s / √m · √(1 − sampled / papers), s the sample standard deviation of the
   * m values; an empty sample counts as recall 1 (no list to miss), as {@link RecallBench#recall}
   * does.
   */
  static SampledRecall estimate(
      int papers, int sampled, double[] perPaper, double seconds, double cpuSeconds) {
    int m = perPaper.length;
    if (m == 0) {
      return new SampledRecall(papers, sampled, 0, 1, 1, 1, seconds, cpuSeconds);
    }
    double sum = 0;
    for (double r : perPaper) {
      sum += r;
    }
    double mean = sum / m;
    double squares = 0;
    for (double r : perPaper) {
      squares += (r - mean) * (r - mean);
    }
    double sd = m > 1 ? Math.sqrt(squares / (m - 1)) : 0;
    double correction = Math.sqrt(Math.max(0, 1 - (double) sampled / papers));
    double half = Z95 * sd / Math.sqrt(m) * correction;
    return new SampledRecall(
        papers,
        sampled,
        m,
        mean,
        Math.max(0, mean - half),
        Math.min(1, mean + half),
        seconds,
        cpuSeconds);
  }

  /** True when the interval holds {@code value}. */
  boolean covers(double value) {
    return low <= value && value <= high;
  }

  /** "0.9874 (95 % CI 0.9851-0.9897, 1000 sampled)", as the tables print it. */
  String describe() {
    return String.format(
        Locale.ROOT, "%.4f (95 %% CI %.4f-%.4f, %d sampled)", recall, low, high, sampled);
  }
}
