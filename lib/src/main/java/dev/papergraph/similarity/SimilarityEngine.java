package dev.papergraph.similarity;

import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import dev.papergraph.text.PaperTopics;
import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The similarity engine: scores pairs of papers and finds each paper's exact top-k neighbours
 * without comparing all pairs.
 *
 * <p>A pair's combined score is the weighted sum of its components (see {@link EngineOptions}):
 * the cosine of the papers' term vectors ({@link TermVectors}), the weighted Jaccard of their
 * topics ({@link PaperTopics}), and, when papers have references, direct citation, bibliographic
 * coupling and co-citation normalised as {@link EngineOptions#normalisation()} says. Scores are
 * symmetric to the last bit, so a pair is scored the same from both ends.
 *
 * <p>Top-k per paper is exact. Each paper's row is a query against the inverted index, term at a
 * time with max-score pruning (Turtle and Flood 1995) and the length bound of prefix filtering
 * (Bayardo, Ma and Srikant 2007, "Scaling up all pairs similarity search"):
 *
 * <ol>
 *   <li>Accumulate: query terms rarest first; stop creating accumulators once the most any paper
 *       can still gain from the remaining terms, {@code min(Σ w_q·max w, ‖w_q rest‖)}, plus the
 *       largest possible non-text score, is below the k-th best accumulated score so far.
 *   <li>Finish: for the papers already seen, either add the remaining postings or score the ones
 *       whose bound still reaches the k-th best directly, whichever touches fewer entries.
 *   <li>Score exactly (canonical, symmetric) only the papers whose bound reaches the running k-th
 *       best; papers reachable only through topics or references are enumerated from their
 *       postings when their bound could still qualify.
 * </ol>
 *
 * Ties are broken by paper id. Work grows with the overlap of postings, not with n²; memory is the
 * vectors, their postings, one accumulator array per thread, and k entries per paper. Rows run in
 * parallel and the result does not depend on the thread count.
 *
 * <p>Computed once, on the first call to {@link #neighbours} or {@link #links}; thread-safe.
 */
public final class SimilarityEngine {

  /** Slack in pruning comparisons: far above rounding error, far below any score difference that matters. */
  private static final double EPS = 1e-9;
  /** Touched papers whose k-th best score serves as the running threshold while accumulating. */
  private static final int SAMPLE = 1024;

  private final EngineOptions options;
  private final TermVectors vectors;
  private final PaperTopics topics;
  private final CitationIndex citations;
  private final int[] idRank;
  private volatile Result result;

  private SimilarityEngine(EngineOptions options, TermVectors vectors, PaperTopics topics,
      CitationIndex citations) {
    this.options = options;
    this.vectors = vectors;
    this.topics = topics;
    this.citations = citations;
    int n = vectors.size();
    Integer[] order = new Integer[n];
    for (int d = 0; d < n; d++) {
      order[d] = d;
    }
    Arrays.sort(order, Comparator.comparing(d -> vectors.paper(d).id()));
    idRank = new int[n];
    for (int r = 0; r < n; r++) {
      idRank[order[r]] = r;
    }
  }

  /**
   * An engine over these papers: analyses the text and indexes topics and references (the
   * neighbours are computed on first use).
   *
   * @throws IllegalArgumentException if two papers share an id
   */
  public static SimilarityEngine of(List<Paper> papers, EngineOptions options) {
    Objects.requireNonNull(options, "options");
    TermVectors vectors = TermVectors.build(papers, options.text(), options.threads());
    PaperTopics topics = PaperTopics.of(vectors, options.text().topicCount());
    return new SimilarityEngine(options, vectors, topics, CitationIndex.of(vectors.papers()));
  }

  /** The citation index (package use). */
  CitationIndex citations() {
    return citations;
  }

  /** The options. */
  public EngineOptions options() {
    return options;
  }

  /** The papers' term vectors (also for community labels: per-paper term counts, display forms). */
  public TermVectors vectors() {
    return vectors;
  }

  /** The papers' topics. */
  public PaperTopics topics() {
    return topics;
  }

  /** The topics of a paper: metadata topics, or its most distinctive terms. */
  public List<Topic> topics(String paperId) {
    return topics.topics(doc(paperId));
  }

  /**
   * A paper's top-k neighbours, best first (ties by id), each scoring at least the minimum score
   * and above 0; fewer than k when fewer qualify.
   *
   * @throws IllegalArgumentException if no paper has this id
   */
  public List<Neighbour> neighbours(String paperId) {
    int d = doc(paperId);
    Result r = result();
    List<Neighbour> out = new ArrayList<>(r.nbr[d].length);
    for (int i = 0; i < r.nbr[d].length; i++) {
      out.add(new Neighbour(vectors.paper(r.nbr[d][i]).id(), r.score[d][i]));
    }
    return out;
  }

  /** Every paper's neighbours as doc numbers (rows of the result; for benchmarks and tests). */
  public int[][] neighbourDocs() {
    Result r = result();
    int[][] out = new int[r.nbr.length][];
    for (int d = 0; d < out.length; d++) {
      out[d] = r.nbr[d].clone();
    }
    return out;
  }

  /** The number of distinct undirected pairs in the union of all top-k lists. */
  public int linkCount() {
    return pairs().length;
  }

  /**
   * The union of all papers' top-k lists as undirected links, each with its explanation (shared
   * terms with display forms), ordered by first then second id; ready for {@code
   * PaperGraph.of(papers, links)}.
   */
  public List<Link> links() {
    long[] pairs = pairs();
    int n = vectors.size();
    List<int[]> sharedTermIds = new ArrayList<>(pairs.length);
    java.util.TreeSet<Integer> wanted = new java.util.TreeSet<>();
    for (long key : pairs) {
      int[] t = options.sharedTerms() == 0 ? new int[0] : sharedTermIds((int) (key / n), (int) (key % n));
      sharedTermIds.add(t);
      for (int x : t) {
        wanted.add(x);
      }
    }
    vectors.displayForms(wanted.stream().mapToInt(Integer::intValue).toArray());
    topics.resolveLabels();
    List<Link> out = new ArrayList<>(pairs.length);
    for (int i = 0; i < pairs.length; i++) {
      int a = (int) (pairs[i] / n), b = (int) (pairs[i] % n);
      out.add(Link.of(vectors.paper(a).id(), vectors.paper(b).id(), explain(a, b)));
    }
    out.sort(Comparator.comparing(Link::a).thenComparing(Link::b));
    return Collections.unmodifiableList(out);
  }

  private long[] pairs() {
    Result r = result();
    int n = vectors.size();
    int total = 0;
    for (int[] row : r.nbr) {
      total += row.length;
    }
    long[] keys = new long[total];
    int m = 0;
    for (int a = 0; a < n; a++) {
      for (int b : r.nbr[a]) {
        keys[m++] = (long) Math.min(a, b) * n + Math.max(a, b);
      }
    }
    Arrays.sort(keys);
    int u = 0;
    for (int i = 0; i < m; i++) {
      if (u == 0 || keys[i] != keys[u - 1]) {
        keys[u++] = keys[i];
      }
    }
    return Arrays.copyOf(keys, u);
  }

  /**
   * Why two papers are (or would be) linked: every component, the combined score, the shared
   * terms, topics and references. Works for any pair, linked or not.
   *
   * @throws IllegalArgumentException if either id is unknown
   */
  public EdgeExplanation explain(String paperA, String paperB) {
    return explain(doc(paperA), doc(paperB));
  }

  /** The combined score of two papers, as {@link #explain} gives it. */
  public double score(String paperA, String paperB) {
    return score(doc(paperA), doc(paperB));
  }

  private EdgeExplanation explain(int a, int b) {
    double text = vectors.cosine(a, b);
    double topic = topics.weightedJaccard(a, b);
    double direct = citations.linked(a, b) ? 1 : 0;
    double coupling = coupling(a, b);
    double cocitation = cocitation(a, b);
    List<SharedTerm> shared = new ArrayList<>();
    int[] ids = options.sharedTerms() == 0 ? new int[0] : sharedTermIds(a, b);
    Map<Integer, String> display = vectors.displayForms(ids);
    Map<Integer, Double> contribution = ids.length == 0 ? Map.of() : contributions(a, b);
    for (int t : ids) {
      shared.add(new SharedTerm(vectors.term(t), display.get(t), contribution.get(t)));
    }
    return new EdgeExplanation(combine(text, topic, direct, coupling, cocitation), text, topic,
        direct, coupling, cocitation, shared, topics.shared(a, b), citations.sharedReferenceKeys(a, b));
  }

  /** The shared terms with the largest contribution, strongest first (ties by term id). */
  private int[] sharedTermIds(int a, int b) {
    Map<Integer, Double> c = contributions(a, b);
    return c.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(options.sharedTerms())
        .mapToInt(Map.Entry::getKey).toArray();
  }

  private Map<Integer, Double> contributions(int a, int b) {
    Map<Integer, Double> out = new HashMap<>();
    int i = vectors.start(a), ie = vectors.end(a), j = vectors.start(b), je = vectors.end(b);
    while (i < ie && j < je) {
      int ti = vectors.termAt(i), tj = vectors.termAt(j);
      if (ti == tj) {
        out.put(ti, (double) vectors.weightAt(i++) * vectors.weightAt(j++));
      } else if (ti < tj) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  private int doc(String paperId) {
    return vectors.doc(paperId).orElseThrow(() -> new IllegalArgumentException("no paper with id " + paperId));
  }

  private double coupling(int a, int b) {
    if (options.couplingWeight() == 0 && citations.isEmpty()) {
      return 0;
    }
    return options.normalisation().apply(citations.sharedReferences(a, b), citations.refCount(a),
        citations.refCount(b));
  }

  private double cocitation(int a, int b) {
    return options.normalisation().apply(citations.cocitations(a, b), citations.citedByCount(a),
        citations.citedByCount(b));
  }

  private double combine(double text, double topic, double direct, double coupling, double cocitation) {
    return text * options.textWeight() + topic * options.topicWeight() + direct * options.directWeight()
        + coupling * options.couplingWeight() + cocitation * options.cocitationWeight();
  }

  /** The exact combined score; symmetric to the last bit. */
  private double score(int a, int b) {
    return scoreWithText(a, b, options.textWeight() > 0 ? vectors.cosine(a, b) : 0);
  }

  private double scoreWithText(int a, int b, double text) {
    double topic = options.topicWeight() > 0 ? topics.weightedJaccard(a, b) : 0;
    double direct = 0, coupling = 0, cocitation = 0;
    if (options.usesCitations() && !citations.isEmpty()) {
      direct = options.directWeight() > 0 && citations.linked(a, b) ? 1 : 0;
      coupling = options.couplingWeight() > 0 ? coupling(a, b) : 0;
      cocitation = options.cocitationWeight() > 0 ? cocitation(a, b) : 0;
    }
    return combine(text, topic, direct, coupling, cocitation);
  }

  private Result result() {
    Result r = result;
    if (r == null) {
      synchronized (this) {
        r = result;
        if (r == null) {
          r = new Algorithm().run();
          result = r;
        }
      }
    }
    return r;
  }

  /** Each doc's neighbours (doc numbers) and scores, best first. */
  private record Result(int[][] nbr, double[][] score) {}

  /** The top-k search; its scratch arrays live per thread and go away with it. */
  private final class Algorithm {
    private final int n = vectors.size();
    private final int k = options.k();
    private final double wText = options.textWeight();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    Result run() {
      int[][] nbr = new int[n][];
      double[][] sc = new double[n][];
      Runnable all = () -> IntStream.range(0, n).parallel().forEach(d -> {
        Scratch s = scratch.get();
        s.row(d);
        nbr[d] = s.outDocs;
        sc[d] = s.outScores;
      });
      if (options.threads() == 1 || n < 64) {
        for (int d = 0; d < n; d++) {
          Scratch s = scratch.get();
          s.row(d);
          nbr[d] = s.outDocs;
          sc[d] = s.outScores;
        }
      } else {
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
          pool.submit(all).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        } finally {
          pool.shutdown();
        }
      }
      return new Result(nbr, sc);
    }

    /** Per-thread scratch space for one query row at a time. */
    private final class Scratch {
      final double[] acc = new double[n];
      final boolean[] seen = new boolean[n];
      final float[] query = new float[vectors.vocabularySize()];
      final int[] touched = new int[n];
      int touchedCount;
      final double[] selectHeap = new double[k];
      // candidates scored exactly
      int[] candDoc = new int[64];
      double[] candScore = new double[64];
      int candCount;
      final double[] exactHeap = new double[k];
      int exactSize;
      double thetaText;
      int[] outDocs;
      double[] outScores;

      void row(int d) {
        touchedCount = 0;
        candCount = 0;
        exactSize = 0;
        thetaText = 0;
        int qs = vectors.start(d), qe = vectors.end(d);
        int m = qe - qs;

        // Bound of the non-text components for any partner of d.
        double extra = 0;
        if (options.topicWeight() > 0 && topics.hasTopics(d)) {
          extra += options.topicWeight();
        }
        if (options.usesCitations() && !citations.isEmpty()) {
          if (citations.linkCount(d) > 0) {
            extra += options.directWeight();
          }
          if (citations.refCount(d) > 0) {
            extra += options.couplingWeight();
          }
          if (citations.citedByCount(d) > 0) {
            extra += options.cocitationWeight();
          }
        }

        // Query terms rarest first (short postings, large weights); bound[i] bounds the text
        // score any paper can still gain from terms i.. : min(sum of w_q * max w, ||w_q rest||).
        long[] order = new long[m];
        for (int p = qs; p < qe; p++) {
          int t = vectors.termAt(p);
          order[p - qs] = ((long) vectors.docFrequency(t) << 32) | (p - qs);
          query[t] = vectors.weightAt(p);
        }
        Arrays.sort(order);
        double[] bound = new double[m + 1];
        double sum = 0, sq = 0;
        for (int i = m - 1; i >= 0; i--) {
          int p = qs + (int) order[i];
          double q = vectors.weightAt(p);
          sum += q * vectors.maxWeight(vectors.termAt(p));
          sq += q * q;
          bound[i] = Math.min(1, Math.min(sum, Math.sqrt(sq)));
        }

        // Phase 1: accumulate while a paper not yet seen could still enter the top k; the k-th
        // best accumulated score is refreshed each time the bound has fallen by a fifth.
        int i = 0;
        if (wText > 0) {
          double nextCheck = bound[0];
          for (; i < m; i++) {
            if (touchedCount >= k && bound[i] <= nextCheck) {
              thetaText = wText * kthLargestAccumulated(Math.min(touchedCount, SAMPLE));
              nextCheck = bound[i] * 0.8;
            }
            if (wText * bound[i] + extra < theta() - EPS) {
              break;
            }
            int p = qs + (int) order[i];
            accumulate(vectors.termAt(p), vectors.weightAt(p), d);
          }
          if (touchedCount >= k) {
            thetaText = wText * kthLargestAccumulated(Math.min(touchedCount, SAMPLE));
          }
        }
        double restBound = wText * bound[i];
        for (int c = 0; c < touchedCount; c++) {
          seen[touched[c]] = true;
        }

        // Phase 2: no new papers. Either finish the accumulation over the remaining postings, or
        // score the papers that can still qualify directly, whichever touches fewer entries.
        boolean complete = i == m;
        if (!complete && wText > 0) {
          double theta = theta();
          long exactCost = 0;
          for (int c = 0; c < touchedCount; c++) {
            int doc = touched[c];
            if (wText * Math.min(1, acc[doc] + bound[i]) + extra >= theta - EPS) {
              exactCost += vectors.end(doc) - vectors.start(doc);
            }
          }
          long scanCost = 0;
          for (int j = i; j < m; j++) {
            int t = vectors.termAt(qs + (int) order[j]);
            scanCost += vectors.postingEnd(t) - vectors.postingStart(t);
          }
          if (scanCost <= exactCost) {
            for (int j = i; j < m; j++) {
              int p = qs + (int) order[j];
              accumulateTouched(vectors.termAt(p), vectors.weightAt(p));
            }
            complete = true;
            if (touchedCount >= k) {
              thetaText = wText * kthLargestAccumulated(touchedCount);
            }
          }
        }
        double pending = complete ? 0 : bound[i];

        // Phase 3: exact scores for the touched papers that can still reach the k-th best.
        double theta = theta();
        for (int c = 0; c < touchedCount; c++) {
          int doc = touched[c];
          double textBound = wText * Math.min(1, acc[doc] + pending);
          if (textBound + extra < theta - EPS) {
            continue;
          }
          double nonText = extra > 0 ? scoreWithText(d, doc, 0) : 0;
          if (textBound + nonText < theta - EPS) {
            continue;
          }
          double text = 0;
          for (int p = vectors.start(doc), pe = vectors.end(doc); p < pe; p++) {
            float q = query[vectors.termAt(p)];
            if (q != 0) {
              text += (double) q * vectors.weightAt(p);
            }
          }
          addCandidate(doc, scoreWithText(d, doc, Math.min(1.0, text)));
          theta = theta();
        }

        // Phase 4: papers sharing no accumulated term but topics or references.
        int textTouched = touchedCount;
        if (extra > 0 && restBound + extra >= theta() - EPS) {
          java.util.function.IntConsumer visit = doc -> {
            if (doc != d && !seen[doc]) {
              seen[doc] = true;
              touched[touchedCount++] = doc;
              addCandidate(doc, score(d, doc));
            }
          };
          if (options.topicWeight() > 0) {
            for (int p = topics.start(d); p < topics.end(d); p++) {
              int t = topics.topicAt(p);
              for (int pp = topics.postingStart(t); pp < topics.postingEnd(t); pp++) {
                visit.accept(topics.postingDoc(pp));
              }
            }
          }
          if (options.usesCitations() && !citations.isEmpty()) {
            citations.forEachRelated(d, visit);
          }
        }

        select();

        // Reset the scratch space for the next row.
        for (int c = 0; c < touchedCount; c++) {
          int doc = touched[c];
          acc[doc] = 0;
          seen[doc] = false;
        }
        for (int p = qs; p < qe; p++) {
          query[vectors.termAt(p)] = 0;
        }
        assert textTouched <= touchedCount;
      }

      /** Adds a term's postings to the accumulators, registering papers seen for the first time. */
      private void accumulate(int t, double q, int self) {
        final double[] acc = this.acc;
        final int[] touched = this.touched;
        int count = touchedCount;
        for (int pp = vectors.postingStart(t), pe = vectors.postingEnd(t); pp < pe; pp++) {
          int doc = vectors.postingDoc(pp);
          double a = acc[doc];
          if (a == 0) {
            if (doc == self) {
              continue;
            }
            touched[count++] = doc;
          }
          acc[doc] = a + q * vectors.postingWeight(pp);
        }
        touchedCount = count;
      }

      /** Adds a term's postings to the accumulators of papers already seen only. */
      private void accumulateTouched(int t, double q) {
        final double[] acc = this.acc;
        for (int pp = vectors.postingStart(t), pe = vectors.postingEnd(t); pp < pe; pp++) {
          int doc = vectors.postingDoc(pp);
          double a = acc[doc];
          if (a != 0) {
            acc[doc] = a + q * vectors.postingWeight(pp);
          }
        }
      }

      /**
       * The k-th largest accumulated text score among the first {@code count} touched papers (a
       * min-heap of the k largest); a lower bound of the k-th largest over all of them.
       */
      double kthLargestAccumulated(int count) {
        final double[] h = selectHeap;
        int size = 0;
        for (int c = 0; c < count; c++) {
          double a = acc[touched[c]];
          if (size < k) {
            int x = size++;
            h[x] = a;
            while (x > 0 && h[(x - 1) >>> 1] > h[x]) {
              double t = h[x];
              h[x] = h[(x - 1) >>> 1];
              h[(x - 1) >>> 1] = t;
              x = (x - 1) >>> 1;
            }
          } else if (a > h[0]) {
            h[0] = a;
            int x = 0;
            while (true) {
              int l = 2 * x + 1, r = l + 1, m = x;
              if (l < k && h[l] < h[m]) m = l;
              if (r < k && h[r] < h[m]) m = r;
              if (m == x) break;
              double t = h[x];
              h[x] = h[m];
              h[m] = t;
              x = m;
            }
          }
        }
        return size < k ? 0 : h[0];
      }

      /** A lower bound of the final k-th best score. */
      double theta() {
        double t = Math.max(options.minScore(), thetaText);
        if (exactSize == k) {
          t = Math.max(t, exactHeap[0]);
        }
        return t;
      }

      void addCandidate(int doc, double s) {
        if (!(s > 0) || s < options.minScore()) {
          return;
        }
        if (candCount == candDoc.length) {
          candDoc = Arrays.copyOf(candDoc, candCount * 2);
          candScore = Arrays.copyOf(candScore, candCount * 2);
        }
        candDoc[candCount] = doc;
        candScore[candCount++] = s;
        // min-heap of the k best exact scores
        if (exactSize < k) {
          int c = exactSize++;
          exactHeap[c] = s;
          while (c > 0 && exactHeap[(c - 1) / 2] > exactHeap[c]) {
            swapExact(c, (c - 1) / 2);
            c = (c - 1) / 2;
          }
        } else if (s > exactHeap[0]) {
          exactHeap[0] = s;
          int c = 0;
          while (true) {
            int l = 2 * c + 1, r = l + 1, m = c;
            if (l < k && exactHeap[l] < exactHeap[m]) m = l;
            if (r < k && exactHeap[r] < exactHeap[m]) m = r;
            if (m == c) break;
            swapExact(c, m);
            c = m;
          }
        }
      }

      private void swapExact(int a, int b) {
        double t = exactHeap[a];
        exactHeap[a] = exactHeap[b];
        exactHeap[b] = t;
      }

      /** The k best candidates by score, ties by id. */
      void select() {
        Integer[] idx = new Integer[candCount];
        for (int c = 0; c < candCount; c++) {
          idx[c] = c;
        }
        Arrays.sort(idx, (x, y) -> {
          int c = Double.compare(candScore[y], candScore[x]);
          return c != 0 ? c : Integer.compare(idRank[candDoc[x]], idRank[candDoc[y]]);
        });
        int m = Math.min(k, candCount);
        outDocs = new int[m];
        outScores = new double[m];
        for (int c = 0; c < m; c++) {
          outDocs[c] = candDoc[idx[c]];
          outScores[c] = candScore[idx[c]];
        }
      }
    }
  }
}
