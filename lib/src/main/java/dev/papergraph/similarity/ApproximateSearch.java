package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.text.TermVectors;
import java.util.Arrays;

/**
 * Approximate top-k for corpora too large for the exact join, whose cost grows with the overlap of
 * postings (about n² on abstracts, where almost every pair shares a term). Two steps, each bounded
 * per paper, so the whole is {@code O(n)} for a fixed vocabulary shape:
 *
 * <ol>
 *   <li><b>Candidates from impact-ordered postings</b> (static index pruning, Carmel et al. 2001,
 *       "Static index pruning for information retrieval systems"): each term keeps only its {@link
 *       #POSTINGS} highest-weighted postings; a paper's row accumulates its {@link #TERMS}
 *       highest-impact terms ({@code w_q · max w}) over them, and the {@link #CANDIDATES} best
 *       partial scores are scored exactly.
 *   <li><b>Neighbours of neighbours</b> (the local join of NN-descent, Dong, Moses and Li 2011,
 *       "Efficient k-nearest neighbor graph construction for generic similarity measures"): for
 *       {@link #ROUNDS} rounds, each paper scores exactly the neighbours of its neighbours and its
 *       reverse neighbours, keeping the k best. A neighbour of a neighbour is very often a
 *       neighbour, which recovers most of what the pruned postings missed.
 * </ol>
 *
 * <p>Every score kept is exact ({@link PairScores}), so a list holds the right scores and only may
 * miss a paper; recall@10 against the exact lists is measured in {@code ApproximateTopKTest} and in
 * docs/BENCHMARKS.md. Rounds read the previous round's lists and write new ones, and ties go by id
 * rank, so the result does not depend on the thread count. Memory: the pruned postings (at most
 * {@code POSTINGS} per term), k lists per paper twice, and per thread one dense query and one
 * accumulator array of n.
 */
final class ApproximateSearch {

  /** Postings kept per term, highest weights first: bounds the work per query term. */
  static final int POSTINGS = 512;

  /** Query terms accumulated per paper, highest impact first. */
  static final int TERMS = 48;

  /** Candidates per paper scored exactly after accumulation. */
  static final int CANDIDATES = 100;

  /** Rounds of neighbours-of-neighbours refinement. */
  static final int ROUNDS = 2;

  private final TermVectors vectors;
  private final EngineOptions options;
  private final PairScores scores;
  private final int[] idRank;
  private final int[] byRank;
  private final int n;
  private final int k;
  // pruned postings: term t's at [start[t], start[t+1]), weights descending
  private final int[] pStart;
  private final int[] pDoc;
  private final float[] pWeight;

  ApproximateSearch(
      TermVectors vectors, EngineOptions options, PairScores scores, int[] idRank, int[] byRank) {
    this.vectors = vectors;
    this.options = options;
    this.scores = scores;
    this.idRank = idRank;
    this.byRank = byRank;
    this.n = vectors.size();
    this.k = options.k();
    int v = vectors.vocabularySize();
    pStart = new int[v + 1];
    for (int t = 0; t < v; t++) {
      pStart[t + 1] =
          pStart[t] + Math.min(POSTINGS, vectors.postingEnd(t) - vectors.postingStart(t));
    }
    pDoc = new int[pStart[v]];
    pWeight = new float[pStart[v]];
    Parallel.forEach(options.threads(), v, t -> prune(t));
  }

  /** Keeps term t's highest-weighted postings, weights descending (ties by doc). */
  private void prune(int t) {
    int s = vectors.postingStart(t), e = vectors.postingEnd(t);
    int keep = pStart[t + 1] - pStart[t];
    if (e - s == keep) {
      long[] packed = new long[keep];
      for (int p = s; p < e; p++) {
        packed[p - s] = pack(vectors.postingWeight(p), vectors.postingDoc(p));
      }
      Arrays.sort(packed);
      unpack(packed, keep, pStart[t]);
      return;
    }
    TopKHeap heap = new TopKHeap(keep);
    for (int p = s; p < e; p++) {
      heap.offer(vectors.postingWeight(p), vectors.postingDoc(p));
    }
    int[] docs = new int[keep];
    double[] w = new double[keep];
    heap.drainBestFirst(docs, w);
    for (int i = 0; i < keep; i++) {
      pDoc[pStart[t] + i] = docs[i];
      pWeight[pStart[t] + i] = (float) w[i];
    }
  }

  /** Sorts ascending as weight descending, then doc ascending (weights are non-negative). */
  private static long pack(float w, int doc) {
    return ((long) (Integer.MAX_VALUE - Float.floatToIntBits(w)) << 32) | doc;
  }

  private void unpack(long[] packed, int m, int at) {
    for (int i = 0; i < m; i++) {
      pDoc[at + i] = (int) packed[i];
      pWeight[at + i] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (packed[i] >>> 32));
    }
  }

  /**
   * Every paper's approximate top-k into the arrays: neighbour docs and their exact scores, best
   * first (ties by id rank).
   */
  void run(int[][] nbrOut, double[][] scoresOut) {
    run(nbrOut, scoresOut, true);
  }

  /**
   * {@link #run(int[][], double[][])}, with the incremental local join ({@link #freshFlags}) or,
   * for comparison, every pair of every round scored again.
   */
  void run(int[][] nbrOut, double[][] scoresOut, boolean incremental) {
    int[][] first = new int[n][];
    double[][] firstScores = new double[n][];
    // each paper's candidates of the first step, already scored from its side
    int[][] tried = new int[n][];
    Parallel.forEach(
        options.threads(),
        n,
        Scratch::new,
        (s, d) -> {
          tried[d] = s.candidates(d);
          s.emit(first, firstScores, d);
        });
    int[][] nbr = first;
    double[][] sc = firstScores;
    boolean[][] fresh = null; // every entry is new to the first round
    for (int round = 0; round < ROUNDS; round++) {
      int[][] reverse = reverse(nbr);
      boolean[][] reverseFresh = fresh == null ? null : reverseFlags(nbr, fresh, reverse);
      int[][] prev = nbr;
      double[][] prevScores = sc;
      boolean[][] prevFresh = fresh;
      int[][] scoredBefore = round == 0 ? tried : null;
      int[][] next = new int[n][];
      double[][] nextScores = new double[n][];
      Parallel.forEach(
          options.threads(),
          n,
          Scratch::new,
          (s, d) -> {
            s.refine(
                d,
                prev,
                prevScores,
                prevFresh,
                reverse,
                reverseFresh,
                scoredBefore == null ? null : scoredBefore[d]);
            s.emit(next, nextScores, d);
          });
      if (round == 0) {
        Arrays.fill(tried, null);
      }
      fresh = incremental && round + 1 < ROUNDS ? freshFlags(prev, next) : null;
      nbr = next;
      sc = nextScores;
    }
    System.arraycopy(nbr, 0, nbrOut, 0, n);
    System.arraycopy(sc, 0, scoresOut, 0, n);
  }

  /**
   * For each entry of each new list, whether the paper's previous list lacked it. A pair reached
   * only through entries that are all old was scored, from the same end, in the previous round
   * against a list no better than the current one, so it cannot enter now: the incremental local
   * join of NN-descent (Dong, Moses and Li 2011, section 3.2) skips it, and the lists are the same
   * as when every pair is scored again.
   */
  private boolean[][] freshFlags(int[][] prev, int[][] next) {
    boolean[][] fresh = new boolean[n][];
    Parallel.forEach(
        options.threads(),
        n,
        d -> {
          int[] now = next[d];
          boolean[] f = new boolean[now.length];
          for (int i = 0; i < now.length; i++) {
            f[i] = !contains(prev[d], now[i]);
          }
          fresh[d] = f;
        });
    return fresh;
  }

  private static boolean contains(int[] list, int doc) {
    for (int x : list) {
      if (x == doc) {
        return true;
      }
    }
    return false;
  }

  /**
   * The flags of the reverse lists: entry j of {@code reverse[b]} is a paper a listing b, new when
   * b is new in a's list.
   */
  private static boolean[][] reverseFlags(int[][] nbr, boolean[][] fresh, int[][] reverse) {
    int n = nbr.length;
    boolean[][] rf = new boolean[n][];
    int[] fill = new int[n];
    for (int b = 0; b < n; b++) {
      rf[b] = new boolean[reverse[b].length];
    }
    // reverse(nbr) lists the papers a in ascending order, as this loop visits them
    for (int a = 0; a < n; a++) {
      for (int i = 0; i < nbr[a].length; i++) {
        int b = nbr[a][i];
        rf[b][fill[b]++] = fresh[a][i];
      }
    }
    return rf;
  }

  /** For each paper, the papers that list it (in doc order). */
  static int[][] reverse(int[][] nbr) {
    int n = nbr.length;
    int[] count = new int[n];
    for (int[] row : nbr) {
      for (int b : row) {
        count[b]++;
      }
    }
    int[][] rev = new int[n][];
    for (int d = 0; d < n; d++) {
      rev[d] = new int[count[d]];
      count[d] = 0;
    }
    for (int a = 0; a < n; a++) {
      for (int b : nbr[a]) {
        rev[b][count[b]++] = a;
      }
    }
    return rev;
  }

  /**
   * One thread's scratch: a dense query and a bit per term of it, accumulators, and marks of papers
   * already scored.
   */
  private final class Scratch {
    final float[] query = new float[vectors.vocabularySize()];
    // bit t set when term t is in the query: 1/32 of the query's size, so it stays in cache
    final long[] queryBits = new long[(vectors.vocabularySize() + 63) >>> 6];
    // a candidate's row positions whose term the query holds
    int[] shared = new int[64];
    final double[] acc = new double[n];
    final int[] touched = new int[n];
    final int[] scored = new int[n];
    int mark;
    int touchedCount;
    double topicBound;
    final TopKHeap best = new TopKHeap(k);
    final TopKHeap partial = new TopKHeap(CANDIDATES);
    long[] order = new long[64];

    /**
     * Step 1: accumulate the row's highest-impact terms over pruned postings, score the best.
     *
     * @return the papers scored (doc numbers)
     */
    int[] candidates(int d) {
      begin(d);
      int qs = vectors.start(d), qe = vectors.end(d), m = qe - qs;
      if (order.length < m) {
        order = new long[m];
      }
      for (int p = qs; p < qe; p++) {
        int t = vectors.termAt(p);
        double impact = (double) vectors.weightAt(p) * vectors.maxWeight(t);
        order[p - qs] = pack((float) impact, p - qs);
      }
      Arrays.sort(order, 0, m);
      touchedCount = 0;
      for (int i = 0; i < Math.min(m, TERMS); i++) {
        int p = qs + (int) order[i];
        int t = vectors.termAt(p);
        double q = vectors.weightAt(p);
        for (int pp = pStart[t], pe = pStart[t + 1]; pp < pe; pp++) {
          int doc = pDoc[pp];
          if (doc == d) {
            continue;
          }
          double a = acc[doc];
          // a paper met for the first time is noted without a branch the processor cannot predict
          touched[touchedCount] = doc;
          touchedCount += a == 0 ? 1 : 0;
          acc[doc] = a + q * pWeight[pp];
        }
      }
      partial.clear();
      for (int c = 0; c < touchedCount; c++) {
        int doc = touched[c];
        double a = acc[doc];
        // below the worst kept the heap would refuse it: its id rank is not needed
        if (!partial.full() || a >= partial.worstScore()) {
          partial.offer(a, idRank[doc]);
        }
        acc[doc] = 0;
      }
      int size = partial.size();
      int[] ranks = new int[size];
      double[] ignored = new double[size];
      partial.drainBestFirst(ranks, ignored);
      for (int i = 0; i < size; i++) {
        ranks[i] = byRank[ranks[i]];
        consider(d, ranks[i]);
      }
      end(d);
      return ranks;
    }

    /**
     * Step 2: the current neighbours, their neighbours and the reverse neighbours, scored exactly.
     * With flags (every round after the first), a paper reached through old entries only is skipped
     * ({@link #freshFlags}). A paper that d scored in the first step ({@code scoredBefore}) is
     * skipped too: it ranked below d's list then, and the list has only improved since.
     */
    void refine(
        int d,
        int[][] nbr,
        double[][] sc,
        boolean[][] fresh,
        int[][] reverse,
        boolean[][] reverseFresh,
        int[] scoredBefore) {
      begin(d);
      if (scoredBefore != null) {
        for (int c : scoredBefore) {
          scored[c] = mark;
        }
      }
      // the current list is kept with its exact scores
      for (int i = 0; i < nbr[d].length; i++) {
        scored[nbr[d][i]] = mark;
        offer(nbr[d][i], sc[d][i]);
      }
      for (int i = 0; i < nbr[d].length; i++) {
        int b = nbr[d][i];
        boolean newB = fresh == null || fresh[d][i];
        for (int j = 0; j < nbr[b].length; j++) {
          if (newB || fresh[b][j]) {
            consider(d, nbr[b][j]);
          }
        }
        for (int j = 0; j < reverse[b].length; j++) {
          if (newB || reverseFresh[b][j]) {
            consider(d, reverse[b][j]);
          }
        }
      }
      for (int i = 0; i < reverse[d].length; i++) {
        int b = reverse[d][i];
        boolean newB = fresh == null || reverseFresh[d][i];
        if (newB) {
          consider(d, b);
        }
        for (int j = 0; j < nbr[b].length; j++) {
          if (newB || fresh[b][j]) {
            consider(d, nbr[b][j]);
          }
        }
      }
      end(d);
    }

    private void begin(int d) {
      best.clear();
      if (++mark == 0) {
        Arrays.fill(scored, 0);
        mark = 1;
      }
      scored[d] = mark;
      topicBound = scores.topicBoundUnweighted(d);
      for (int p = vectors.start(d), pe = vectors.end(d); p < pe; p++) {
        int t = vectors.termAt(p);
        query[t] = vectors.weightAt(p);
        queryBits[t >>> 6] |= 1L << t;
      }
    }

    private void end(int d) {
      for (int p = vectors.start(d), pe = vectors.end(d); p < pe; p++) {
        int t = vectors.termAt(p);
        query[t] = 0;
        queryBits[t >>> 6] = 0;
      }
    }

    /** Scores paper c exactly against d (once per row) and offers it. */
    private void consider(int d, int c) {
      if (scored[c] == mark) {
        return;
      }
      scored[c] = mark;
      double text = textScore(c);
      double t = options.textWeight() > 0 ? Math.min(1.0, text) : 0;
      // a full list's worst score beats the most the topic could add: its Jaccard is not needed
      if (best.full() && scores.scoreWithTextAndTopic(d, c, t, topicBound) < best.worstScore()) {
        return;
      }
      offer(c, scores.scoreWithText(d, c, t));
    }

    /**
     * The cosine of the query and paper c: the same sum, in c's term order, as the exact search, so
     * the scores agree to the last bit. The shared terms are picked out first by the query's bits,
     * without a branch per term (most of c's terms are not the query's, unpredictably) and without
     * a load from the query's weights for each; only they are then added, in the same order (a
     * query weight of 0 adds 0, which leaves the sum as it is).
     */
    private double textScore(int c) {
      int s = vectors.start(c), e = vectors.end(c);
      if (shared.length < e - s) {
        shared = new int[Math.max(e - s, 2 * shared.length)];
      }
      int m = 0;
      for (int p = s; p < e; p++) {
        int t = vectors.termAt(p);
        shared[m] = p;
        m += (int) (queryBits[t >>> 6] >>> t) & 1;
      }
      double text = 0;
      for (int i = 0; i < m; i++) {
        int p = shared[i];
        text += (double) query[vectors.termAt(p)] * vectors.weightAt(p);
      }
      return text;
    }

    private void offer(int doc, double s) {
      if (!(s > 0) || s < options.minScore()) {
        return;
      }
      best.offer(s, idRank[doc]);
    }

    void emit(int[][] nbr, double[][] sc, int d) {
      int size = best.size();
      int[] ranks = new int[size];
      double[] s = new double[size];
      best.drainBestFirst(ranks, s);
      int[] docs = new int[size];
      for (int i = 0; i < size; i++) {
        docs[i] = byRank[ranks[i]];
      }
      nbr[d] = docs;
      sc[d] = s;
    }
  }
}
