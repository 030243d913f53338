package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 *       neighbour, which recovers most of what the pruned postings missed. A pair that both papers
 *       would score is scored once for both, as NN-descent's local join does.
 * </ol>
 *
 * <p>Every score kept is exact ({@link PairScores}), so a list holds the right scores and only may
 * miss a paper; recall@10 against the exact lists is measured in {@code ApproximateTopKTest} and in
 * docs/BENCHMARKS.md. Rounds read the previous round's lists and write new ones, and ties go by id
 * rank, so the result does not depend on the thread count. Memory: the pruned postings (at most
 * {@code POSTINGS} per term), k lists per paper three times, per thread one dense query and a few
 * arrays of n, and the offers of one block of {@link #JOIN_BLOCK} rows that their lists would take.
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

  // the join's notes of a way from x to y: x would score y, y would score x, y is in x's list, x
  // is in y's list, x scored y in the first step
  private static final int FOR_X = 1;
  private static final int FOR_Y = 2;
  private static final int LISTED_BY_X = 4;
  private static final int LISTS_X = 8;
  private static final int TRIED_BY_X = 16;

  /** Rows joined between two applications of the offers they made. */
  static final int JOIN_BLOCK = 8192;

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
    run(nbrOut, scoresOut, true, ROUNDS);
  }

  /**
   * {@link #run(int[][], double[][])}, with the incremental local join ({@link #freshFlags}) or,
   * for comparison, every pair of every round scored again; and after this many rounds (0: the
   * first step's lists).
   */
  void run(int[][] nbrOut, double[][] scoresOut, boolean incremental, int rounds) {
    Pool pool = new Pool();
    int[][] first = new int[n][];
    double[][] firstScores = new double[n][];
    // each paper's candidates of the first step, already scored from its side (in doc order)
    int[][] tried = new int[n][];
    Parallel.forEach(
        options.threads(),
        n,
        pool::get,
        (s, d) -> {
          int[] c = s.candidates(d);
          s.emit(first, firstScores, d);
          Arrays.sort(c);
          tried[d] = c;
        });
    int[][] nbr = first;
    double[][] sc = firstScores;
    boolean[][] fresh = null; // every entry is new to the first round
    RowLists lists = rounds > 0 ? new RowLists(n, k) : null;
    double[] topicBounds = new double[rounds > 0 ? n : 0];
    Parallel.forEach(
        options.threads(),
        topicBounds.length,
        d -> topicBounds[d] = scores.topicBoundUnweighted(d));
    for (int round = 0; round < rounds; round++) {
      int[][] reverse = reverse(nbr);
      boolean[][] reverseFresh = fresh == null ? null : reverseFlags(nbr, fresh, reverse);
      Round r =
          new Round(
              nbr, sc, fresh, reverse, reverseFresh, round == 0 ? tried : null, lists, topicBounds);
      int[][] prev = nbr;
      double[][] prevScores = sc;
      Parallel.forEach(options.threads(), n, d -> lists.seed(d, prev[d], prevScores[d], idRank));
      // rows in blocks, so that the offers waiting for their rows stay few and short-lived
      for (int lo = 0; lo < n; lo += JOIN_BLOCK) {
        int from = lo;
        pool.reset();
        Parallel.forEach(
            options.threads(),
            Math.min(JOIN_BLOCK, n - lo),
            pool::get,
            (s, i) -> s.join(from + i, r));
        Parallel.forEachTask(
            options.threads(),
            Offers.PARTS,
            () -> null,
            (ignored, part) -> {
              for (Scratch s : pool.all) {
                s.offers.applyTo(part, lists);
              }
            });
      }
      if (round == 0) {
        Arrays.fill(tried, null);
      }
      int[][] next = new int[n][];
      double[][] nextScores = new double[n][];
      Parallel.forEach(options.threads(), n, d -> lists.drain(d, next, nextScores, byRank));
      fresh = incremental && round + 1 < rounds ? freshFlags(prev, next) : null;
      nbr = next;
      sc = nextScores;
    }
    System.arraycopy(nbr, 0, nbrOut, 0, n);
    System.arraycopy(sc, 0, scoresOut, 0, n);
  }

  /** One round's input: the lists it starts from, their flags, and where the offers go. */
  private record Round(
      int[][] nbr,
      double[][] sc,
      boolean[][] fresh,
      int[][] reverse,
      boolean[][] reverseFresh,
      int[][] tried,
      RowLists lists,
      double[] topicBounds) {}

  /**
   * Each thread's scratch, made once for the whole search: a thread takes one per parallel call (so
   * the dense arrays of n are not made again for each block of rows).
   */
  private final class Pool {
    final List<Scratch> all = new ArrayList<>();
    private int handedOut;

    synchronized Scratch get() {
      if (handedOut == all.size()) {
        all.add(new Scratch());
      }
      return all.get(handedOut++);
    }

    /** Before a parallel call: every scratch is free again. */
    synchronized void reset() {
      handedOut = 0;
    }
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

  private static int indexOf(int[] list, int doc) {
    for (int i = 0; i < list.length; i++) {
      if (list[i] == doc) {
        return i;
      }
    }
    throw new IllegalStateException("paper " + doc + " is not in the list");
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
   * Every paper's k best so far in one round, each a run sorted best first (higher score, then
   * lower id rank) in flat arrays, in pages of at most 2^24 entries. Entries are only offered once
   * each, so the kept set does not depend on the order of the offers.
   */
  private static final class RowLists {
    private final int k;
    private final int shift;
    private final int mask;
    private final double[][] score;
    private final int[][] item;
    private final int[] size;

    RowLists(int n, int k) {
      this.k = k;
      int perPage = Integer.highestOneBit(Math.max(1, (1 << 24) / k));
      shift = Integer.numberOfTrailingZeros(perPage);
      mask = perPage - 1;
      int pages = (n + perPage - 1) / perPage;
      score = new double[pages][];
      item = new int[pages][];
      for (int p = 0; p < pages; p++) {
        int rows = Math.min(perPage, n - p * perPage);
        score[p] = new double[rows * k];
        item[p] = new int[rows * k];
      }
      size = new int[n];
    }

    /** Row d holds the list, already best first (docs turned into id ranks). */
    void seed(int d, int[] docs, double[] scores, int[] idRank) {
      double[] s = score[d >>> shift];
      int[] it = item[d >>> shift];
      int base = (d & mask) * k;
      for (int i = 0; i < docs.length; i++) {
        s[base + i] = scores[i];
        it[base + i] = idRank[docs[i]];
      }
      size[d] = docs.length;
    }

    /** True when row d would refuse the entry: k kept, each better. */
    boolean refuses(int d, double s, int rank) {
      if (size[d] < k) {
        return false;
      }
      int last = (d & mask) * k + k - 1;
      return !better(s, rank, score[d >>> shift][last], item[d >>> shift][last]);
    }

    /** True when row d keeps k entries and the worst of them scores above s. */
    boolean fullAbove(int d, double s) {
      return size[d] == k && s < score[d >>> shift][(d & mask) * k + k - 1];
    }

    /** Keeps the entry in row d if it is among the k best so far. */
    void offer(int d, double sc, int rank) {
      if (refuses(d, sc, rank)) {
        return;
      }
      double[] s = score[d >>> shift];
      int[] it = item[d >>> shift];
      int base = (d & mask) * k;
      int m = Math.min(size[d], k - 1);
      int i = base + m;
      for (; i > base && better(sc, rank, s[i - 1], it[i - 1]); i--) {
        s[i] = s[i - 1];
        it[i] = it[i - 1];
      }
      s[i] = sc;
      it[i] = rank;
      size[d] = m + 1;
    }

    /** Row d's list as docs and scores, best first. */
    void drain(int d, int[][] nbr, double[][] sc, int[] byRank) {
      int m = size[d];
      int base = (d & mask) * k;
      int[] docs = new int[m];
      for (int i = 0; i < m; i++) {
        docs[i] = byRank[item[d >>> shift][base + i]];
      }
      nbr[d] = docs;
      sc[d] = Arrays.copyOfRange(score[d >>> shift], base, base + m);
    }

    private static boolean better(double s1, int r1, double s2, int r2) {
      return s1 > s2 || (s1 == s2 && r1 < r2);
    }
  }

  /**
   * One thread's offers to rows of the round's lists, held until the block of rows being joined is
   * done (the lists are read, not written, while pairs are scored), by part of the rows so that the
   * parts are applied on separate threads.
   */
  private static final class Offers {
    static final int PARTS = 64;
    private final int span;
    private final int[][] row = new int[PARTS][];
    private final int[][] rank = new int[PARTS][];
    private final double[][] score = new double[PARTS][];
    private final int[] count = new int[PARTS];

    Offers(int n) {
      span = Math.max(1, (n + PARTS - 1) / PARTS);
      for (int p = 0; p < PARTS; p++) {
        row[p] = new int[16];
        rank[p] = new int[16];
        score[p] = new double[16];
      }
    }

    void add(int d, double s, int r) {
      int p = d / span;
      int c = count[p];
      if (c == row[p].length) {
        row[p] = Arrays.copyOf(row[p], 2 * c);
        rank[p] = Arrays.copyOf(rank[p], 2 * c);
        score[p] = Arrays.copyOf(score[p], 2 * c);
      }
      row[p][c] = d;
      rank[p][c] = r;
      score[p][c] = s;
      count[p] = c + 1;
    }

    /** Offers part p's entries to the lists and forgets them. */
    void applyTo(int p, RowLists lists) {
      for (int i = 0; i < count[p]; i++) {
        lists.offer(row[p][i], score[p][i], rank[p][i]);
      }
      count[p] = 0;
    }
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
    // the join's ways from the row to each paper noted ({@link #note})
    final byte[] tag = new byte[n];
    final Offers offers = new Offers(n);
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
     * Step 2 for the pairs of paper x with the papers after it (each pair is joined from its first
     * paper only, and scored at most once for both): the papers that x or the other paper would
     * each score as its neighbours' neighbours and reverse neighbours (ways round the lists through
     * one middle paper b), scored exactly and offered to whichever of the two would score it
     * ({@link #note}). With flags (every round after the first), a way through old entries only is
     * skipped ({@link #freshFlags}). A paper's own list is not offered to it again, nor, in the
     * first round, a paper it scored in the first step: that ranked below its list then, and the
     * list has only improved since.
     */
    void join(int x, Round r) {
      begin(x);
      touchedCount = 0;
      int[][] nbr = r.nbr;
      boolean[][] fresh = r.fresh;
      boolean[][] rf = r.reverseFresh;
      int[] nx = nbr[x];
      int[] rx = r.reverse[x];
      // x's list: y's are known; x -> y is y's reverse neighbour
      for (int i = 0; i < nx.length; i++) {
        note(x, nx[i], LISTED_BY_X | (fresh == null || fresh[x][i] ? FOR_Y : 0));
      }
      // the papers listing x: x's reverse neighbours, already in their lists
      for (int i = 0; i < rx.length; i++) {
        note(x, rx[i], LISTS_X | (fresh == null || rf[x][i] ? FOR_X : 0));
      }
      if (r.tried != null) {
        for (int c : r.tried[x]) {
          note(x, c, TRIED_BY_X);
        }
      }
      for (int i = 0; i < nx.length; i++) {
        int b = nx[i];
        boolean newB = fresh == null || fresh[x][i];
        // x -> b -> y: y is a neighbour's neighbour of x (to y, x is its reverse's reverse: none)
        for (int j = 0; j < nbr[b].length; j++) {
          if (newB || fresh[b][j]) {
            note(x, nbr[b][j], FOR_X);
          }
        }
        // x -> b <- y: each is a neighbour's reverse neighbour of the other
        for (int j = 0; j < r.reverse[b].length; j++) {
          if (newB || rf[b][j]) {
            note(x, r.reverse[b][j], FOR_X | FOR_Y);
          }
        }
      }
      for (int i = 0; i < rx.length; i++) {
        int b = rx[i];
        boolean newB = fresh == null || rf[x][i];
        // x <- b -> y: each is a reverse neighbour's neighbour of the other
        for (int j = 0; j < nbr[b].length; j++) {
          if (newB || fresh[b][j]) {
            note(x, nbr[b][j], FOR_X | FOR_Y);
          }
        }
        // x <- b <- y: x is a neighbour's neighbour of y
        for (int j = 0; j < r.reverse[b].length; j++) {
          if (newB || rf[b][j]) {
            note(x, r.reverse[b][j], FOR_Y);
          }
        }
      }
      for (int c = 0; c < touchedCount; c++) {
        pair(x, touched[c], r);
      }
      end(x);
    }

    /** Notes a way from x to y (joined from x when y comes after it). */
    private void note(int x, int y, int bits) {
      if (y <= x) {
        return;
      }
      if (scored[y] != mark) {
        scored[y] = mark;
        tag[y] = (byte) bits;
        touched[touchedCount++] = y;
      } else {
        tag[y] |= (byte) bits;
      }
    }

    /** Scores the pair (x, y) if either would score it, and offers it to each that would. */
    private void pair(int x, int y, Round r) {
      int bits = tag[y];
      boolean forX = (bits & FOR_X) != 0 && (bits & (LISTED_BY_X | TRIED_BY_X)) == 0;
      boolean forY = (bits & FOR_Y) != 0 && (bits & LISTS_X) == 0;
      // a paper y scored in the first step would be refused by its list anyway: checked only
      // when x does not need the pair, to save the score
      if (forY && !forX && r.tried != null && Arrays.binarySearch(r.tried[y], x) >= 0) {
        forY = false;
      }
      if (!forX && !forY) {
        return;
      }
      if ((bits & LISTED_BY_X) != 0) {
        offer(r.lists, y, r.sc[x][indexOf(r.nbr[x], y)], x);
        return;
      }
      if ((bits & LISTS_X) != 0) {
        offer(r.lists, x, r.sc[y][indexOf(r.nbr[y], x)], y);
        return;
      }
      double text = textScore(y);
      double t = options.textWeight() > 0 ? Math.min(1.0, text) : 0;
      // a full list's worst score beats the most the topic could add: its Jaccard is not needed
      double bound = scores.scoreWithTextAndTopic(x, y, t, Math.min(topicBound, r.topicBounds[y]));
      forX = forX && !r.lists.fullAbove(x, bound);
      forY = forY && !r.lists.fullAbove(y, bound);
      if (!forX && !forY) {
        return;
      }
      double s = scores.scoreWithText(x, y, t);
      if (forX) {
        offer(r.lists, x, s, y);
      }
      if (forY) {
        offer(r.lists, y, s, x);
      }
    }

    /** Holds the entry (other, s) for row d unless d's list as it stands would refuse it. */
    private void offer(RowLists lists, int d, double s, int other) {
      if (!(s > 0) || s < options.minScore()) {
        return;
      }
      int rank = idRank[other];
      if (!lists.refuses(d, s, rank)) {
        offers.add(d, s, rank);
      }
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
