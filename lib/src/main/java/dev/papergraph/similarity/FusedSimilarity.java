package dev.papergraph.similarity;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.embed.Vectors;
import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Lexical and semantic similarity fused: the text score of a pair is the {@link Fusion} of the
 * lexical engine's cosine and the cosine of the papers' embeddings; topics and citations enter as
 * in the lexical engine ({@link SimilarityEngine#scoreWithText}). Explanations carry both scores
 * beside the shared terms.
 *
 * <p>The candidates of each paper (its best {@link #EXPANSION_CANDIDATES} by score, see below) are
 * exact on the fused score: each row bounds every other paper, the lexical cosines from the
 * inverted index ({@link LexicalBlock}: a row block's postings, frequent terms as dense columns;
 * summed in float, a bound of the exact cosine by {@link #lexicalSlack}, which is read for the
 * pairs scored) and the semantic cosines from float products of {@link #ROW_BLOCK} rows at a time
 * with every embedding ({@link BlockedDots}: {@code n · d / 2} multiply-adds per row, each pair's
 * product computed once for both rows, {@code d} = 384, vectorised by the JIT), each within a
 * stated slack of the exact cosine; only papers whose fused bound (plus the non-text bound) reaches
 * the running last candidate's score get the exact cosine and their topic and citation components.
 * Cost {@code O(n² d)} in all, memory a {@code float[n]}, an {@code int[n]}, a {@code float} per
 * term and 2 · {@link #ROW_BLOCK} {@code float[n]} per thread, the frequent terms' columns ({@link
 * LexicalBlock#MAX_DENSE_BYTES} at most), one copy of the embeddings beyond the inputs and about
 * {@code n² / 2} bytes for each pair's product computed once for both its rows ({@link
 * BlockedDots.RowBlocks}; up to {@link BlockedDots#MIRROR_MAX_BYTES}, above which each row computes
 * all its products). Rows run in parallel; the result does not depend on the thread count. Scores
 * are symmetric to the last bit.
 *
 * <p>Above a size ({@link EngineOptions.Search#approximateFused}: by default above {@link
 * EngineOptions#FUSED_APPROXIMATE_ABOVE} papers) the lists come from candidates instead, every
 * candidate scored exactly: the union of the paper's lexical top-k (the lexical engine's lists) and
 * its {@link #SEMANTIC_CANDIDATES} nearest papers by embedding (Lucene's HNSW graph over the
 * vectors as given, {@link SemanticNeighbours}), then {@link #ROUNDS} rounds of neighbours of
 * neighbours (each paper scores the lists of its neighbours and of the papers listing it, as in
 * NN-descent). A list may then miss a paper but never holds a wrong score; recall@10 against the
 * exact lists is in docs/BENCHMARKS.md and {@code FusedTopKTest}.
 *
 * <p>The lists are then re-ranked by average query expansion over the neighbourhood (as in
 * pseudo-relevance feedback, Rocchio 1971; average query expansion, Chum et al. 2007): each paper's
 * {@link #EXPANSION_CANDIDATES} best papers by score are its candidates, and a candidate {@code j}
 * of paper {@code i} ranks by
 *
 * <pre>
 *   rank(i, j) = score(i, j) + β · mean over the m first candidates n of i of score(n, j)
 * </pre>
 *
 * with {@code score(j, j) = 1}, {@code β =} {@link #EXPANSION_WEIGHT} and {@code m =} {@link
 * #EXPANSION_NEIGHBOURS}: a candidate close to the paper's nearest neighbours too moves up. The k
 * best candidates by rank are the paper's neighbours, and {@link Neighbour#score} is that rank; a
 * link's weight and explanation stay the pair's own symmetric score. The re-ranking scores {@code m
 * · EXPANSION_CANDIDATES} pairs per paper ({@code O(n · m · M)}) at most, in either search mode;
 * with exact lists only those of the candidates whose rank can still reach the k best (a pair
 * outside both papers' lists scores at most their lists' last scores: about two thirds of the
 * candidates, 35 % fewer pairs scored on 10,000 arXiv papers). Parameters chosen on the five
 * SYNERGY sets together (docs/BENCHMARKS.md, section 3).
 *
 * <p>Computed once, on first use; thread-safe.
 */
public final class FusedSimilarity implements PaperSimilarity {

  private static final double EPS = 1e-9;

  /** Nearest papers by embedding taken as candidates per paper in the approximate mode. */
  static final int SEMANTIC_CANDIDATES = 40;

  /** Rounds of neighbours-of-neighbours refinement in the approximate mode. */
  static final int ROUNDS = 2;

  /** Candidates per paper (its best papers by score) that the query expansion re-ranks. */
  public static final int EXPANSION_CANDIDATES = 30;

  /** The first candidates whose scores expand the paper's (m in the class comment). */
  public static final int EXPANSION_NEIGHBOURS = 3;

  /** Weight β of the neighbours' mean score in a candidate's rank. */
  public static final double EXPANSION_WEIGHT = 0.2;

  /**
   * Rows of the exact search whose semantic products are computed together ({@link BlockedDots}):
   * each block of vectors is read once per this many rows.
   */
  static final int ROW_BLOCK = 32;

  /**
   * Papers re-ranked together: the pairs they need that no candidate list holds are collected and
   * scored once (at most {@code 90} keys of 8 bytes per paper held at a time).
   */
  static final int EXPANSION_BATCH = 1 << 16;

  private final SimilarityEngine lexical;
  private final float[][] semantic;
  private final Fusion fusion;
  private final SemanticModelInfo model;
  private volatile Result result;

  private FusedSimilarity(
      SimilarityEngine lexical, float[][] semantic, Fusion fusion, SemanticModelInfo model) {
    this.lexical = lexical;
    this.semantic = semantic;
    this.fusion = fusion;
    this.model = model;
  }

  /**
   * Fuses a lexical engine with the papers' embeddings.
   *
   * @param lexical the lexical engine; its options' {@code semanticWeight} is the fusion weight
   * @param embeddings unit vectors in the engine's doc order, all of one dimension
   * @param model what produced the embeddings, for the manifest
   * @throws IllegalArgumentException if the counts differ or the semantic weight is 0
   */
  public static FusedSimilarity of(
      SimilarityEngine lexical, float[][] embeddings, SemanticModelInfo model) {
    Objects.requireNonNull(model, "model");
    if (embeddings.length != lexical.vectors().size()) {
      throw new IllegalArgumentException(
          embeddings.length + " embeddings for " + lexical.vectors().size() + " papers");
    }
    double w = lexical.options().semanticWeight();
    if (!(w > 0)) {
      throw new IllegalArgumentException("semantic weight must be positive to fuse: " + w);
    }
    return new FusedSimilarity(
        lexical,
        embeddings,
        Fusion.of(w, lexical.vectors(), embeddings, lexical.options().threads()),
        model);
  }

  /** The lexical engine underneath. */
  public SimilarityEngine lexical() {
    return lexical;
  }

  /** The fusion rule with its fitted spreads. */
  public Fusion fusion() {
    return fusion;
  }

  /** Whether the top-k is taken from candidates (see the class comment) rather than exact. */
  public boolean approximate() {
    return options().search().approximateFused(vectors().size());
  }

  /**
   * The rows {@link #computeNeighbours} reports: one per paper for the search (in the candidate
   * mode one per paper for the first candidates and for each round) and one per paper for the
   * re-ranking.
   */
  public long searchRows() {
    return (approximate() ? 2L + ROUNDS : 2L) * vectors().size();
  }

  /**
   * Computes the fused top-k lists now (they are computed once, on first use, either way).
   *
   * @param rowsDone receives rows searched as they finish, {@link #searchRows} in all; called from
   *     the searching threads
   */
  public void computeNeighbours(LongConsumer rowsDone) {
    result(rowsDone);
  }

  /** The fusion rule, its fitted values and how the top-k is searched, for the run manifest. */
  public Map<String, Object> manifest() {
    Map<String, Object> m = fusion.toMap();
    m.put(
        "fusion.search",
        approximate()
            ? "candidates: lexical top-k + "
                + SEMANTIC_CANDIDATES
                + " HNSW nearest by embedding, "
                + ROUNDS
                + " rounds of neighbours of neighbours"
            : "exact");
    m.put(
        "fusion.expansion",
        String.format(
            Locale.ROOT,
            "rank(i,j) = score(i,j) + %s * mean score(n,j) over i's %d best; among i's %d best",
            EXPANSION_WEIGHT,
            EXPANSION_NEIGHBOURS,
            EXPANSION_CANDIDATES));
    return m;
  }

  /** The model that made the embeddings. */
  public SemanticModelInfo model() {
    return model;
  }

  @Override
  public EngineOptions options() {
    return lexical.options();
  }

  @Override
  public TermVectors vectors() {
    return lexical.vectors();
  }

  /** The semantic score (cosine of the embeddings) of two papers. */
  public double semantic(String paperA, String paperB) {
    return Vectors.dot(semantic[lexical.doc(paperA)], semantic[lexical.doc(paperB)]);
  }

  @Override
  public List<Neighbour> neighbours(String paperId) {
    int d = lexical.doc(paperId);
    Result r = result();
    List<Neighbour> out = new ArrayList<>(r.nbr[d].length);
    for (int i = 0; i < r.nbr[d].length; i++) {
      out.add(new Neighbour(vectors().paper(r.nbr[d][i]).id(), r.score[d][i]));
    }
    return out;
  }

  @Override
  public int[][] neighbourDocs() {
    Result r = result();
    int[][] out = new int[r.nbr.length][];
    for (int d = 0; d < out.length; d++) {
      out[d] = r.nbr[d].clone();
    }
    return out;
  }

  @Override
  public List<Link> links() {
    int n = vectors().size();
    long[] pairs = lexical.orderedByIds(SimilarityEngine.pairs(result().nbr));
    EdgeExplanation[] lex = lexical.explainPairs(pairs);
    Link[] out = new Link[pairs.length];
    Parallel.forEach(
        lexical.options().threads(),
        pairs.length,
        i -> {
          int a = (int) (pairs[i] / n), b = (int) (pairs[i] % n);
          out[i] = Link.of(vectors().paper(a).id(), vectors().paper(b).id(), fuse(a, b, lex[i]));
        });
    linkPairs = pairs;
    return List.of(out);
  }

  /** The pairs of the links {@link #links()} made last, until {@link #linkEnds()} takes them. */
  private volatile long[] linkPairs;

  @Override
  public int[] linkEnds() {
    long[] pairs = linkPairs;
    linkPairs = null;
    return lexical.ends(
        pairs != null ? pairs : lexical.orderedByIds(SimilarityEngine.pairs(result().nbr)));
  }

  @Override
  public EdgeExplanation explain(String paperA, String paperB) {
    return explain(lexical.doc(paperA), lexical.doc(paperB));
  }

  private EdgeExplanation explain(int a, int b) {
    return fuse(a, b, lexical.explain(a, b));
  }

  /** The fused explanation of a pair from its lexical one. */
  private EdgeExplanation fuse(int a, int b, EdgeExplanation lex) {
    double sem = Vectors.dot(semantic[a], semantic[b]);
    double text = fusion.text(lex.text(), sem);
    double topic = TopicGate.gated(lexical.topics().weightedJaccard(a, b), text);
    return new EdgeExplanation(
        lexical.scoreWithText(a, b, text),
        text,
        topic,
        lex.direct(),
        lex.coupling(),
        lex.cocitation(),
        lex.sharedTerms(),
        lex.sharedTopics(),
        lex.sharedReferences(),
        lex.text(),
        sem);
  }

  /**
   * A text bound below which a pair fails the exact search's first test, {@code wText · t +
   * TopicGate.gated(topicExtra, t) + citationExtra < theta − EPS}, for a row whose weighted topic
   * bound is {@code topicExtra} and citation bound {@code citationExtra} ({@link
   * TopicGate#minText}): a cheap filter before the test, never instead of it.
   */
  static double lowestPassingBound(
      double theta, double wText, double topicExtra, double citationExtra) {
    return wText > 0
        ? TopicGate.minText(theta - EPS - citationExtra, wText, topicExtra)
        : Double.NEGATIVE_INFINITY;
  }

  /**
   * The factor that makes a float sum of a row's lexical products (at most {@code terms}
   * non-negative products of floats) an upper bound of the double sum {@link TermVectors#cosine}
   * gives: both are within {@code γ = (terms + 2) u / (1 - (terms + 2) u)} of the exact sum
   * (recursive summation of non-negative terms, u the unit round-off, 2^-24 for float, 2^-53 for
   * double), so the double sum is at most the float sum times {@code (1 + γd) / (1 - γf)}, below
   * {@code 1 + 8 (terms + 2) 2^-24} for any row shorter than 100,000 terms.
   */
  static double lexicalSlack(int terms) {
    return 1 + 8.0 * (terms + 2) * 0x1p-24;
  }

  private Result result() {
    return result(rows -> {});
  }

  private Result result(LongConsumer rowsDone) {
    Result r = result;
    if (r == null) {
      synchronized (this) {
        r = result;
        if (r == null) {
          r = new Algorithm(rowsDone).run();
          result = r;
        }
      }
    }
    return r;
  }

  /**
   * Each doc's neighbours (doc numbers) and ranks, best first, and the candidates they were chosen
   * from (by score, best first).
   */
  private record Result(int[][] nbr, double[][] score, int[][] candidates) {}

  /**
   * Scored pairs by key (sorted): {@link Algorithm#otherPairs}.
   *
   * @param keys sorted, distinct
   * @param scores each key's score
   */
  private record PairTable(long[] keys, double[] scores) {
    double score(long key) {
      int i = Arrays.binarySearch(keys, key);
      if (i < 0) {
        throw new IllegalStateException("pair " + key + " was not collected");
      }
      return scores[i];
    }
  }

  /** Each doc's candidates for the re-ranking, best score first (for tests). */
  int[][] candidateDocs() {
    return result().candidates();
  }

  /** The exact fused top-k; per-thread scratch arrays go away with it. */
  private final class Algorithm {
    private final TermVectors vectors = lexical.vectors();
    private final int n = vectors.size();
    private final EngineOptions options = lexical.options();
    private final PairScores scores = lexical.scores();
    private final int k = options.k();
    private final int width = Math.max(k, EXPANSION_CANDIDATES);
    private final ThreadLocal<double[]> accumulators = ThreadLocal.withInitial(() -> new double[n]);
    private final LongConsumer rowsDone;

    Algorithm(LongConsumer rowsDone) {
      this.rowsDone = rowsDone;
    }

    Result run() {
      boolean exactLists = !approximate();
      Result found = exactLists ? exact() : candidates();
      int[][] nbr = new int[n][];
      double[][] rank = new double[n][];
      for (int from = 0; from < n; from += EXPANSION_BATCH) {
        int first = from, size = Math.min(EXPANSION_BATCH, n - from);
        int[][] contenders = new int[size][];
        PairTable others =
            otherPairs(first, size, found.nbr(), found.score(), exactLists, contenders);
        Parallel.forEach(
            threads(),
            size,
            i -> {
              expand(first + i, found.nbr(), found.score(), others, contenders[i], nbr, rank);
              rowsDone.accept(1);
            });
      }
      return new Result(nbr, rank, found.nbr());
    }

    /**
     * The scores of the pairs that docs {@code from..from+size-1}'s re-ranking needs and neither
     * paper's candidate list holds: collected, each pair once (scores are symmetric), and scored
     * grouped by their first paper ({@link TermVectors.CosineRow}). Only the pairs of each doc's
     * {@link #contenders} are needed.
     *
     * @param contenders receives each doc's contenders
     */
    private PairTable otherPairs(
        int from,
        int size,
        int[][] cand,
        double[][] score,
        boolean exactLists,
        int[][] contenders) {
      long[][] keys = new long[size][];
      Parallel.forEach(
          threads(),
          size,
          i -> {
            int[] c = cand[from + i];
            int[] js = contenders(from + i, cand, score, exactLists);
            contenders[i] = js;
            int m = Math.min(EXPANSION_NEIGHBOURS, c.length);
            long[] own = new long[m * js.length];
            int count = 0;
            for (int x = 0; x < m; x++) {
              for (int j : js) {
                if (c[x] != c[j] && Double.isNaN(known(c[x], c[j], cand, score))) {
                  own[count++] = key(c[x], c[j]);
                }
              }
            }
            keys[i] = Arrays.copyOf(own, count);
          });
      long[] all = new long[Arrays.stream(keys).mapToInt(x -> x.length).sum()];
      int at = 0;
      for (long[] own : keys) {
        System.arraycopy(own, 0, all, at, own.length);
        at += own.length;
      }
      Arrays.sort(all);
      int u = 0;
      for (int i = 0; i < all.length; i++) {
        if (u == 0 || all[i] != all[u - 1]) {
          all[u++] = all[i];
        }
      }
      long[] pairs = Arrays.copyOf(all, u);
      double[] values = new double[u];
      Parallel.forEach(
          threads(),
          u,
          vectors::cosineRow,
          (row, i) -> values[i] = pair(row, (int) (pairs[i] / n), (int) (pairs[i] % n)));
      return new PairTable(pairs, values);
    }

    /** A pair's key: the smaller doc first. */
    private long key(int a, int b) {
      return (long) Math.min(a, b) * n + Math.max(a, b);
    }

    /**
     * Doc d's candidates (their places in its list) that can be among its k best by rank. With
     * exact lists a pair that neither paper's list holds scores at most the lower of the two lists'
     * last scores (or of {@link #ceiling}s): each candidate's rank then lies between its rank with
     * such pairs at 0 and at that ceiling, and a candidate whose highest possible rank is below the
     * k-th best lowest one cannot be among the k best. Its rank needs none of its pairs; the
     * others' ranks are computed exactly.
     */
    private int[] contenders(int d, int[][] cand, double[][] score, boolean exactLists) {
      int[] c = cand[d];
      int m = Math.min(EXPANSION_NEIGHBOURS, c.length);
      if (!exactLists || c.length <= k) {
        int[] all = new int[c.length];
        Arrays.setAll(all, i -> i);
        return all;
      }
      double[] low = new double[c.length];
      double[] high = new double[c.length];
      for (int i = 0; i < c.length; i++) {
        double qLow = 0, qHigh = 0;
        for (int x = 0; x < m; x++) {
          if (c[x] == c[i]) {
            qLow += 1.0;
            qHigh += 1.0;
          } else {
            double known = known(c[x], c[i], cand, score);
            if (Double.isNaN(known)) {
              qHigh += Math.min(ceiling(c[x], cand, score), ceiling(c[i], cand, score));
            } else {
              qLow += known;
              qHigh += known;
            }
          }
        }
        // the same arithmetic as expand's rank, monotone in q
        low[i] = score[d][i] + EXPANSION_WEIGHT * qLow / m;
        high[i] = score[d][i] + EXPANSION_WEIGHT * qHigh / m;
      }
      double[] lows = low.clone();
      Arrays.sort(lows);
      double kthLow = lows[lows.length - k];
      int[] out = new int[c.length];
      int count = 0;
      for (int i = 0; i < c.length; i++) {
        if (!(high[i] < kthLow)) {
          out[count++] = i;
        }
      }
      return Arrays.copyOf(out, count);
    }

    /**
     * The most a pair of doc a with a doc outside its exact candidate list can score: its last
     * candidate's score when the list is full, else the least score a list admits (a doc outside a
     * short list scored at most 0 or below the minimum).
     */
    private double ceiling(int a, int[][] cand, double[][] score) {
      return cand[a].length == width ? score[a][width - 1] : Math.max(0, options.minScore());
    }

    /**
     * Re-ranks doc d's candidates by average query expansion (see the class comment) and keeps the
     * k best, of its contenders (the others cannot be among them).
     */
    private void expand(
        int d,
        int[][] cand,
        double[][] score,
        PairTable others,
        int[] contenders,
        int[][] nbr,
        double[][] rank) {
      int[] c = cand[d];
      int m = Math.min(EXPANSION_NEIGHBOURS, c.length);
      int[] docs = new int[contenders.length];
      double[] r = new double[contenders.length];
      for (int y = 0; y < contenders.length; y++) {
        int i = contenders[y];
        double q = 0;
        for (int x = 0; x < m; x++) {
          if (c[x] == c[i]) {
            q += 1.0;
          } else {
            double known = known(c[x], c[i], cand, score);
            q += Double.isNaN(known) ? others.score(key(c[x], c[i])) : known;
          }
        }
        docs[y] = c[i];
        r[y] = score[d][i] + EXPANSION_WEIGHT * q / m;
      }
      keepBest(d, docs, r, docs.length, k, nbr, rank);
    }

    /**
     * Stores the {@code keep} best of {@code size} scored docs as doc d's list: by score, best
     * first, ties by id.
     */
    private void keepBest(
        int d, int[] docs, double[] scores, int size, int keep, int[][] nbr, double[][] sc) {
      // insertion into the m best so far, in order (stable: of equal keys the first met stays
      // first); no boxed indices and no comparator, so the fused row that calls it compiles small
      int m = Math.min(keep, size);
      int[] best = new int[m];
      int count = 0;
      for (int i = 0; i < size; i++) {
        if (count == m && !before(i, best[m - 1], docs, scores)) {
          continue;
        }
        int at = count < m ? count++ : m - 1;
        while (at > 0 && before(i, best[at - 1], docs, scores)) {
          best[at] = best[at - 1];
          at--;
        }
        best[at] = i;
      }
      nbr[d] = new int[m];
      sc[d] = new double[m];
      for (int i = 0; i < m; i++) {
        nbr[d][i] = docs[best[i]];
        sc[d][i] = scores[best[i]];
      }
    }

    /** Whether scored doc x ranks before y: by score, higher first, then by id. */
    private boolean before(int x, int y, int[] docs, double[] scores) {
      int o = Double.compare(scores[x], scores[y]);
      return o != 0 ? o > 0 : lexical.idRank(docs[x]) < lexical.idRank(docs[y]);
    }

    /** Each doc's exact {@code width} best by score. */
    private Result exact() {
      int[][] nbr = new int[n][];
      double[][] sc = new double[n][];
      BlockedDots dots = new BlockedDots(semantic);
      BlockedDots.RowBlocks blocks = dots.rowBlocks(ROW_BLOCK);
      LexicalBlock lexicalSums = new LexicalBlock(vectors);
      // the row blocks go in increasing order whichever thread takes which (a block takes the
      // products that earlier ones computed for it); a block is a large task, so even the few
      // blocks of a small corpus spread over the threads
      Parallel.forEachTask(
          threads(),
          blocks.count(),
          RowScratch::new,
          (s, ignored) -> {
            int j = blocks.next();
            int from = blocks.from(j), to = blocks.to(j);
            blocks.products(j, s.blockSums, s.semantic);
            lexicalSums.add(from, to, s.lexical);
            for (int d = from; d < to; d++) {
              row(d, s.lexical[d - from], s.semantic[d - from], dots.slack(d), s, nbr, sc);
            }
            rowsDone.accept(to - from);
          });
      return new Result(nbr, sc, null);
    }

    /** One thread's scratch for the exact search. */
    private final class RowScratch {
      final float[][] lexical = new float[ROW_BLOCK][n];
      final TermVectors.CosineRow cosine = vectors.cosineRow();
      final float[] bound = new float[n];
      final float[][] blockSums = new float[ROW_BLOCK][BlockedDots.BLOCK];
      final float[][] semantic = new float[ROW_BLOCK][n];

      /** For each doc, its place in the row's first {@code width} scored, else -1. */
      final int[] scored = new int[n];

      /**
       * The row's candidates and their scores: room for every doc, so the row never grows them (a
       * growth branch, rarely taken, made C2 throw the row's compiled code away and compile the
       * large method again, twice per 10,000-paper build: "unstable_if" deoptimisations).
       */
      final int[] candDoc = new int[n];

      final double[] candScore = new double[n];

      RowScratch() {
        Arrays.fill(scored, -1);
      }
    }

    /**
     * One paper's exact fused candidates (its {@code width} best). The semantic cosines come
     * approximate from the block products, so each paper's fused text score has an upper bound (the
     * approximate cosine plus its slack): a first threshold is the exact scores of the {@code
     * width} best by that bound, and only papers whose bound, plus the non-text bound, reaches the
     * running {@code width}-th best are scored exactly.
     */
    private void row(
        int d,
        float[] text,
        float[] approxSemantic,
        double slack,
        RowScratch s,
        int[][] nbr,
        double[][] sc) {
      float[] bound = s.bound;
      // text: the lexical cosines summed in float (LexicalBlock), a bound of the exact ones
      // (the exact cosine, summed in double by TermVectors.cosine, is read for the few pairs
      // scored below)
      int terms = vectors.end(d) - vectors.start(d);
      TermVectors.CosineRow cosine = s.cosine;
      cosine.of(d);
      // every pair's fused text bound, then the width best by it
      fusion.texts(text, lexicalSlack(terms), approxSemantic, slack, bound);
      bound[d] = -1;
      int[] best = best(d, bound);
      float[] e = semantic[d];
      double wText = options.textWeight();
      double topicWeight = options.topicWeight();
      // the topic bound gated by each pair's text bound (TopicGate grows with both), as the
      // lexical search does: a pair with little text can gain little from its topics
      double topicExtra = scores.topicBound(d);
      double citationExtra = scores.citationBound(d);
      // a first threshold: the exact scores of the best by the bound (kept: the loop below
      // meets these docs again)
      double[] bestScore = new double[best.length];
      double[] heap = new double[width];
      int size = 0;
      for (int i = 0; i < best.length; i++) {
        int b = best[i];
        bestScore[i] = exact(d, b, cosine.cosine(b), e);
        s.scored[b] = i;
        size = push(heap, size, bestScore[i]);
      }
      double theta = Math.max(options.minScore(), size == width ? heap[0] : 0);
      double lowest = lowestPassingBound(theta, wText, topicExtra, citationExtra);
      // each doc is pushed once below, so this heap's smallest value is a true lower bound too
      heap = new double[width];
      size = 0;
      int[] candDoc = s.candDoc;
      double[] candScore = s.candScore;
      int cand = 0;
      for (int b = 0; b < n; b++) {
        if (bound[b] < lowest
            || b == d
            || wText * bound[b] + TopicGate.gated(topicExtra, bound[b]) + citationExtra
                < theta - EPS) {
          continue;
        }
        double sb;
        if (s.scored[b] >= 0) {
          sb = bestScore[s.scored[b]];
        } else {
          // the pair's own topic score, far cheaper than its semantic product, bounds it tighter
          double topic = scores.topic(d, b);
          if (wText * bound[b] + topicWeight * TopicGate.gated(topic, bound[b]) + citationExtra
              < theta - EPS) {
            continue;
          }
          sb = exact(d, b, cosine.cosine(b), e, topic);
        }
        if (!(sb > 0) || sb < options.minScore() || sb < theta - EPS) {
          continue;
        }
        candDoc[cand] = b;
        candScore[cand++] = sb;
        size = push(heap, size, sb);
        if (size == width && heap[0] > theta) {
          theta = heap[0];
          lowest = lowestPassingBound(theta, wText, topicExtra, citationExtra);
        }
      }
      Arrays.fill(text, 0);
      for (int b : best) {
        s.scored[b] = -1;
      }
      keepBest(d, candDoc, candScore, cand, width, nbr, sc);
    }

    /**
     * The {@code width} docs other than d with the largest bound (any order; of equal bounds the
     * first met).
     */
    private int[] best(int d, float[] bound) {
      int[] docs = new int[width];
      double[] h = new double[width];
      int size = 0;
      int b = 0;
      for (; b < n && size < width; b++) {
        if (b == d) {
          continue;
        }
        int x = size++;
        h[x] = bound[b];
        docs[x] = b;
        while (x > 0 && h[(x - 1) >>> 1] > h[x]) {
          swap(h, docs, x, (x - 1) >>> 1);
          x = (x - 1) >>> 1;
        }
      }
      // the heap's least in a local: the loop then reads only the bounds
      double least = size == 0 ? 0 : h[0];
      for (; b < n; b++) {
        double v = bound[b];
        if (v > least && b != d) {
          h[0] = v;
          docs[0] = b;
          siftDown(h, docs, width);
          least = h[0];
        }
      }
      return Arrays.copyOf(docs, size);
    }

    /**
     * The exact fused score of paper d (embedding e) with b given their accumulated lexical cosine
     * (the same arithmetic as {@link #pair}).
     */
    private double exact(int d, int b, double lexicalCosine, float[] e) {
      return exact(d, b, lexicalCosine, e, scores.topic(d, b));
    }

    /** {@link #exact(int, int, double, float[])} with the pair's {@link PairScores#topic} given. */
    private double exact(int d, int b, double lexicalCosine, float[] e, double topic) {
      double text = fusion.text(Math.min(1.0, lexicalCosine), Vectors.dot(e, semantic[b]));
      return scores.scoreWithTextAndTopic(d, b, text, topic);
    }

    /**
     * The score of a pair from a's candidates when b is one of them, else from b's when a is one of
     * them (the same value: scores are symmetric to the last bit and computed by the same
     * arithmetic), else NaN.
     */
    private double known(int a, int b, int[][] cand, double[][] score) {
      int[] c = cand[a];
      for (int i = 0; i < c.length; i++) {
        if (c[i] == b) {
          return score[a][i];
        }
      }
      c = cand[b];
      for (int i = 0; i < c.length; i++) {
        if (c[i] == a) {
          return score[b][i];
        }
      }
      return Double.NaN;
    }

    /**
     * The exact fused score of a pair (the same arithmetic as {@link #exact}), its lexical cosine
     * read with this thread's row (a's, made so if it is not).
     */
    private double pair(TermVectors.CosineRow row, int a, int b) {
      row.of(a);
      double text =
          fusion.text(Math.min(1.0, row.cosine(b)), Vectors.dot(semantic[a], semantic[b]));
      return lexical.scoreWithText(a, b, text);
    }

    /** The approximate mode: candidates scored exactly (see the class comment). */
    private Result candidates() {
      int[][] semanticNearest = SemanticNeighbours.of(semantic, SEMANTIC_CANDIDATES, threads());
      int[][] lexicalTop = lexical.neighbourDocs();
      int[][] firstNbr = new int[n][];
      double[][] firstSc = new double[n][];
      Parallel.forEach(
          threads(),
          n,
          Scratch::new,
          (s, d) -> {
            s.begin(d);
            s.offer(lexicalTop[d]);
            s.offer(semanticNearest[d]);
            s.finish(d, firstNbr, firstSc, ROUNDS == 0 ? width : k);
            rowsDone.accept(1);
          });
      int[][] nbr = firstNbr;
      double[][] sc = firstSc;
      for (int round = 0; round < ROUNDS; round++) {
        // the last round keeps the re-ranking's candidates, the others the k best
        int keep = round == ROUNDS - 1 ? width : k;
        int[][] current = nbr;
        int[][] reverse = ApproximateSearch.reverse(current);
        int[][] nextNbr = new int[n][];
        double[][] nextSc = new double[n][];
        Parallel.forEach(
            threads(),
            n,
            Scratch::new,
            (s, d) -> {
              s.begin(d);
              s.offer(current[d]);
              s.offer(reverse[d]);
              for (int c : current[d]) {
                s.offer(current[c]);
                s.offer(reverse[c]);
              }
              for (int c : reverse[d]) {
                s.offer(current[c]);
              }
              s.finish(d, nextNbr, nextSc, keep);
              rowsDone.accept(1);
            });
        nbr = nextNbr;
        sc = nextSc;
      }
      return new Result(nbr, sc, null);
    }

    private int threads() {
      return options.threads();
    }

    /** One thread's candidate set: each candidate scored once, the best kept. */
    private final class Scratch {
      private final int[] seen = new int[n];
      private final TermVectors.CosineRow row = vectors.cosineRow();
      private int stamp;
      private int self;
      private int[] doc = new int[64];
      private double[] score = new double[64];
      private int size;

      Scratch() {
        Arrays.fill(seen, -1);
      }

      void begin(int d) {
        stamp++;
        self = d;
        size = 0;
        seen[d] = stamp;
      }

      void offer(int[] docs) {
        for (int b : docs) {
          if (seen[b] == stamp) {
            continue;
          }
          seen[b] = stamp;
          double s = pair(row, self, b);
          if (!(s > 0) || s < options.minScore()) {
            continue;
          }
          if (size == doc.length) {
            doc = Arrays.copyOf(doc, size * 2);
            score = Arrays.copyOf(score, size * 2);
          }
          doc[size] = b;
          score[size++] = s;
        }
      }

      void finish(int d, int[][] nbr, double[][] sc, int keep) {
        keepBest(d, doc, score, size, keep, nbr, sc);
      }
    }

    /** Pushes into a min-heap of the {@code width} largest values; returns the new size. */
    private int push(double[] h, int size, double v) {
      if (size < width) {
        int x = size++;
        h[x] = v;
        while (x > 0 && h[(x - 1) >>> 1] > h[x]) {
          double t = h[x];
          h[x] = h[(x - 1) >>> 1];
          h[(x - 1) >>> 1] = t;
          x = (x - 1) >>> 1;
        }
      } else if (v > h[0]) {
        h[0] = v;
        siftDown(h, null, width);
      }
      return size;
    }

    private void siftDown(double[] h, int[] docs, int size) {
      int x = 0;
      while (true) {
        int l = 2 * x + 1, r = l + 1, m = x;
        if (l < size && h[l] < h[m]) m = l;
        if (r < size && h[r] < h[m]) m = r;
        if (m == x) break;
        swap(h, docs, x, m);
        x = m;
      }
    }

    private void swap(double[] h, int[] docs, int a, int b) {
      double t = h[a];
      h[a] = h[b];
      h[b] = t;
      if (docs != null) {
        int u = docs[a];
        docs[a] = docs[b];
        docs[b] = u;
      }
    }
  }
}
