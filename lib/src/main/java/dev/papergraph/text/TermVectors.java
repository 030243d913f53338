package dev.papergraph.text;

import static dev.papergraph.model.Arguments.require;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.model.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The weighted term vectors of a list of papers (title + abstract through {@link PaperAnalyzer}),
 * with the corpus statistics behind them and an inverted index over them.
 *
 * <p>Papers are numbered 0..n-1 in list order ("doc"), terms 0..V-1 in the sort order of their
 * analysed form, so the same input gives the same numbering. Each paper's row lists its terms in
 * increasing term id with two values: the raw count (title occurrences times the title boost plus
 * abstract occurrences) and the weight (sublinear TF-IDF or BM25, then scaled so the row has unit
 * length; the cosine of two papers is the dot product of their rows). Rows and postings are flat
 * primitive arrays, addressed as {@code for (int p = start(doc); p < end(doc); p++) termAt(p)}.
 *
 * <p>Build cost: one analysis pass over the text (parallel), then {@code O(nnz log nnz)}; memory
 * about 24 bytes per non-zero. Immutable and thread-safe once built.
 */
public final class TermVectors {

  /** Papers examined to find the most frequent surface form of a term. */
  private static final int DISPLAY_SAMPLE = 25;

  private final List<Paper> papers;
  private final Map<String, Integer> docByPaperId;
  private final TextOptions options;
  private final PaperAnalyzer analyzer;
  private final String[] terms;
  private final Map<String, Integer> termIds;
  private final int[] df;
  private final int[] rowStart;
  private final int[] rowTerm;
  private final float[] rowCount;
  private final float[] rowWeight;
  private final int[] postStart;
  // the postings' docs and weights: dropped by releasePostings once a build's search is done, and
  // made again from the rows if read after that (final fields: a thread that sees the holder sees
  // its arrays filled)
  private Postings postings;
  // after releasePostings: the docs display forms read, each term's first DISPLAY_SAMPLE postings
  private int[] sampleStart;
  private int[] sampleDoc;
  private final float[] maxWeight;
  private final Occurrences occurrences;
  private final Map<Integer, String> displayCache = new ConcurrentHashMap<>();
  // the readable text of each field (2 · doc + field) that needs cleaning, as the analysis pass
  // made it; null for the others (and none in restored vectors)
  private final String[] readable;

  private TermVectors(
      List<Paper> papers,
      Map<String, Integer> docByPaperId,
      TextOptions options,
      PaperAnalyzer analyzer,
      String[] terms,
      int[] df,
      int[] rowStart,
      int[] rowTerm,
      float[] rowCount,
      float[] rowWeight,
      Occurrences occurrences,
      String[] readable) {
    this.papers = papers;
    this.docByPaperId = docByPaperId;
    this.options = options;
    this.analyzer = analyzer;
    this.terms = terms;
    this.df = df;
    this.rowStart = rowStart;
    this.rowTerm = rowTerm;
    this.rowCount = rowCount;
    this.rowWeight = rowWeight;
    this.occurrences = occurrences;
    // restored vectors keep no occurrences nor readable texts: a query would keep every field's
    this.readable = readable;
    Map<String, Integer> ids = new HashMap<>(terms.length * 2);
    for (int t = 0; t < terms.length; t++) {
      ids.put(terms[t], t);
    }
    this.termIds = ids;
    // The inverted index: postings of each term in increasing doc order.
    int v = terms.length;
    postStart = new int[v + 1];
    for (int p = 0; p < rowTerm.length; p++) {
      postStart[rowTerm[p] + 1]++;
    }
    for (int t = 0; t < v; t++) {
      postStart[t + 1] += postStart[t];
    }
    maxWeight = new float[v];
    for (int p = 0; p < rowTerm.length; p++) {
      int t = rowTerm[p];
      if (rowWeight[p] > maxWeight[t]) {
        maxWeight[t] = rowWeight[p];
      }
    }
    postings = invert();
  }

  /** Builds the vectors with all available processors. */
  public static TermVectors build(List<Paper> papers, TextOptions options) {
    return build(papers, options, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Builds the vectors.
   *
   * @param papers the papers, ids unique; their order numbers the docs
   * @param options analysis and weighting
   * @param threads threads for the analysis pass (the result does not depend on it)
   * @throws IllegalArgumentException if two papers share an id or threads is below 1
   */
  public static TermVectors build(List<Paper> papers, TextOptions options, int threads) {
    return build(papers, options, threads, papersDone -> {});
  }

  /**
   * Builds the vectors, reporting each paper analysed to {@code papersDone} (one unit each, from
   * the analysing threads, possibly at once: it must be thread-safe).
   *
   * @see #build(List, TextOptions, int)
   */
  public static TermVectors build(
      List<Paper> papers, TextOptions options, int threads, LongConsumer papersDone) {
    return build(papers, options, threads, papersDone, null);
  }

  /**
   * Builds the vectors as {@link #build(List, TextOptions, int, LongConsumer)} does, and gives
   * {@code analysed} the tokens the analysis pass met ({@link AnalysedTokens}, for an index that
   * takes them instead of analysing the texts again) as soon as they are complete, on the calling
   * thread, before the rows are weighted. The vectors do not depend on it.
   *
   * @param analysed told of the tokens; {@code null} to record none
   */
  public static TermVectors build(
      List<Paper> papers,
      TextOptions options,
      int threads,
      LongConsumer papersDone,
      Consumer<AnalysedTokens> analysed) {
    require(threads >= 1, "threads must be at least 1: %s", threads);
    List<Paper> list = List.copyOf(papers);
    int n = list.size();
    Map<String, Integer> byId = docsById(list);
    PaperAnalyzer analyzer = new PaperAnalyzer(options);
    AnalysedTokens tokens = analysed == null ? null : new AnalysedTokens(options, list);

    // 1. Analyse every paper (in parallel) into provisional term ids and boosted counts, keeping
    // where each term occurs for the display forms.
    ConcurrentHashMap<String, Integer> vocab = new ConcurrentHashMap<>();
    AtomicInteger nextId = new AtomicInteger();
    int[][] tmpTerms = new int[n][];
    float[][] tmpCounts = new float[n][];
    float[] docLength = new float[n];
    Occurrences.Builder found = new Occurrences.Builder(n);
    // the readable text of each field that needs cleaning (2 · doc + field), from what the
    // analysis's char filters made of it: the display forms and the embedding's text read it
    // instead of cleaning the field again; none where the chain cleans nothing
    boolean keepReadable = options.tokenizer() != TextOptions.Tokenizer.SKLEARN;
    String[] readable = new String[2 * n];
    Parallel.forEach(
        threads,
        n,
        Counts::new,
        (counts, d) -> {
          Paper p = list.get(d);
          counts.clear();
          Occurrences.Doc occ = found.doc(d);
          AnalysedTokens.Field title = tokens == null ? null : new AnalysedTokens.Field();
          AnalysedTokens.Field abs =
              tokens == null || p.abstractText() == null ? null : new AnalysedTokens.Field();
          readable[2 * d + Occurrences.TITLE] =
              count(
                  analyzer,
                  Occurrences.TITLE,
                  p.title(),
                  (float) options.titleBoost(),
                  counts,
                  occ,
                  title,
                  keepReadable);
          if (p.abstractText() != null) {
            readable[2 * d + Occurrences.ABSTRACT] =
                count(
                    analyzer,
                    Occurrences.ABSTRACT,
                    p.abstractText(),
                    1f,
                    counts,
                    occ,
                    abs,
                    keepReadable);
          }
          occ.finish();
          // slot i holds the i-th distinct term met (the occurrences name terms by it)
          int size = counts.size();
          int[] ids = new int[size];
          float[] cs = new float[size];
          float len = 0;
          for (int i = 0; i < size; i++) {
            Slot slot = counts.slots.get(i);
            // a plain read first: computeIfAbsent locks the bin even when the term is there
            Integer id = vocab.get(slot.term);
            ids[i] =
                id != null ? id : vocab.computeIfAbsent(slot.term, k -> nextId.getAndIncrement());
            cs[i] = slot.count;
            len += slot.count;
          }
          if (tokens != null) {
            tokens.keep(d, Occurrences.TITLE, title, ids);
            if (abs != null) {
              tokens.keep(d, Occurrences.ABSTRACT, abs, ids);
            }
          }
          tmpTerms[d] = ids;
          tmpCounts[d] = cs;
          docLength[d] = len;
          papersDone.accept(1);
        });

    // 2. Document frequencies; keep terms within [minDf, maxDfRatio * n]; number them in sort
    // order.
    int vTmp = nextId.get();
    int[] dfTmp = new int[vTmp];
    for (int[] ids : tmpTerms) {
      for (int t : ids) {
        dfTmp[t]++;
      }
    }
    String[] byTmp = new String[vTmp];
    vocab.forEach((k, id) -> byTmp[id] = k);
    vocab.clear();
    if (tokens != null) {
      tokens.vocabulary(byTmp);
      analysed.accept(tokens);
    }
    double maxDf = options.maxDfRatio() >= 1 ? Double.POSITIVE_INFINITY : options.maxDfRatio() * n;
    List<Integer> keptTmp = new ArrayList<>();
    for (int t = 0; t < vTmp; t++) {
      if (dfTmp[t] >= options.minDf() && dfTmp[t] <= maxDf) {
        keptTmp.add(t);
      }
    }
    keptTmp.sort((a, b) -> byTmp[a].compareTo(byTmp[b]));
    int v = keptTmp.size();
    String[] terms = new String[v];
    int[] df = new int[v];
    int[] remap = new int[vTmp];
    Arrays.fill(remap, -1);
    for (int t = 0; t < v; t++) {
      int old = keptTmp.get(t);
      remap[old] = t;
      terms[t] = byTmp[old];
      df[t] = dfTmp[old];
    }

    // 3. Rows sorted by term id, weighted and scaled to unit length.
    double avgLength = 0;
    for (float l : docLength) {
      avgLength += l;
    }
    avgLength = n == 0 ? 0 : avgLength / n;
    int[] rowStart = new int[n + 1];
    for (int d = 0; d < n; d++) {
      int c = 0;
      for (int t : tmpTerms[d]) {
        if (remap[t] >= 0) {
          c++;
        }
      }
      rowStart[d + 1] = rowStart[d] + c;
    }
    int nnz = rowStart[n];
    int[] rowTerm = new int[nnz];
    float[] rowCount = new float[nnz];
    float[] rowWeight = new float[nnz];
    double[] idf = new double[v];
    for (int t = 0; t < v; t++) {
      idf[t] =
          options.weighting() == TextOptions.Weighting.BM25
              ? Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
              : Math.log((1.0 + n) / (1.0 + df[t])) + 1;
    }
    // the docs whose occurrences of a term its display form reads: its first DISPLAY_SAMPLE
    int[] lastSampled = new int[v];
    Arrays.fill(lastSampled, Integer.MAX_VALUE);
    int[] seen = new int[v];
    for (int d = 0; d < n; d++) {
      for (int t : tmpTerms[d]) {
        int r = remap[t];
        if (r >= 0 && ++seen[r] == DISPLAY_SAMPLE) {
          lastSampled[r] = d;
        }
      }
    }
    final double avg = avgLength;
    Parallel.forEach(
        threads,
        n,
        d -> {
          found.keep(d, tmpTerms[d], remap, lastSampled);
          int[] ids = tmpTerms[d];
          float[] cs = tmpCounts[d];
          long[] packed = new long[ids.length];
          int m = 0;
          for (int i = 0; i < ids.length; i++) {
            int t = remap[ids[i]];
            if (t >= 0) {
              packed[m++] = ((long) t << 32) | i;
            }
          }
          Arrays.sort(packed, 0, m);
          int base = rowStart[d];
          double norm = 0;
          for (int j = 0; j < m; j++) {
            int t = (int) (packed[j] >>> 32);
            float c = cs[(int) packed[j]];
            double w = weight(options, c, idf[t], docLength[d], avg);
            rowTerm[base + j] = t;
            rowCount[base + j] = c;
            rowWeight[base + j] = (float) w;
            norm += w * w;
          }
          if (norm > 0) {
            double s = 1 / Math.sqrt(norm);
            for (int j = 0; j < m; j++) {
              rowWeight[base + j] = (float) (rowWeight[base + j] * s);
            }
          }
          tmpTerms[d] = null;
          tmpCounts[d] = null;
        });
    return new TermVectors(
        list,
        Collections.unmodifiableMap(byId),
        options,
        analyzer,
        terms,
        df,
        rowStart,
        rowTerm,
        rowCount,
        rowWeight,
        found.build(),
        readable);
  }

  /**
   * Vectors saved earlier, given back without analysing any text: the arrays {@link #build} made
   * (read back through {@link #term}, {@link #docFrequency}, {@link #start}, {@link #end}, {@link
   * #termAt}, {@link #countAt} and {@link #weightAt}), and optionally the occurrences their
   * analysis pass kept for the display forms ({@link #keptOccurrences}, {@link
   * #keptOccurrenceFields}), which the display forms then read as those of the built vectors do,
   * without analysing those fields again. The workspace keeps them so that a pair is explained
   * without the analysis pass; restored with the occurrences from the vectors {@link #build} made
   * of the same papers' titles and abstracts with the same options, they stand in for them (nothing
   * differs but the readable texts, which {@link #readable} then leaves to the caller to clean).
   * The arrays are kept, not copied: the caller gives them up.
   *
   * @param papers the papers in doc order, as they were built from
   * @param options the options they were built with
   * @param terms the analysed terms by term id, in increasing order
   * @param df each term's document frequency
   * @param rowStart where each doc's row starts, {@code papers.size() + 1} entries from 0 to nnz
   * @param rowTerm each non-zero's term id, increasing within a row
   * @param rowCount each non-zero's raw count
   * @param rowWeight each non-zero's weight
   * @param occurrences each paper's kept occurrences, as {@link #keptOccurrences} gave them ({@code
   *     null} with occurrenceFields: none kept, every field analysed again for the display forms)
   * @param occurrenceFields each paper's {@link #keptOccurrenceFields}
   * @throws IllegalArgumentException if the arrays do not fit together (then naming what is wrong)
   *     or an occurrence lies beyond its paper's title or abstract
   */
  public static TermVectors restore(
      List<Paper> papers,
      TextOptions options,
      String[] terms,
      int[] df,
      int[] rowStart,
      int[] rowTerm,
      float[] rowCount,
      float[] rowWeight,
      long[][] occurrences,
      byte[] occurrenceFields) {
    List<Paper> list = List.copyOf(papers);
    int n = list.size();
    int v = terms.length;
    int nnz = rowTerm.length;
    require(df.length == v, "%s document frequencies for %s terms", df.length, v);
    require(
        rowStart.length == n + 1 && rowStart[0] == 0 && rowStart[n] == nnz,
        "row starts do not cover %s papers and %s non-zeros",
        n,
        nnz);
    require(
        rowCount.length == nnz && rowWeight.length == nnz,
        "%s counts and %s weights for %s non-zeros",
        rowCount.length,
        rowWeight.length,
        nnz);
    for (int t = 1; t < v; t++) {
      require(terms[t - 1].compareTo(terms[t]) < 0, "terms out of order at %s", t);
    }
    for (int d = 0; d < n; d++) {
      require(rowStart[d] <= rowStart[d + 1], "row %s has a negative length", d);
      for (int p = rowStart[d]; p < rowStart[d + 1]; p++) {
        require(
            rowTerm[p] >= 0 && rowTerm[p] < v && (p == rowStart[d] || rowTerm[p - 1] < rowTerm[p]),
            "row %s lists term ids out of order or range",
            d);
      }
    }
    Map<String, Integer> byId = docsById(list);
    return new TermVectors(
        list,
        Collections.unmodifiableMap(byId),
        options,
        new PaperAnalyzer(options),
        terms,
        df,
        rowStart,
        rowTerm,
        rowCount,
        rowWeight,
        occurrences == null && occurrenceFields == null
            ? Occurrences.none(n)
            : Occurrences.restore(
                occurrences,
                occurrenceFields,
                v,
                d -> list.get(d).title(),
                d -> list.get(d).abstractText()),
        new String[0]);
  }

  /**
   * Each paper's doc number by its id.
   *
   * @throws IllegalArgumentException if two papers share an id
   */
  private static Map<String, Integer> docsById(List<Paper> papers) {
    Map<String, Integer> byId = new HashMap<>(papers.size() * 2);
    for (int d = 0; d < papers.size(); d++) {
      if (byId.put(papers.get(d).id(), d) != null) {
        throw new IllegalArgumentException("two papers share the id " + papers.get(d).id());
      }
    }
    return byId;
  }

  private static double weight(
      TextOptions o, float count, double idf, float length, double avgLength) {
    if (o.weighting() == TextOptions.Weighting.BM25) {
      double k1 = o.bm25K1();
      double norm = k1 * (1 - o.bm25B() + o.bm25B() * (avgLength > 0 ? length / avgLength : 1));
      return idf * count * (k1 + 1) / (count + norm);
    }
    // 1 + ln(tf), continued linearly below 1 so that a title boost under 1 stays positive
    double tf = count < 1 ? count : 1 + Math.log(count);
    return tf * idf;
  }

  /** A term's boosted count in one paper, and the order in which the paper's terms were met. */
  private static final class Slot {
    final int index;
    final String term;
    float count;

    Slot(int index, String term) {
      this.index = index;
      this.term = term;
    }
  }

  /**
   * One paper's terms, looked up by the token's characters (no String per token: a String is made
   * once per distinct term of the paper), in the order they were met. One per analysing thread,
   * cleared for each paper.
   */
  private static final class Counts {
    final CharArrayMap<Slot> byTerm = new CharArrayMap<>(256, false);
    final List<Slot> slots = new ArrayList<>();
    // each filtered character's place in the readable text (Occurrences.Doc#endCleaned)
    int[] place = new int[1024];

    void clear() {
      byTerm.clear();
      slots.clear();
    }

    int size() {
      return slots.size();
    }

    /** The slot of the term in {@code buffer[0..length)}, added if the paper has not met it. */
    Slot slot(char[] buffer, int length) {
      Slot slot = byTerm.get(buffer, 0, length);
      if (slot == null) {
        slot = new Slot(slots.size(), new String(buffer, 0, length));
        byTerm.put(Arrays.copyOf(buffer, length), slot);
        slots.add(slot);
      }
      return slot;
    }
  }

  /**
   * Adds a field's terms to the paper's counts and their occurrences: kept where the field's text
   * needs no cleaning (so that its readable text analyses to the same terms at the same places),
   * or, for one that does, where its readable text meets the same tokens ({@link
   * Occurrences.Doc#endCleaned}); and to {@code tokens}, when given, each token. Returns the
   * readable text of a field that needs cleaning, else null.
   */
  private static String count(
      PaperAnalyzer analyzer,
      int field,
      String text,
      float inc,
      Counts counts,
      Occurrences.Doc occ,
      AnalysedTokens.Field tokens,
      boolean keepReadable) {
    boolean clean = !TextCleaner.needsCleaning(text);
    // a text that needs cleaning: the char filters' output is kept (the token offsets then point
    // into it); with the SKLEARN tokenizer, which cleans nothing, its occurrences are not recorded
    boolean record = clean || keepReadable;
    if (clean) {
      occ.start(field);
    } else if (keepReadable) {
      occ.startCleaned(field);
    }
    StringBuilder filtered = clean || !keepReadable ? null : new StringBuilder(text.length());
    try (TokenStream ts = analyzer.stream(Occurrences.FIELD_NAMES[field], text, filtered)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = record ? ts.addAttribute(OffsetAttribute.class) : null;
      PositionIncrementAttribute position =
          tokens == null ? null : ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        Slot slot = counts.slot(term.buffer(), term.length());
        slot.count += inc;
        if (record) {
          occ.add(field, slot.index, off.startOffset(), off.endOffset());
        }
        if (tokens != null) {
          tokens.add(slot.index, position.getPositionIncrement());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (filtered == null) {
      return null;
    }
    String f = filtered.toString();
    String readable = TextCleaner.readableOfFiltered(f);
    if (counts.place.length < f.length()) {
      counts.place = new int[Math.max(f.length(), 2 * counts.place.length)];
    }
    occ.endCleaned(field, f, readable, counts.place);
    return readable;
  }

  // ---------------------------------------------------------------- corpus and vocabulary

  /** The papers, in doc order. */
  public List<Paper> papers() {
    return papers;
  }

  /** The number of papers. */
  public int size() {
    return papers.size();
  }

  /** The doc number of a paper id. */
  public OptionalInt doc(String paperId) {
    Integer d = docByPaperId.get(paperId);
    return d == null ? OptionalInt.empty() : OptionalInt.of(d);
  }

  /** The options the vectors were built with. */
  public TextOptions options() {
    return options;
  }

  /** The analysis chain (for queries that must match these terms). */
  public PaperAnalyzer analyzer() {
    return analyzer;
  }

  /** The number of distinct terms kept. */
  public int vocabularySize() {
    return terms.length;
  }

  /** The analysed form of a term, e.g. "quantiz" or "post train". */
  public String term(int termId) {
    return terms[termId];
  }

  /** The id of an analysed term, if it was kept. */
  public OptionalInt termId(String analysedTerm) {
    Integer t = termIds.get(analysedTerm);
    return t == null ? OptionalInt.empty() : OptionalInt.of(t);
  }

  /** The number of papers containing the term. */
  public int docFrequency(int termId) {
    return df[termId];
  }

  // ---------------------------------------------------------------- rows (forward index)

  /** The first position of a paper's row. */
  public int start(int doc) {
    return rowStart[doc];
  }

  /** One past the last position of a paper's row. */
  public int end(int doc) {
    return rowStart[doc + 1];
  }

  /** The term at a row position. */
  public int termAt(int pos) {
    return rowTerm[pos];
  }

  /** The unit-length weight at a row position. */
  public float weightAt(int pos) {
    return rowWeight[pos];
  }

  /** The boosted raw count at a row position (title occurrences x title boost + abstract). */
  public float countAt(int pos) {
    return rowCount[pos];
  }

  /**
   * A paper's boosted term counts by analysed term, iterated in term order (for class-based
   * TF-IDF). The row is already in term order (term ids number the terms in their sort order), so
   * an insertion-ordered map keeps it without a tree.
   */
  public Map<String, Double> termCounts(int doc) {
    Map<String, Double> m = new LinkedHashMap<>(2 * (end(doc) - start(doc)));
    for (int p = start(doc); p < end(doc); p++) {
      m.put(terms[rowTerm[p]], (double) rowCount[p]);
    }
    return m;
  }

  /** The cosine of two papers' vectors, 0 to 1; symmetric to the last bit. */
  public double cosine(int a, int b) {
    int i = start(a), ie = end(a), j = start(b), je = end(b);
    double s = 0;
    while (i < ie && j < je) {
      int ti = rowTerm[i], tj = rowTerm[j];
      if (ti == tj) {
        s += (double) rowWeight[i++] * rowWeight[j++];
      } else if (ti < tj) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, s);
  }

  /**
   * A reader of one paper's cosines with others, for one thread: the same values as {@link
   * #cosine}, faster when one paper meets many (see {@link CosineRow}).
   */
  public CosineRow cosineRow() {
    return new CosineRow();
  }

  /**
   * One paper's cosines with others, bit-identical to {@link #cosine}: the paper's weights are
   * spread over a dense array once ({@link #of}), and each other paper's row is then read straight
   * through, multiplying by the spread weight (zero for a term the paper lacks, which leaves the
   * sum as it is), instead of merging two rows with branches a processor cannot predict. The shared
   * terms' products are summed in the same order, by term id. Memory one {@code float} per term;
   * not thread-safe.
   */
  public final class CosineRow {
    private final float[] spread = new float[terms.length];
    private int doc = -1;

    private CosineRow() {}

    /** Makes doc the paper whose cosines {@link #cosine} gives (nothing to do if it is already). */
    public void of(int doc) {
      if (doc == this.doc) {
        return;
      }
      if (this.doc >= 0) {
        for (int p = start(this.doc), pe = end(this.doc); p < pe; p++) {
          spread[rowTerm[p]] = 0;
        }
      }
      for (int p = start(doc), pe = end(doc); p < pe; p++) {
        spread[rowTerm[p]] = rowWeight[p];
      }
      this.doc = doc;
    }

    /** {@link TermVectors#cosine} of the paper given to {@link #of} and b. */
    public double cosine(int b) {
      double s = 0;
      for (int p = start(b), pe = end(b); p < pe; p++) {
        s += (double) spread[rowTerm[p]] * rowWeight[p];
      }
      return Math.min(1.0, s);
    }
  }

  /**
   * The terms of a paper with the largest weight, strongest first (ties by term id).
   *
   * @param count at most this many
   */
  public int[] topTerms(int doc, int count) {
    int s = start(doc), e = end(doc);
    Integer[] pos = new Integer[e - s];
    for (int p = s; p < e; p++) {
      pos[p - s] = p;
    }
    Arrays.sort(
        pos,
        (x, y) -> {
          int c = Float.compare(rowWeight[y], rowWeight[x]);
          return c != 0 ? c : Integer.compare(rowTerm[x], rowTerm[y]);
        });
    int m = Math.min(count, pos.length);
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = rowTerm[pos[i]];
    }
    return out;
  }

  // ---------------------------------------------------------------- postings (inverted index)

  /** The first position of a term's postings. */
  public int postingStart(int termId) {
    return postStart[termId];
  }

  /** One past the last position of a term's postings. */
  public int postingEnd(int termId) {
    return postStart[termId + 1];
  }

  /** The doc at a postings position (increasing within a term). */
  public int postingDoc(int pos) {
    Postings p = postings;
    return (p != null ? p : postingsAgain()).doc[pos];
  }

  /** The weight at a postings position (the same value as in the doc's row). */
  public float postingWeight(int pos) {
    Postings p = postings;
    return (p != null ? p : postingsAgain()).weight[pos];
  }

  /** The postings' docs and weights, each term's in increasing doc order. */
  private record Postings(int[] doc, float[] weight) {}

  /** The postings made from the rows. */
  private Postings invert() {
    int[] doc = new int[rowTerm.length];
    float[] weight = new float[rowTerm.length];
    int[] fill = Arrays.copyOf(postStart, terms.length);
    for (int d = 0; d + 1 < rowStart.length; d++) {
      for (int p = rowStart[d]; p < rowStart[d + 1]; p++) {
        int q = fill[rowTerm[p]]++;
        doc[q] = d;
        weight[q] = rowWeight[p];
      }
    }
    return new Postings(doc, weight);
  }

  /** The postings made again after {@link #releasePostings} (the same arrays as before). */
  private synchronized Postings postingsAgain() {
    if (postings == null) {
      postings = invert();
      // display forms read the whole postings again
      sampleStart = null;
      sampleDoc = null;
    }
    return postings;
  }

  /**
   * Drops the postings' docs and weights (8 bytes a posting: 1.3 GB at a million generated papers)
   * once a build has searched its top-k lists, keeping only what {@link #displayForms} reads of
   * them, each term's first papers. The analysis, layout and save that follow read the rows and
   * never the postings; their working memory is what the postings held. Anything that reads a
   * posting later gets the same postings, made again from the rows; a reader on another thread
   * meanwhile reads either the arrays it already took or those made again, the same values.
   */
  public synchronized void releasePostings() {
    Postings p = postings;
    if (p == null) {
      return;
    }
    int v = terms.length;
    int[] start = new int[v + 1];
    for (int t = 0; t < v; t++) {
      start[t + 1] = start[t] + Math.min(postStart[t + 1] - postStart[t], DISPLAY_SAMPLE);
    }
    int[] docs = new int[start[v]];
    for (int t = 0; t < v; t++) {
      System.arraycopy(p.doc, postStart[t], docs, start[t], start[t + 1] - start[t]);
    }
    sampleStart = start;
    sampleDoc = docs;
    postings = null;
  }

  /** The largest weight of a term in any paper (its bound in max-score pruning). */
  public float maxWeight(int termId) {
    return maxWeight[termId];
  }

  // ---------------------------------------------------------------- display forms

  /** The occurrences the analysis pass kept for the display forms (for tests). */
  Occurrences occurrences() {
    return occurrences;
  }

  /**
   * The occurrences of a paper's terms that the analysis pass kept for the display forms, to save
   * with the vectors ({@link #restore(List, TextOptions, String[], int[], int[], int[], float[],
   * float[], long[][], byte[])}): each a {@code long} holding the term id, the field and the place
   * in the field's text, in increasing order; none for restored vectors that were given none. Only
   * those of fields that need no cleaning: those kept of the others are places in their readable
   * texts, which restored vectors do not keep.
   */
  public long[] keptOccurrences(int doc) {
    Objects.checkIndex(doc, papers.size());
    return occurrences.ofRaw(doc);
  }

  /**
   * Which of a paper's fields had their occurrences kept in {@link #keptOccurrences}: bit 0 the
   * title, bit 1 the abstract (a field without them is analysed again for the display forms).
   */
  public byte keptOccurrenceFields(int doc) {
    Objects.checkIndex(doc, papers.size());
    return (byte) occurrences.rawFields(doc);
  }

  /**
   * A readable form of a term: its most frequent surface form in (up to 25 of) the papers that
   * contain it, lower case, e.g. "quantiz" → "quantization", "post train" → "post-training". Ties
   * go to the alphabetically first form. A phrase's surface that spans punctuation splitting it
   * (brackets, commas, colons, sentence ends, quotes, dashes: "therapy (dbt") is used only when the
   * phrase never occurs without one, and then with that punctuation dropped ("therapy dbt"). Every
   * label, burst and shared term shows its terms through this method.
   */
  public String display(int termId) {
    String s = displayCache.get(termId);
    if (s == null) {
      displayForms(new int[] {termId});
      s = displayCache.get(termId);
    }
    return s;
  }

  /** {@link #display} for many terms at once (each paper re-analysed at most once). */
  public Map<Integer, String> displayForms(int[] termIdsWanted) {
    return displayForms(termIdsWanted, 1);
  }

  /**
   * {@link #display} for many terms at once, each paper re-analysed at most once, the papers
   * analysed on at most {@code threads} threads (the forms do not depend on it).
   *
   * @throws IllegalArgumentException if threads is below 1
   */
  public Map<Integer, String> displayForms(int[] termIdsWanted, int threads) {
    require(threads >= 1, "threads must be at least 1: %s", threads);
    // (doc, term) for each term not yet cached and each of its first DISPLAY_SAMPLE papers,
    // grouped by doc
    long[] pairs = new long[16];
    int count = 0;
    int[] firstDocs;
    int[] firstStart;
    synchronized (this) {
      Postings all = postings;
      firstDocs = all != null ? all.doc : sampleDoc;
      firstStart = all != null ? postStart : sampleStart;
    }
    for (int t : termIdsWanted) {
      if (displayCache.containsKey(t)) {
        continue;
      }
      int e = Math.min(firstStart[t + 1], firstStart[t] + DISPLAY_SAMPLE);
      for (int p = firstStart[t]; p < e; p++) {
        if (count == pairs.length) {
          pairs = Arrays.copyOf(pairs, 2 * count);
        }
        pairs[count++] = ((long) firstDocs[p] << 32) | t;
      }
    }
    Arrays.sort(pairs, 0, count);
    int groups = 0;
    int[] groupStart = new int[count + 1];
    for (int i = 0; i < count; i++) {
      if (i == 0 || (pairs[i] >>> 32) != (pairs[i - 1] >>> 32)) {
        groupStart[groups++] = i;
      }
    }
    groupStart[groups] = count;
    final long[] grouped = pairs;
    // each paper's matches (term id, surface form) in text order, computed in parallel
    List<List<Match>> matches =
        Parallel.map(
            threads,
            groups,
            g -> {
              int doc = (int) (grouped[groupStart[g]] >>> 32);
              int[] wanted = new int[groupStart[g + 1] - groupStart[g]];
              for (int i = 0; i < wanted.length; i++) {
                wanted[i] = (int) grouped[groupStart[g] + i];
              }
              Paper p = papers.get(doc);
              List<Match> out = new ArrayList<>();
              surfaces(doc, Occurrences.TITLE, p.title(), wanted, out);
              if (p.abstractText() != null) {
                surfaces(doc, Occurrences.ABSTRACT, p.abstractText(), wanted, out);
              }
              return out;
            });
    // the matches grouped by wanted term (a counting sort), then each term's most frequent form
    int[] wantedIds = Arrays.stream(termIdsWanted).distinct().sorted().toArray();
    // each wanted term's place in wantedIds: looked up twice per match, so a table when many
    int[] place = null;
    if (wantedIds.length > PLACE_TABLE_ABOVE) {
      place = new int[terms.length];
      for (int w = 0; w < wantedIds.length; w++) {
        place[wantedIds[w]] = w;
      }
    }
    int[] from = new int[wantedIds.length + 1];
    int total = 0;
    for (List<Match> ms : matches) {
      total += ms.size();
      for (Match m : ms) {
        from[place(wantedIds, place, m.term()) + 1]++;
      }
    }
    for (int w = 0; w < wantedIds.length; w++) {
      from[w + 1] += from[w];
    }
    Match[] byTerm = new Match[total];
    int[] fill = Arrays.copyOf(from, wantedIds.length);
    for (List<Match> ms : matches) {
      for (Match m : ms) {
        byTerm[fill[place(wantedIds, place, m.term())]++] = m;
      }
    }
    String[] found =
        Parallel.map(
                threads, wantedIds.length, w -> mostFrequentSurface(byTerm, from[w], from[w + 1]))
            .toArray(new String[0]);
    Map<Integer, String> out = new TreeMap<>();
    for (int t : termIdsWanted) {
      String s = displayCache.get(t);
      if (s == null && thesaurusDisplay().containsKey(terms[t])) {
        s = thesaurusDisplay().get(terms[t]);
        displayCache.put(t, s);
      }
      if (s == null) {
        String f = found[place(wantedIds, place, t)];
        s = f != null ? f : terms[t];
        displayCache.put(t, s);
      }
      out.put(t, s);
    }
    return out;
  }

  /** Wanted terms above which {@link #displayForms} finds their places in a table. */
  private static final int PLACE_TABLE_ABOVE = 256;

  /** A wanted term's index in the wanted terms (increasing), by the table when there is one. */
  private static int place(int[] wantedIds, int[] table, int termId) {
    return table != null ? table[termId] : Arrays.binarySearch(wantedIds, termId);
  }

  /**
   * The most frequent surface form among one term's matches {@code [from, to)}, ties to the
   * alphabetically first; only the forms not split by punctuation count when there is one (see
   * {@link #display}). {@code null} when there is no match.
   */
  private static String mostFrequentSurface(Match[] matches, int from, int to) {
    boolean whole = false;
    for (int i = from; i < to && !whole; i++) {
      whole = !matches[i].split();
    }
    String[] forms = new String[to - from];
    int m = 0;
    for (int i = from; i < to; i++) {
      if (matches[i].split() != whole) {
        forms[m++] = matches[i].surface();
      }
    }
    Arrays.sort(forms, 0, m);
    String best = null;
    int bestCount = 0;
    for (int i = 0, j; i < m; i = j) {
      for (j = i + 1; j < m && forms[j].equals(forms[i]); ) {
        j++;
      }
      if (j - i > bestCount) {
        best = forms[i];
        bestCount = j - i;
      }
    }
    return best;
  }

  /**
   * A wanted term found in a paper's text, in the surface form it has there; {@code split} when
   * that form was a phrase across splitting punctuation (see {@link #display}).
   */
  private record Match(int term, String surface, boolean split) {}

  private Map<String, String> thesaurusDisplay;

  /** Thesaurus replacements as written, by analysed form: they are shown as the user wrote them. */
  private synchronized Map<String, String> thesaurusDisplay() {
    if (thesaurusDisplay == null) {
      Map<String, String> m = new TreeMap<>();
      for (String value : options.thesaurus().values()) {
        if (!value.isBlank()) {
          String v = value.strip().toLowerCase(Locale.ROOT);
          analyzer.singleTerm(v).ifPresent(a -> m.putIfAbsent(a, v));
        }
      }
      thesaurusDisplay = Map.copyOf(m);
    }
    return thesaurusDisplay;
  }

  /**
   * The readable text ({@link TextCleaner#readable}) of a paper's title or abstract that needed
   * cleaning, as the analysis pass made it from what its char filters read (so that the embedding's
   * text and the display forms do not clean the field again); empty for a field that needs no
   * cleaning, has no text, or when these vectors were {@link #restore restored} or built with the
   * {@code SKLEARN} tokenizer.
   *
   * @param abstractText the abstract ({@code true}) or the title
   * @throws IndexOutOfBoundsException if there is no such doc
   */
  public Optional<String> readable(int doc, boolean abstractText) {
    Objects.checkIndex(doc, papers.size());
    if (readable.length == 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        readable[2 * doc + (abstractText ? Occurrences.ABSTRACT : Occurrences.TITLE)]);
  }

  /**
   * Adds the wanted terms (increasing ids) found in a field of a paper, each occurrence with its
   * surface form in the readable text: from the occurrences the analysis kept when it has them,
   * else by analysing the readable text again (as the analysis pass kept it, or cleaned here).
   */
  private void surfaces(int doc, int field, String raw, int[] wanted, List<Match> out) {
    if (!occurrences.has(doc, field)) {
      // the wanted terms by their analysed form, looked up in the token's own buffer
      CharArrayMap<Integer> byForm = new CharArrayMap<>(wanted.length, false);
      for (int t : wanted) {
        byForm.put(terms[t], t);
      }
      String text = readable.length == 0 ? null : readable[2 * doc + field];
      surfaces(text != null ? text : TextCleaner.readable(raw), byForm, out);
      return;
    }
    // places in the readable text the analysis pass kept, or in the raw text, which differs from
    // the readable one only in its white space (no cleaning)
    String text = occurrences.inReadable(doc, field) ? readable[2 * doc + field] : raw;
    // the kept occurrences are in increasing term id, as the wanted terms: one merge
    long[] occ = occurrences.of(doc);
    int i = 0, j = 0;
    while (i < occ.length && j < wanted.length) {
      int t = Occurrences.term(occ[i]);
      if (t < wanted[j]) {
        i++;
      } else if (t > wanted[j]) {
        j++;
      } else {
        if (Occurrences.field(occ[i]) == field) {
          out.add(match(t, text, Occurrences.start(occ[i]), Occurrences.end(occ[i])));
        }
        i++;
      }
    }
  }

  /**
   * Adds the wanted terms found in a text with their surface forms; a phrase whose occurrence spans
   * punctuation that splits it is added with that punctuation dropped, marked {@code split}.
   */
  private void surfaces(String text, CharArrayMap<Integer> wanted, List<Match> out) {
    try (TokenStream ts = analyzer.stream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        Integer t = wanted.get(term.buffer(), 0, term.length());
        if (t != null) {
          out.add(match(t, text, off.startOffset(), off.endOffset()));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Term t's occurrence at [start, end) of a text, in its surface form. */
  private Match match(int t, String text, int start, int end) {
    String s = surface(text, start, end);
    String joined = terms[t].indexOf(' ') >= 0 ? joinedAcrossSplit(s) : s;
    return new Match(t, joined, !joined.equals(s));
  }

  /**
   * Punctuation that splits two words into two phrases. Hyphens, apostrophes and slashes join words
   * ("post-training", "input/output").
   */
  private static final String SPLITTING = "()[]{}<>,;:.!?\"\u201C\u201D\u2018\u2013\u2014\u2026|";

  /** The characters of {@link #SPLITTING} below 128, as bits (bit c of word c / 64). */
  private static final long[] SPLITTING_ASCII = new long[2];

  static {
    for (char c : SPLITTING.toCharArray()) {
      if (c < 128) {
        SPLITTING_ASCII[c >> 6] |= 1L << c;
      }
    }
  }

  /** Whether a character is one of {@link #SPLITTING}. */
  private static boolean isSplitting(char c) {
    return c < 128 ? (SPLITTING_ASCII[c >> 6] & 1L << c) != 0 : SPLITTING.indexOf(c) >= 0;
  }

  /**
   * A phrase's surface with the gap between its words replaced by a space when that gap holds
   * splitting punctuation ("therapy (dbt" → "therapy dbt"), else the surface itself. Punctuation
   * inside a word ("i.e") stays. The gap is the run of characters other than letters and numbers
   * ({@code [^\p{L}\p{N}]}) around the first white space ({@code \s}), or, with no white space
   * ("therapy(dbt"), the first such run. A scan of the surface, as the regular expressions {@code
   * [^\p{L}\p{N}]*\s[^\p{L}\p{N}]*} and {@code [^\p{L}\p{N}]+} would find it without their matchers
   * (once per occurrence of a phrase, this was most of a display form's cost).
   */
  static String joinedAcrossSplit(String surface) {
    // most surfaces hold no splitting punctuation at all, so no gap of theirs can: a small loop
    // decides, and the scan below (which C2 compiled into 28 kB) runs for the few others
    for (int i = 0; i < surface.length(); i++) {
      if (isSplitting(surface.charAt(i))) {
        return joinedAtGap(surface);
      }
    }
    return surface;
  }

  /** {@link #joinedAcrossSplit} of a surface that holds splitting punctuation. */
  private static String joinedAtGap(String surface) {
    int n = surface.length();
    int start = -1;
    for (int i = 0; i < n && start < 0; i++) {
      if (isRegexSpace(surface.charAt(i))) {
        start = i;
      }
    }
    int end;
    if (start >= 0) {
      end = start + 1;
      while (start > 0 && !isWordChar(surface.codePointBefore(start))) {
        start -= Character.charCount(surface.codePointBefore(start));
      }
    } else {
      for (int i = 0; i < n && start < 0; i += Character.charCount(surface.codePointAt(i))) {
        if (!isWordChar(surface.codePointAt(i))) {
          start = i;
        }
      }
      if (start < 0) {
        return surface;
      }
      end = start;
    }
    while (end < n && !isWordChar(surface.codePointAt(end))) {
      end += Character.charCount(surface.codePointAt(end));
    }
    for (int i = start; i < end; i++) {
      if (isSplitting(surface.charAt(i))) {
        return surface.substring(0, start) + " " + surface.substring(end);
      }
    }
    return surface;
  }

  /** A white-space character of the regular expressions' {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** A letter or number as {@code [\p{L}\p{N}]} matches it (general categories L* and N*). */
  private static boolean isWordChar(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private static String surface(String text, int start, int end) {
    String s =
        text.substring(Math.max(0, start), Math.min(text.length(), end)).toLowerCase(Locale.ROOT);
    if (needsCollapse(s)) {
      s = WHITE_SPACE.matcher(s).replaceAll(" ");
    }
    if (s.endsWith("'s") || s.endsWith("\u2019s")) {
      s = s.substring(0, s.length() - 2);
    }
    return s;
  }

  /**
   * True when {@link #WHITE_SPACE} would change the text: it holds a white-space character other
   * than a space ({@code \s} is {@code [ \t\n\x0B\f\r]}) or two spaces in a row.
   */
  private static boolean needsCollapse(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' ? i + 1 < s.length() && s.charAt(i + 1) == ' ' : c <= '\r' && c >= '\t') {
        return true;
      }
    }
    return false;
  }

  /** The paper of a doc number. */
  public Paper paper(int doc) {
    return papers.get(doc);
  }

  /** The paper with this id. */
  public Optional<Paper> paper(String paperId) {
    Integer d = docByPaperId.get(paperId);
    return d == null ? Optional.empty() : Optional.of(papers.get(d));
  }
}
