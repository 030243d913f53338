package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import dev.papergraph.text.PaperTopics;
import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The similarity engine: scores pairs of papers and finds each paper's exact top-k neighbours
 * without comparing all pairs.
 *
 * <p>A pair's combined score is the weighted sum of its components (see {@link EngineOptions}): the
 * cosine of the papers' term vectors ({@link TermVectors}), the weighted Jaccard of their topics
 * ({@link PaperTopics}), and, when papers have references, direct citation, bibliographic coupling
 * and co-citation normalised as {@link EngineOptions#normalisation()} says. Scores are symmetric to
 * the last bit, so a pair is scored the same from both ends.
 *
 * <p>Top-k per paper is exact: each paper's row is a query against the inverted index with
 * max-score pruning and prefix-filtering bounds ({@link TopKSearch} describes the phases and the
 * invariants they rely on); only papers whose bound reaches the running k-th best are scored
 * exactly. Ties are broken by paper id. Work grows with the overlap of postings, not with n²;
 * memory is the vectors, their postings, one accumulator array per thread, and k entries per paper.
 * Rows run on {@link EngineOptions#threads()} threads and the result does not depend on the thread
 * count.
 *
 * <p>Computed once, on the first call to {@link #neighbours} or {@link #links}; thread-safe.
 */
public final class SimilarityEngine implements PaperSimilarity {

  private final EngineOptions options;
  private final TermVectors vectors;
  private final PaperTopics topics;
  private final CitationIndex citations;
  private final PairScores scores;
  private final int[] idRank;
  private final int[] byRank;
  private volatile Result result;

  private SimilarityEngine(
      EngineOptions options, TermVectors vectors, PaperTopics topics, CitationIndex citations) {
    this.options = options;
    this.vectors = vectors;
    this.topics = topics;
    this.citations = citations;
    this.scores = new PairScores(options, vectors, topics, citations);
    int n = vectors.size();
    Integer[] order = new Integer[n];
    for (int d = 0; d < n; d++) {
      order[d] = d;
    }
    Arrays.sort(order, Comparator.comparing(d -> vectors.paper(d).id()));
    idRank = new int[n];
    byRank = new int[n];
    for (int r = 0; r < n; r++) {
      idRank[order[r]] = r;
      byRank[r] = order[r];
    }
  }

  /**
   * An engine over these papers: analyses the text and indexes topics and references (the
   * neighbours are computed on first use).
   *
   * @throws IllegalArgumentException if two papers share an id
   */
  public static SimilarityEngine of(List<Paper> papers, EngineOptions options) {
    return of(papers, options, papersDone -> {});
  }

  /**
   * An engine over these papers, reporting each paper whose text is analysed to {@code papersDone}
   * (from the analysing threads: it must be thread-safe); see {@link #of(List, EngineOptions)}.
   */
  public static SimilarityEngine of(
      List<Paper> papers, EngineOptions options, LongConsumer papersDone) {
    Objects.requireNonNull(options, "options");
    TermVectors vectors = TermVectors.build(papers, options.text(), options.threads(), papersDone);
    PaperTopics topics = PaperTopics.of(vectors, options.text().topicCount());
    return new SimilarityEngine(options, vectors, topics, CitationIndex.of(vectors.papers()));
  }

  /**
   * An engine over papers already analysed (so that several engines, e.g. an exact and an
   * approximate one, share one analysis).
   *
   * @throws IllegalArgumentException if the vectors were built with other text options
   */
  public static SimilarityEngine of(TermVectors vectors, EngineOptions options) {
    Objects.requireNonNull(options, "options");
    if (!vectors.options().equals(options.text())) {
      throw new IllegalArgumentException(
          "the vectors were built with other text options than the engine's");
    }
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

  /**
   * The exact top-k lists of some papers by brute force, for checking the approximate lists on a
   * sample where the exact search of every paper costs too much: each paper is scored against every
   * other one with the exact search's scorer ({@link PairScores}), and its k best by score, ties by
   * id, each at least the minimum score and above 0, are its list (doc numbers, best first). The
   * text score of all pairs of a paper comes from one pass over its terms' postings, adding the
   * products in term order as {@link TermVectors#cosine} does, so it is the cosine to the last bit;
   * a pair sharing no term and no reference scores 0 (the topic counts only with text, {@link
   * TopicGate}) and is skipped. Work: the postings of the paper's terms, about n per paper; memory:
   * one accumulator array of n per thread. Does not compute (or need) the engine's own lists.
   *
   * @param docs the papers (doc numbers, as {@link #neighbourDocs} numbers rows)
   * @return each paper's list, in the order of {@code docs}
   * @throws IndexOutOfBoundsException if a doc number is out of range
   */
  public int[][] bruteForceNeighbourDocs(int[] docs) {
    int n = vectors.size();
    for (int d : docs) {
      Objects.checkIndex(d, n);
    }
    int[][] out = new int[docs.length][];
    boolean text = options.textWeight() > 0;
    boolean cited = scores.usesCitations();
    Parallel.forEach(
        options.threads(),
        docs.length,
        () -> new double[n],
        (acc, i) -> {
          int q = docs[i];
          if (text) {
            // the row is in term order: each pair's products are added in the order cosine adds
            for (int p = vectors.start(q); p < vectors.end(q); p++) {
              double w = vectors.weightAt(p);
              int t = vectors.termAt(p);
              for (int x = vectors.postingStart(t); x < vectors.postingEnd(t); x++) {
                acc[vectors.postingDoc(x)] += w * vectors.postingWeight(x);
              }
            }
          }
          TopKHeap best = new TopKHeap(options.k());
          for (int b = 0; b < n; b++) {
            double dot = acc[b];
            acc[b] = 0;
            if (b == q || (dot == 0 && !cited)) {
              continue;
            }
            double s = scores.scoreWithText(q, b, Math.min(1.0, dot));
            if (s > 0 && s >= options.minScore()) {
              best.offer(s, idRank[b]);
            }
          }
          int[] ranks = new int[best.size()];
          best.drainBestFirst(ranks, new double[ranks.length]);
          for (int r = 0; r < ranks.length; r++) {
            ranks[r] = byRank[ranks[r]];
          }
          out[i] = ranks;
        });
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
    long[] byIds = orderedByIds(pairs(result().nbr));
    Link[] out = new Link[byIds.length];
    // each link made on the thread that explains it; its ends ordered by the ids' ranks, which
    // order them as their Strings do
    explainPairs(
        byIds,
        (i, a, b, explanation) -> {
          String x = vectors.paper(a).id(), y = vectors.paper(b).id();
          out[i] =
              idRank[a] < idRank[b] ? new Link(x, y, explanation) : new Link(y, x, explanation);
        });
    linkPairs = byIds;
    return List.of(out);
  }

  /** The pairs of the links {@link #links()} made last, until {@link #linkEnds()} takes them. */
  private volatile long[] linkPairs;

  @Override
  public int[] linkEnds() {
    long[] byIds = linkPairs;
    linkPairs = null;
    return ends(byIds != null ? byIds : orderedByIds(pairs(result().nbr)));
  }

  /**
   * The ends of pairs ({@code a · n + b}, doc numbers) as {@link #linkEnds()} gives them: the end
   * whose id sorts first, first.
   */
  int[] ends(long[] pairs) {
    int n = vectors.size();
    int[] ends = new int[2 * pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      int a = (int) (pairs[i] / n), b = (int) (pairs[i] % n);
      ends[2 * i] = idRank[a] < idRank[b] ? a : b;
      ends[2 * i + 1] = idRank[a] < idRank[b] ? b : a;
    }
    return ends;
  }

  /**
   * Undirected pairs ({@code a · n + b}, doc numbers, smaller first) ordered as their links are: by
   * the first, then the second id (by the ranks of the two ids, the lower first: the same order as
   * the ids' String comparison, without comparing Strings); each pair keeps its doc order.
   */
  long[] orderedByIds(long[] pairs) {
    int n = vectors.size();
    long[] byIds = new long[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      int ra = idRank[(int) (pairs[i] / n)], rb = idRank[(int) (pairs[i] % n)];
      byIds[i] = (long) Math.min(ra, rb) * n + Math.max(ra, rb);
    }
    Arrays.sort(byIds);
    for (int i = 0; i < byIds.length; i++) {
      int a = byRank[(int) (byIds[i] / n)], b = byRank[(int) (byIds[i] % n)];
      byIds[i] = (long) Math.min(a, b) * n + Math.max(a, b);
    }
    return byIds;
  }

  /**
   * The lexical explanations of pairs given as {@code a · n + b} (doc numbers), in that order;
   * shared terms computed in parallel into one table ({@link SharedTermList}), their display forms
   * in one pass.
   */
  EdgeExplanation[] explainPairs(long[] pairs) {
    EdgeExplanation[] out = new EdgeExplanation[pairs.length];
    explainPairs(pairs, (i, a, b, explanation) -> out[i] = explanation);
    return out;
  }

  /**
   * Takes the explanation of pair {@code i} (docs {@code a}, {@code b}); called on many threads.
   */
  @FunctionalInterface
  interface ExplainedPair {
    void accept(int i, int a, int b, EdgeExplanation explanation);
  }

  /** {@link #explainPairs(long[])}, each explanation given to {@code sink} as it is made. */
  void explainPairs(long[] pairs, ExplainedPair sink) {
    int n = vectors.size();
    double[] text = new double[pairs.length];
    SharedTermList.Table shared =
        sharedTerms(
            pairs,
            // the topics' labels in the same pass: each paper's text analysed once for both
            topics.labelTerms(),
            text);
    topics.resolveLabels();
    Parallel.forEach(
        options.threads(),
        pairs.length,
        i -> {
          int a = (int) (pairs[i] / n), b = (int) (pairs[i] % n);
          sink.accept(i, a, b, explain(a, b, shared.list(i), text[i]));
        });
  }

  /**
   * The shared terms of pairs ({@code a · n + b}), each pair's in parallel, with the display forms
   * of all of them and of {@code alsoDisplay} found in one pass; each pair's lexical cosine into
   * {@code text} ({@link TermVectors#cosine}: the same products summed in the same order, read from
   * the same merge of the two rows).
   */
  private SharedTermList.Table sharedTerms(long[] pairs, int[] alsoDisplay, double[] text) {
    int n = vectors.size();
    int limit = options.sharedTerms();
    int slots = Math.multiplyExact(pairs.length, limit);
    int[] terms = new int[slots];
    double[] contributions = new double[slots];
    int[] count = new int[pairs.length];
    if (limit > 0) {
      Parallel.forEach(
          options.threads(),
          pairs.length,
          () -> new TopKHeap(limit),
          (heap, i) -> {
            int a = (int) (pairs[i] / n), b = (int) (pairs[i] % n);
            count[i] = sharedTerms(a, b, heap, terms, contributions, i * limit, text, i);
          });
    } else {
      Parallel.forEach(
          options.threads(),
          pairs.length,
          i -> text[i] = vectors.cosine((int) (pairs[i] / n), (int) (pairs[i] % n)));
    }
    BitSet named = new BitSet(vectors.vocabularySize());
    for (int i = 0; i < pairs.length; i++) {
      for (int s = i * limit; s < i * limit + count[i]; s++) {
        named.set(terms[s]);
      }
    }
    BitSet wanted = (BitSet) named.clone();
    for (int t : alsoDisplay) {
      wanted.set(t);
    }
    Map<Integer, String> display =
        vectors.displayForms(wanted.stream().toArray(), options.threads());
    String[] forms = new String[vectors.vocabularySize()];
    named.stream().forEach(t -> forms[t] = display.get(t));
    return new SharedTermList.Table(vectors, limit, terms, contributions, count, forms);
  }

  /** This engine's top-k lists as pairs ({@link #pairs(int[][])}). */
  private long[] pairs() {
    return pairs(result().nbr);
  }

  /**
   * The union of top-k lists (each doc's neighbours, doc numbers) as distinct undirected pairs
   * {@code a · n + b}, a below b, in increasing order.
   */
  static long[] pairs(int[][] nbr) {
    int n = nbr.length;
    int total = 0;
    for (int[] row : nbr) {
      total += row.length;
    }
    long[] keys = new long[total];
    int m = 0;
    for (int a = 0; a < n; a++) {
      for (int b : nbr[a]) {
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
   * Why two papers are (or would be) linked: every component, the combined score, the shared terms,
   * topics and references. Works for any pair, linked or not.
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

  EdgeExplanation explain(int a, int b) {
    double[] text = new double[1];
    SharedTermList.Table shared =
        sharedTerms(new long[] {(long) a * vectors.size() + b}, new int[0], text);
    return explain(a, b, shared.list(0), text[0]);
  }

  /**
   * The explanation of a pair whose shared terms (with their display forms) and lexical cosine
   * ({@link TermVectors#cosine}) are known.
   */
  private EdgeExplanation explain(int a, int b, List<SharedTerm> terms, double text) {
    double topic = TopicGate.gated(topics.weightedJaccard(a, b), text);
    double direct = citations.linked(a, b) ? 1 : 0;
    double coupling = scores.coupling(a, b);
    double cocitation = scores.cocitation(a, b);
    return new EdgeExplanation(
        scores.combine(text, topic, direct, coupling, cocitation),
        text,
        topic,
        direct,
        coupling,
        cocitation,
        terms,
        topics.shared(a, b),
        citations.sharedReferenceKeys(a, b));
  }

  /**
   * The {@link EngineOptions#sharedTerms()} shared terms of a pair with the largest contribution
   * (the product of the two weights), strongest first (ties by term id), written into the slots
   * from {@code at}; the number written. The pair's lexical cosine goes to {@code text[slot]}: the
   * sum of the contributions in term order, as {@link TermVectors#cosine} sums them.
   */
  private int sharedTerms(
      int a,
      int b,
      TopKHeap heap,
      int[] terms,
      double[] contributions,
      int at,
      double[] text,
      int slot) {
    // the k best of the merge of the two rows (sorted by term id), by a heap keyed on the term id
    heap.clear();
    double sum = 0;
    int i = vectors.start(a), ie = vectors.end(a), j = vectors.start(b), je = vectors.end(b);
    while (i < ie && j < je) {
      int ti = vectors.termAt(i), tj = vectors.termAt(j);
      if (ti == tj) {
        double c = (double) vectors.weightAt(i++) * vectors.weightAt(j++);
        sum += c;
        heap.offer(c, ti);
      } else if (ti < tj) {
        i++;
      } else {
        j++;
      }
    }
    text[slot] = Math.min(1.0, sum);
    return heap.drainBestFirst(terms, contributions, at);
  }

  int doc(String paperId) {
    return vectors
        .doc(paperId)
        .orElseThrow(() -> new IllegalArgumentException("no paper with id " + paperId));
  }

  /** The exact combined score; symmetric to the last bit. */
  private double score(int a, int b) {
    return scores.score(a, b);
  }

  /** The rank of a doc's paper id among all ids (ties in top-k lists go to the smaller). */
  int idRank(int doc) {
    return idRank[doc];
  }

  /**
   * The combined score of a pair with this text score in place of the lexical cosine (the fusion
   * passes its fused text score here); symmetric when {@code text} is.
   */
  double scoreWithText(int a, int b, double text) {
    return scores.scoreWithText(a, b, text);
  }

  /** The scorer of pairs, for a search that bounds and scores them in its own order. */
  PairScores scores() {
    return scores;
  }

  private Result result() {
    return result(rowsDone -> {});
  }

  /**
   * Computes every paper's top-k list now (they are otherwise computed on first use), reporting
   * each paper's list done to {@code rowsDone} (from the searching threads: it must be
   * thread-safe); {@code n} units in all, none when the lists were already computed.
   */
  public void computeNeighbours(LongConsumer rowsDone) {
    result(rowsDone);
  }

  private Result result(LongConsumer rowsDone) {
    Result r = result;
    if (r == null) {
      synchronized (this) {
        r = result;
        if (r == null) {
          r = search(rowsDone);
          result = r;
        }
      }
    }
    return r;
  }

  /** Each doc's neighbours (doc numbers) and scores, best first. */
  private record Result(int[][] nbr, double[][] score) {}

  /** True when the lists are approximate ({@link EngineOptions.Search}), false when exact. */
  public boolean approximate() {
    return options.search().approximate(vectors.size());
  }

  /** The approximate search over this engine's papers (also for tests). */
  ApproximateSearch approximateSearch() {
    return new ApproximateSearch(vectors, options, scores, idRank, byRank);
  }

  /** Runs a {@link TopKSearch} per thread over every row, or the {@link ApproximateSearch}. */
  private Result search(LongConsumer rowsDone) {
    int n = vectors.size();
    int[][] nbr = new int[n][];
    double[][] sc = new double[n][];
    if (approximate()) {
      approximateSearch().run(nbr, sc);
      rowsDone.accept(n);
      return new Result(nbr, sc);
    }
    SuffixNorms suffix = SuffixNorms.of(vectors, options.threads());
    Parallel.forEach(
        options.threads(),
        n,
        () -> new TopKSearch(vectors, topics, citations, options, scores, suffix, idRank, byRank),
        (search, d) -> {
          TopKSearch.Row row = search.search(d);
          nbr[d] = row.docs();
          sc[d] = row.scores();
          rowsDone.accept(1);
        });
    return new Result(nbr, sc);
  }
}
