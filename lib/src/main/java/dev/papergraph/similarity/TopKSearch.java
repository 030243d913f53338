package dev.papergraph.similarity;

import dev.papergraph.text.PaperTopics;
import dev.papergraph.text.TermVectors;
import java.util.Arrays;

/**
 * One thread's exact top-k search: each paper's row is a query against the inverted index, term at
 * a time with max-score pruning (Turtle and Flood 1995) and the length bound of prefix filtering
 * (Bayardo, Ma and Srikant 2007). {@link #search} runs the phases in order:
 *
 * <ol>
 *   <li>{@link #prepare}: query terms rarest first, and {@code bound[i]}, the most text score any
 *       paper can still gain from terms {@code i..}: {@code min(1, Σ w_q·max w, ‖w_q rest‖)}; for a
 *       paper not met before term i, also {@code max_j≥i ‖w_q from j‖·termMax(j)}, and for a paper
 *       already met, {@code ‖w_q rest‖} times its own norm on terms that frequent ({@link
 *       SuffixNorms}, the length bounds of L2AP, Anastasiu and Karypis 2014).
 *   <li>{@link #accumulate}: add postings to accumulators while a paper not yet seen could still
 *       enter the top k.
 *   <li>{@link #finish}: no new papers; either add the remaining postings to the papers already
 *       seen, or leave them to the next phase, whichever touches fewer entries.
 *   <li>{@link #scoreSeen}: exact scores for the papers seen whose bound reaches the k-th best.
 *   <li>{@link #scoreUnseen}: papers sharing no accumulated term but topics or references.
 * </ol>
 *
 * <p>Invariants the pruning relies on:
 *
 * <ul>
 *   <li>Every weight is non-negative, so an accumulator only grows and the remaining terms' bound
 *       is an upper bound of what a paper can still gain; the bounds are safe.
 *   <li>{@code theta} (see {@link #theta}) is always at most the final k-th best score: it is the
 *       minimum score, the k-th best of exact scores found so far, or the k-th best of partial
 *       accumulated text scores, each a lower bound of it. A paper whose upper bound stays below
 *       {@code theta - EPS} cannot be in the top k.
 *   <li>Exact scores are computed by {@link PairScores}, symmetric to the last bit because sums run
 *       in term order, so a pair scores the same from both ends and the heap's tie-break by id rank
 *       decides the rest: the result does not depend on the thread or the order of rows.
 *   <li>Accumulators are floats (half the cache footprint of doubles): a row's partial sums are
 *       within {@code accSlack} ((terms + 2)·2⁻²³, the first-order bound of float products and sums
 *       of a partial cosine, doubled) of the exact ones, and every test on them allows for it.
 *       Exact scores never come from the accumulators.
 * </ul>
 *
 * <p>A paper is seen in a row once its accumulator is above 0 (weights are positive). While a row
 * has met few papers it lists them ({@link #touched}) and every later pass and the reset walk the
 * list; once it has met 1/{@link #DENSE_SHARE} of all papers its accumulators are treated as one
 * dense array: postings are added without listing anything, the candidates are found by one scan in
 * doc order and the reset is one fill. Both give the same lists.
 *
 * <p>Scratch memory: one accumulator, one flag and one touched slot per paper, one query slot per
 * term, reused row after row and left clean after each.
 */
final class TopKSearch {

  /**
   * Slack in pruning comparisons: far above the rounding error of sums of products of floats in
   * doubles, far below any score difference that matters.
   */
  static final double EPS = 1e-9;

  /**
   * While accumulating, the running threshold is the k-th best accumulated score of the first
   * {@code SAMPLE} papers touched: a lower bound of the k-th best over all of them (so still safe),
   * at a cost that does not grow with the number of papers touched.
   */
  static final int SAMPLE = 1024;

  /**
   * The running threshold is refreshed each time the remaining terms' bound has fallen to this
   * share of its value at the last refresh: often enough to stop early, rarely enough to cost
   * little.
   */
  static final double REFRESH = 0.8;

  /**
   * The cost of looking a term up in one candidate's row (a binary search), in postings scanned: a
   * term is added by lookups when the candidates times this are fewer than its postings.
   */
  static final int LOOKUP_COST = 12;

  /**
   * A row whose phase 1 has met this share of all papers (1/DENSE_SHARE) goes on with its
   * accumulators as one dense array: postings are added without registering the papers met, and the
   * later passes scan the accumulators in doc order instead of the list of papers met. On large
   * corpora most rows meet most papers, where the per-paper list cost three random-access passes
   * (registration, candidates, reset) and the dense scans are sequential.
   */
  static final int DENSE_SHARE = 8;

  private final TermVectors vectors;
  private final PaperTopics topics;
  private final CitationIndex citations;
  private final EngineOptions options;
  private final PairScores scores;
  private final SuffixNorms suffix;
  private final int[] idRank;
  private final int[] byRank;
  private final int k;
  private final double wText;

  /** The cost of scoring one paper exactly, in postings: the mean row length. */
  private final long exactCost;

  private final float[] acc;
  private final boolean[] scored;
  private final float[] query;

  /**
   * The current row's terms as a bit set over the vocabulary: 64 times smaller than {@link #query},
   * so the test an exact score makes for each of a paper's terms stays in cache.
   */
  private final long[] queryTerms;

  private final int[] touched;
  private final int[] candidates;
  private final int denseAt;
  private final TopKHeap accumulated;
  private final TopKHeap best;

  // the current row
  private int d;
  private int qs;
  private int m;
  private long[] order = new long[64];
  private double[] bound = new double[65];
  private double[] unseen = new double[65];
  private double[] restNorm = new double[65];
  private int[] restBand = new int[65];
  private double topicExtra;
  private double citationExtra;
  private int touchedCount;
  private int candidateCount;

  /**
   * True once the row's accumulators are dense: every paper met has an accumulator above 0, and the
   * list {@link #touched} holds only the first papers met (those before the switch).
   */
  private boolean dense;

  /** The papers scored exactly by {@link #scoreLeaders} (flagged in {@link #scored}). */
  private int[] leaders = new int[16];

  private int leaderCount;

  /** Rows whose phase 2 left its candidates to exact scores rather than look-ups (for tests). */
  private long exactFinishes;

  private double thetaText;

  /** The most a float accumulator of the current row can differ from its exact partial sum. */
  private double accSlack;

  /**
   * A search over these vectors; {@code idRank[doc]} is the rank of the doc's paper id, {@code
   * byRank} its inverse.
   */
  TopKSearch(
      TermVectors vectors,
      PaperTopics topics,
      CitationIndex citations,
      EngineOptions options,
      PairScores scores,
      SuffixNorms suffix,
      int[] idRank,
      int[] byRank) {
    this.vectors = vectors;
    this.suffix = suffix;
    this.topics = topics;
    this.citations = citations;
    this.options = options;
    this.scores = scores;
    this.idRank = idRank;
    this.byRank = byRank;
    this.k = options.k();
    this.wText = options.textWeight();
    int n = vectors.size();
    acc = new float[n];
    scored = new boolean[n];
    query = new float[vectors.vocabularySize()];
    queryTerms = new long[(vectors.vocabularySize() + 63) >>> 6];
    touched = new int[n];
    candidates = new int[n];
    denseAt = Math.max(k, n / DENSE_SHARE);
    exactCost = n == 0 ? 0 : Math.max(1, vectors.start(n) / n);
    accumulated = new TopKHeap(k);
    best = new TopKHeap(k);
  }

  /** The rows searched so far whose phase 2 ended by scoring its candidates exactly. */
  long exactFinishes() {
    return exactFinishes;
  }

  /** One paper's top-k neighbours. */
  record Row(int[] docs, double[] scores) {}

  /** The top-k neighbours of paper d, best first, ties by id rank. */
  Row search(int d) {
    prepare(d);
    int i = wText > 0 ? accumulate() : 0;
    double restBound = unseen[i];
    int next = finish(i);
    scoreSeen(next);
    scoreUnseen(restBound);
    Row row = emit();
    reset();
    return row;
  }

  /** Phase 0: the non-text bound, the query terms rarest first and the remaining-terms bounds. */
  private void prepare(int doc) {
    d = doc;
    touchedCount = 0;
    candidateCount = 0;
    leaderCount = 0;
    dense = false;
    thetaText = 0;
    best.clear();
    qs = vectors.start(d);
    int qe = vectors.end(d);
    m = qe - qs;
    // m float products and sums of a partial cosine (at most 1): first-order bound, doubled
    accSlack = (m + 2) * 0x1p-23;
    topicExtra = scores.topicBound(d);
    citationExtra = scores.citationBound(d);
    if (order.length < m) {
      order = new long[m];
      bound = new double[m + 1];
      unseen = new double[m + 1];
      restNorm = new double[m + 1];
      restBand = new int[m + 1];
    }
    // rarest first: short postings and large weights come first
    for (int p = qs; p < qe; p++) {
      int t = vectors.termAt(p);
      order[p - qs] = ((long) vectors.docFrequency(t) << 32) | (p - qs);
      query[t] = vectors.weightAt(p);
      queryTerms[t >>> 6] |= 1L << t;
    }
    Arrays.sort(order, 0, m);
    double sum = 0, sq = 0, firstMet = 0;
    bound[m] = 0;
    unseen[m] = 0;
    restNorm[m] = 0;
    restBand[m] = 0;
    for (int i = m - 1; i >= 0; i--) {
      int p = position(i);
      int t = vectors.termAt(p);
      double q = vectors.weightAt(p);
      sum += q * vectors.maxWeight(t);
      sq += q * q;
      double norm = Math.sqrt(sq);
      bound[i] = Math.min(1, Math.min(sum, norm));
      restNorm[i] = norm;
      restBand[i] = suffix.offset(SuffixNorms.band(vectors.docFrequency(t)));
      // a paper first met at term i gains at most ‖q from i‖ · its norm from i's band (L2AP)
      firstMet = Math.max(firstMet, norm * suffix.termMax(t));
      unseen[i] = Math.min(bound[i], firstMet);
    }
  }

  /**
   * The most paper doc can still gain from the query terms {@code j..} (rarest first): the
   * remaining terms' bound, or the norm of the rest of the query times the paper's norm on terms as
   * frequent as term j and more (Cauchy-Schwarz), whichever is less.
   */
  private double rest(int j, int doc) {
    return Math.min(bound[j], restNorm[j] * suffix.norm(restBand[j], doc));
  }

  /**
   * Phase 1: accumulates query terms while a paper not yet seen could still enter the top k; the
   * running threshold is refreshed each time the bound has fallen by {@link #REFRESH}. The papers
   * met (seen) are those whose accumulator is above 0.
   *
   * @return the first term not accumulated (m when all were)
   */
  private int accumulate() {
    int i = 0;
    double nextCheck = unseen[0];
    for (; i < m; i++) {
      if (touchedCount >= k && unseen[i] <= nextCheck) {
        thetaText =
            Math.max(thetaText, wText * kthLargestAccumulated(Math.min(touchedCount, SAMPLE)));
        scoreLeaders();
        nextCheck = unseen[i] * REFRESH;
      }
      if (upper(unseen[i]) < theta() - EPS) {
        break;
      }
      int p = position(i);
      if (dense) {
        addPostingsDense(vectors.termAt(p), vectors.weightAt(p));
      } else {
        addPostings(vectors.termAt(p), vectors.weightAt(p));
        dense = touchedCount >= denseAt;
      }
    }
    if (touchedCount >= k) {
      thetaText =
          Math.max(thetaText, wText * kthLargestAccumulated(Math.min(touchedCount, SAMPLE)));
    }
    return i;
  }

  /**
   * Phase 2: narrows the papers seen to the candidates whose bound still reaches the running k-th
   * best, then takes the terms {@code i..} one at a time while that is cheaper than scoring the
   * candidates exactly: a term is added either by scanning its postings or, when the candidates are
   * fewer, by looking it up in each candidate's row; after each term the candidates whose bound no
   * longer reaches the k-th best are dropped (max-score pruning of candidates, each candidate with
   * its own bound of what the rest can add, see {@link #rest}). Once the terms left would be looked
   * up and their binary searches cost a candidate more than one exact score ({@link #text}, a scan
   * of its row), the rest is left to the exact scores (with rows of 125 terms on average, as at
   * 74,728 arXiv papers: once 11 terms or more are left).
   *
   * @return the first term not added to the candidates' accumulators (m when complete)
   */
  private int finish(int i) {
    double needed = minText(theta() - EPS) - accSlack;
    candidateCount = 0;
    if (dense) {
      keepSeen(i, needed);
    } else {
      keepCandidates(touched, touchedCount, i, needed);
    }
    if (wText == 0) {
      return i;
    }
    long sinceFilter = 0;
    int j = i;
    while (j < m && candidateCount > 0) {
      int p = position(j);
      int t = vectors.termAt(p);
      long postings = vectors.postingEnd(t) - vectors.postingStart(t);
      long lookups = (long) candidateCount * LOOKUP_COST;
      if ((long) candidateCount * exactCost <= Math.min(postings, lookups)) {
        return j;
      }
      if (postings > lookups && (m - j) * (long) LOOKUP_COST > exactCost) {
        // the remaining terms, each a binary search per candidate, cost more than one exact score
        // per candidate (a scan of its row against the row's bit set of terms)
        exactFinishes++;
        return j;
      }
      if (postings <= lookups) {
        addPostingsSeen(t, vectors.weightAt(p));
      } else {
        lookUp(t, vectors.weightAt(p));
      }
      j++;
      sinceFilter += postings <= lookups ? postings : lookups;
      if (sinceFilter < candidateCount) {
        // narrowing costs a pass over the candidates: only once the terms added paid for it
        continue;
      }
      sinceFilter = 0;
      keepCandidates(candidates, candidateCount, j, minText(theta() - EPS) - accSlack);
    }
    if (bound[j] == 0 && candidateCount >= k) {
      // complete text scores: the k-th best of them is a lower bound of the k-th best
      accumulated.clear();
      for (int c = 0; c < candidateCount; c++) {
        accumulated.offer(acc[candidates[c]], c);
      }
      thetaText = Math.max(thetaText, wText * (accumulated.worstScore() - accSlack));
    }
    return j;
  }

  /**
   * Keeps as candidates (in {@link #candidates}, from its start) the papers of {@code
   * from[0..count)} whose accumulated text score plus what the terms {@code j..} can still add
   * reaches {@code needed}; {@code from} may be {@link #candidates} itself.
   */
  private void keepCandidates(int[] from, int count, int j, double needed) {
    final float[] acc = this.acc;
    final int[] candidates = this.candidates;
    final int band = restBand[j];
    // in floats, on the safe side: one more rounding of the sum allowed for
    final float need = (float) (needed - 0x1p-22);
    final float pending = (float) bound[j] + 0x1p-22f;
    final float norm = (float) restNorm[j] * (1 + 0x1p-20f);
    int kept = 0;
    for (int c = 0; c < count; c++) {
      int doc = from[c];
      float rest = Math.min(pending, norm * suffix.norm(band, doc));
      // branch-free: the slot is overwritten unless the paper is kept
      candidates[kept] = doc;
      kept += acc[doc] + rest >= need ? 1 : 0;
    }
    candidateCount = kept;
  }

  /**
   * {@link #keepCandidates} over every paper seen, in doc order, for a row whose accumulators are
   * dense: the papers not seen (accumulator 0) and the row's own paper are left out.
   */
  private void keepSeen(int j, double needed) {
    final float[] acc = this.acc;
    final int[] candidates = this.candidates;
    final int band = restBand[j];
    // as in keepCandidates
    final float need = (float) (needed - 0x1p-22);
    final float pending = (float) bound[j] + 0x1p-22f;
    final float norm = (float) restNorm[j] * (1 + 0x1p-20f);
    final int self = d;
    int kept = 0;
    // about 1 % of the papers are kept at 75,000 papers: a branch that is rarely taken costs less
    // than a store per paper
    for (int doc = 0, n = acc.length; doc < n; doc++) {
      float a = acc[doc];
      if (a + Math.min(pending, norm * suffix.norm(band, doc)) >= need && a != 0 && doc != self) {
        candidates[kept++] = doc;
      }
    }
    candidateCount = kept;
  }

  /** Adds a term's weight to the accumulator of each candidate whose row holds it. */
  private void lookUp(int t, double q) {
    final float qf = (float) q;
    int c = 0;
    // four branch-free binary searches at a time: their probes are independent loads that the
    // processor overlaps, where one search's probes each wait for the last. Each keeps the last
    // position whose term is at most t in [at, at + len); a finished one has len 1 and probes in
    // place. A candidate shares a term with the row, so its row is not empty.
    for (; c + 4 <= candidateCount; c += 4) {
      int d0 = candidates[c],
          d1 = candidates[c + 1],
          d2 = candidates[c + 2],
          d3 = candidates[c + 3];
      int a0 = vectors.start(d0), n0 = vectors.end(d0) - a0;
      int a1 = vectors.start(d1), n1 = vectors.end(d1) - a1;
      int a2 = vectors.start(d2), n2 = vectors.end(d2) - a2;
      int a3 = vectors.start(d3), n3 = vectors.end(d3) - a3;
      while ((n0 | n1 | n2 | n3) > 1) {
        int h0 = n0 >>> 1, h1 = n1 >>> 1, h2 = n2 >>> 1, h3 = n3 >>> 1;
        a0 = vectors.termAt(a0 + h0) <= t ? a0 + h0 : a0;
        a1 = vectors.termAt(a1 + h1) <= t ? a1 + h1 : a1;
        a2 = vectors.termAt(a2 + h2) <= t ? a2 + h2 : a2;
        a3 = vectors.termAt(a3 + h3) <= t ? a3 + h3 : a3;
        n0 -= h0;
        n1 -= h1;
        n2 -= h2;
        n3 -= h3;
      }
      addIfAt(d0, a0, t, qf);
      addIfAt(d1, a1, t, qf);
      addIfAt(d2, a2, t, qf);
      addIfAt(d3, a3, t, qf);
    }
    for (; c < candidateCount; c++) {
      int doc = candidates[c];
      int at = vectors.start(doc), len = vectors.end(doc) - at;
      while (len > 1) {
        int half = len >>> 1;
        at = vectors.termAt(at + half) <= t ? at + half : at;
        len -= half;
      }
      addIfAt(doc, at, t, qf);
    }
  }

  /** Adds the term's product to doc's accumulator when its search for term t ended on it. */
  private void addIfAt(int doc, int at, int t, float qf) {
    if (vectors.termAt(at) == t) {
      acc[doc] += qf * vectors.weightAt(at);
    }
  }

  /**
   * Phase 3: exact scores for the candidates whose bound (accumulated text plus what the terms
   * {@code j..} can add, plus the non-text bound, then the exact non-text score) reaches the
   * running k-th best.
   */
  private void scoreSeen(int j) {
    double theta = theta();
    double pending = bound[j];
    // upper(min(1, text bound)) >= theta - EPS, as one comparison per paper
    double needed = minText(theta - EPS) - accSlack;
    for (int c = 0; c < candidateCount; c++) {
      int doc = candidates[c];
      double a = acc[doc];
      if (scored[doc] || a + pending < needed) {
        continue;
      }
      double rest = rest(j, doc);
      if (a + rest < needed) {
        continue;
      }
      double textBound = Math.min(1, a + rest + accSlack);
      double topic = scores.topic(d, doc);
      if (topicExtra + citationExtra > 0
          && scores.scoreWithTextAndTopic(d, doc, textBound, topic) < theta - EPS) {
        continue;
      }
      offer(doc, scores.scoreWithTextAndTopic(d, doc, text(doc), topic));
      double raised = theta();
      if (raised != theta) {
        theta = raised;
        needed = minText(theta - EPS) - accSlack;
      }
    }
  }

  /**
   * A little below the least text score t with {@link #upper}(t) at least {@code target} (upper is
   * continuous, piecewise linear and non-decreasing in t), or infinity when even t = 1 stays below
   * it: a paper whose text bound is under this value cannot reach the target. The slack (far above
   * the rounding of the division) keeps the test on the safe side: a paper it lets through is only
   * scored, never wrongly dropped.
   */
  private double minText(double target) {
    if (upper(1) < target) {
      return Double.POSITIVE_INFINITY;
    }
    return TopicGate.minText(target - citationExtra, wText, topicExtra);
  }

  /**
   * Scores exactly the leaders of the sample (the papers of the k best accumulated scores that
   * {@link #kthLargestAccumulated} left in its heap) not scored yet: their exact scores lift the
   * running k-th best far above the partial sums early in the row, so accumulation stops sooner. A
   * paper scored here is skipped by {@link #scoreSeen}.
   */
  private void scoreLeaders() {
    for (int j = 0; j < accumulated.size(); j++) {
      int doc = touched[accumulated.itemAt(j)];
      if (!scored[doc]) {
        scored[doc] = true;
        if (leaderCount == leaders.length) {
          leaders = Arrays.copyOf(leaders, 2 * leaderCount);
        }
        leaders[leaderCount++] = doc;
        offer(doc, scores.scoreWithText(d, doc, text(doc)));
      }
    }
  }

  /**
   * The text score of the current row with a paper: the dot product in the paper's term order
   * against the dense query, the same sum, to the last bit, as the cosine of the pair from either
   * end.
   */
  private double text(int doc) {
    final long[] terms = queryTerms;
    double text = 0;
    for (int p = vectors.start(doc), pe = vectors.end(doc); p < pe; p++) {
      int t = vectors.termAt(p);
      // a term outside the row adds nothing (its query weight is 0): the same sum
      if ((terms[t >>> 6] & (1L << t)) != 0) {
        text += (double) query[t] * vectors.weightAt(p);
      }
    }
    return Math.min(1.0, text);
  }

  /**
   * Phase 4: papers that share no accumulated term but a topic or a reference, scored exactly when
   * even the full bound of the unaccumulated terms plus the non-text bound could reach the k-th
   * best.
   */
  private void scoreUnseen(double restBound) {
    if (topicExtra + citationExtra == 0 || upper(restBound) < theta() - EPS) {
      return;
    }
    if (options.topicWeight() > 0) {
      for (int p = topics.start(d); p < topics.end(d); p++) {
        int t = topics.topicAt(p);
        for (int pp = topics.postingStart(t); pp < topics.postingEnd(t); pp++) {
          visitUnseen(topics.postingDoc(pp));
        }
      }
    }
    if (scores.usesCitations()) {
      citations.forEachRelated(d, this::visitUnseen);
    }
  }

  private void visitUnseen(int doc) {
    if (doc != d && acc[doc] == 0) {
      // marked seen by the least accumulator above 0 (no later phase reads it)
      acc[doc] = Float.MIN_VALUE;
      if (!dense) {
        touched[touchedCount++] = doc;
      }
      offer(doc, scores.score(d, doc));
    }
  }

  /** The k best offered, best first (ties by id rank). */
  private Row emit() {
    int size = best.size();
    int[] ranks = new int[size];
    double[] sc = new double[size];
    best.drainBestFirst(ranks, sc);
    int[] docs = new int[size];
    for (int c = 0; c < size; c++) {
      docs[c] = byRank[ranks[c]];
    }
    return new Row(docs, sc);
  }

  /** Leaves the scratch clean for the next row. */
  private void reset() {
    if (dense) {
      Arrays.fill(acc, 0);
    } else {
      acc[d] = 0;
      for (int c = 0; c < touchedCount; c++) {
        acc[touched[c]] = 0;
      }
    }
    for (int c = 0; c < leaderCount; c++) {
      scored[leaders[c]] = false;
    }
    for (int p = qs, qe = qs + m; p < qe; p++) {
      int t = vectors.termAt(p);
      query[t] = 0;
      queryTerms[t >>> 6] = 0;
    }
  }

  /** The row position of the i-th query term in rarest-first order. */
  private int position(int i) {
    return qs + (int) order[i];
  }

  /** Adds a term's postings to the accumulators, registering papers seen for the first time. */
  private void addPostings(int t, double q) {
    final float[] acc = this.acc;
    final int[] touched = this.touched;
    final float qf = (float) q;
    final int self = d;
    int count = touchedCount;
    for (int pp = vectors.postingStart(t), pe = vectors.postingEnd(t); pp < pe; pp++) {
      int doc = vectors.postingDoc(pp);
      float a = acc[doc];
      // branch-free registration: the slot is overwritten unless the paper is new (and not d)
      touched[count] = doc;
      count += a == 0 & doc != self ? 1 : 0;
      acc[doc] = a + qf * vectors.postingWeight(pp);
    }
    touchedCount = count;
  }

  /** Adds a term's postings to the accumulators, for a row whose accumulators are dense. */
  private void addPostingsDense(int t, double q) {
    final float[] acc = this.acc;
    final float qf = (float) q;
    for (int pp = vectors.postingStart(t), pe = vectors.postingEnd(t); pp < pe; pp++) {
      acc[vectors.postingDoc(pp)] += qf * vectors.postingWeight(pp);
    }
  }

  /** Adds a term's postings to the accumulators of papers already seen only. */
  private void addPostingsSeen(int t, double q) {
    final float[] acc = this.acc;
    final float qf = (float) q;
    for (int pp = vectors.postingStart(t), pe = vectors.postingEnd(t); pp < pe; pp++) {
      int doc = vectors.postingDoc(pp);
      float a = acc[doc];
      if (a != 0) {
        acc[doc] = a + qf * vectors.postingWeight(pp);
      }
    }
  }

  /**
   * The k-th largest accumulated text score among the first {@code count} touched papers; a lower
   * bound of the k-th largest over all of them. 0 when fewer than k.
   */
  private double kthLargestAccumulated(int count) {
    accumulated.clear();
    for (int c = 0; c < count; c++) {
      accumulated.offer(acc[touched[c]], c);
    }
    return accumulated.full() ? Math.max(0, accumulated.worstScore() - accSlack) : 0;
  }

  /**
   * The most a pair of the current row can score when its text score is at most {@code text}: the
   * text part, the topic bound as the gate lets it count at that text score, and the citation
   * bound.
   */
  private double upper(double text) {
    return wText * text + TopicGate.gated(topicExtra, text) + citationExtra;
  }

  /** A lower bound of the final k-th best score. */
  private double theta() {
    double t = Math.max(options.minScore(), thetaText);
    if (best.full()) {
      t = Math.max(t, best.worstScore());
    }
    return t;
  }

  /** Offers an exactly scored paper to the top k, if it scores above 0 and at least the minimum. */
  private void offer(int doc, double s) {
    if (!(s > 0) || s < options.minScore()) {
      return;
    }
    best.offer(s, idRank[doc]);
  }
}
