package dev.papergraph.workspace;

import dev.papergraph.model.Paper;
import dev.papergraph.text.AnalysedTokens;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.IntroSorter;
import org.apache.lucene.util.Version;

/**
 * A new paper index's documents as a Lucene reader over the analysis pass's tokens, for {@code
 * IndexWriter.addIndexes}: the writer then writes the segment as a merge does, term by term from
 * postings already inverted, instead of hashing every term of every document into its in-memory
 * term hash and flushing that (the cost of a first build's index: about 200 CPU s of a million
 * papers' build, most of it the term hash). The documents are those {@link PaperIndex} writes one
 * by one, field for field: the id (indexed as one term, stored), the title and abstract (indexed
 * with frequencies and norms, from the same tokens its token streams would give, the norms by the
 * writer's own similarity from the same length and overlaps), the paper's JSON as a binary doc
 * value and the paper's place as a stored number; {@code PaperIndexTest} compares both indexes term
 * by term.
 *
 * <p>The postings of a field are inverted a slice of its terms at a time (in the index's term
 * order, at most {@link #SLICE_POSTINGS} postings per slice by default, each slice one pass over
 * the tokens), so that a million papers' ~150 million postings never sit in memory at once. Read
 * once, by one thread, by the writer that merges it; not a general reader (no seeking, no term
 * vectors).
 */
final class AnalysedDocuments extends LeafReader {

  /** A paper's JSON as the index stores it. */
  @FunctionalInterface
  interface PaperBytes {
    byte[] bytes(Paper p) throws IOException;
  }

  /** Postings a field inverts at once by default: 64 MiB of doc numbers and frequencies. */
  static final int SLICE_POSTINGS = 1 << 23;

  private final List<Paper> papers;
  private final AnalysedTokens tokens;
  private final PaperBytes json;
  private final FieldInfos infos;
  private final FieldInfo id;
  private final FieldInfo paper;
  private final FieldInfo seq;
  private final FieldInfo[] text = new FieldInfo[2];
  private final byte[][] norms = new byte[2][];
  private final int n;
  private final int slicePostings;

  /**
   * The documents of these papers, doc i the paper of position i.
   *
   * @param tokens the analysis pass's tokens of exactly these papers, in this order
   * @param json a paper's JSON, as the index stores it
   * @param similarity the writer's similarity, which makes the norms
   * @param slicePostings postings a field inverts at once ({@link #SLICE_POSTINGS}; a term with
   *     more is inverted alone)
   * @param names the fields' names: id, title, abstract, paper JSON, place
   */
  AnalysedDocuments(
      List<Paper> papers,
      AnalysedTokens tokens,
      PaperBytes json,
      Similarity similarity,
      int slicePostings,
      String... names) {
    this.papers = papers;
    this.tokens = tokens;
    this.json = json;
    this.n = papers.size();
    this.slicePostings = slicePostings;
    id = field(names[0], 0, IndexOptions.DOCS, true, DocValuesType.NONE);
    text[AnalysedTokens.TITLE] =
        field(names[1], 1, IndexOptions.DOCS_AND_FREQS, false, DocValuesType.NONE);
    text[AnalysedTokens.ABSTRACT] =
        field(names[2], 2, IndexOptions.DOCS_AND_FREQS, false, DocValuesType.NONE);
    paper = field(names[3], 3, IndexOptions.NONE, true, DocValuesType.BINARY);
    seq = field(names[4], 4, IndexOptions.NONE, true, DocValuesType.NONE);
    infos = new FieldInfos(new FieldInfo[] {id, text[0], text[1], paper, seq});
    for (int f = 0; f < 2; f++) {
      norms[f] = new byte[n];
      for (int d = 0; d < n; d++) {
        if (tokens.has(d, f)) {
          int length = tokens.length(d, f);
          // as the writer's indexing chain: a field without tokens has the norm 0
          norms[f][d] =
              length == 0
                  ? 0
                  : (byte)
                      similarity.computeNorm(
                          new FieldInvertState(
                              Version.LATEST.major,
                              text[f].name,
                              IndexOptions.DOCS_AND_FREQS,
                              length,
                              length,
                              tokens.overlaps(d, f),
                              0,
                              0,
                              0));
        }
      }
    }
  }

  private static FieldInfo field(
      String name, int number, IndexOptions index, boolean omitNorms, DocValuesType docValues) {
    return new FieldInfo(
        name,
        number,
        false,
        omitNorms,
        false,
        index,
        docValues,
        -1,
        Map.of(),
        0,
        0,
        0,
        0,
        VectorEncoding.FLOAT32,
        VectorSimilarityFunction.EUCLIDEAN,
        false,
        false);
  }

  @Override
  public Terms terms(String field) {
    if (field.equals(id.name)) {
      return new IdTerms();
    }
    for (int f = 0; f < 2; f++) {
      if (field.equals(text[f].name)) {
        return new TextTerms(f);
      }
    }
    return null;
  }

  @Override
  public NumericDocValues getNormValues(String field) {
    for (int f = 0; f < 2; f++) {
      if (field.equals(text[f].name)) {
        return new Norms(f);
      }
    }
    return null;
  }

  @Override
  public BinaryDocValues getBinaryDocValues(String field) {
    return field.equals(paper.name) ? new PaperJson() : null;
  }

  @Override
  public StoredFields storedFields() {
    return new StoredFields() {
      @Override
      public void document(int doc, StoredFieldVisitor visitor) throws IOException {
        if (visitor.needsField(id) == StoredFieldVisitor.Status.YES) {
          visitor.stringField(id, papers.get(doc).id());
        }
        if (visitor.needsField(seq) == StoredFieldVisitor.Status.YES) {
          visitor.longField(seq, doc);
        }
      }
    };
  }

  @Override
  @SuppressWarnings("deprecation") // abstract in Lucene 9, which a reader must still implement
  public void document(int doc, StoredFieldVisitor visitor) throws IOException {
    storedFields().document(doc, visitor);
  }

  @Override
  public FieldInfos getFieldInfos() {
    return infos;
  }

  @Override
  public int numDocs() {
    return n;
  }

  @Override
  public int maxDoc() {
    return n;
  }

  @Override
  public Bits getLiveDocs() {
    return null;
  }

  @Override
  public LeafMetaData getMetaData() {
    return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
  }

  @Override
  public void checkIntegrity() {}

  @Override
  protected void doClose() {}

  @Override
  public CacheHelper getCoreCacheHelper() {
    return null;
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  @Override
  @SuppressWarnings("deprecation") // abstract in Lucene 9, which a reader must still implement
  public Fields getTermVectors(int doc) {
    return null;
  }

  @Override
  public org.apache.lucene.index.TermVectors termVectors() {
    return org.apache.lucene.index.TermVectors.EMPTY;
  }

  @Override
  public NumericDocValues getNumericDocValues(String field) {
    return null;
  }

  @Override
  public SortedDocValues getSortedDocValues(String field) {
    return null;
  }

  @Override
  public SortedNumericDocValues getSortedNumericDocValues(String field) {
    return null;
  }

  @Override
  public SortedSetDocValues getSortedSetDocValues(String field) {
    return null;
  }

  @Override
  public FloatVectorValues getFloatVectorValues(String field) {
    return null;
  }

  @Override
  public ByteVectorValues getByteVectorValues(String field) {
    return null;
  }

  @Override
  public void searchNearestVectors(
      String field, float[] target, KnnCollector collector, Bits acceptDocs) {}

  @Override
  public void searchNearestVectors(
      String field, byte[] target, KnnCollector collector, Bits acceptDocs) {}

  @Override
  public PointValues getPointValues(String field) {
    return null;
  }

  /**
   * Orders strings as their UTF-8 bytes (the index's term order): by code point, where {@link
   * String#compareTo} orders by UTF-16 unit and so puts the surrogates of a supplementary character
   * below U+E000..U+FFFF.
   */
  static final Comparator<String> UTF8_ORDER =
      (a, b) -> {
        int len = Math.min(a.length(), b.length());
        for (int i = 0; i < len; i++) {
          char x = a.charAt(i), y = b.charAt(i);
          if (x != y) {
            if (x >= 0xD800 && y >= 0xD800) {
              // the surrogates after every other unit from U+D800 on
              x = (char) (x >= 0xE000 ? x - 0x800 : x + 0x2000);
              y = (char) (y >= 0xE000 ? y - 0x800 : y + 0x2000);
            }
            return Character.compare(x, y);
          }
        }
        return Integer.compare(a.length(), b.length());
      };

  /**
   * Sorts numbers in place by their strings in {@link #UTF8_ORDER}, without boxing them. Strings
   * without a unit from U+D800 on are in that order by {@link String#compareTo} too, which the JIT
   * compiles to a vector compare of the strings' bytes: the sort of 74,728 papers' ids and 431,971
   * terms took ~1.5 CPU s with {@link #UTF8_ORDER}'s loop, ~1.2 with it (most of the rest is
   * reading strings scattered over the heap).
   */
  private static void sort(int[] a, IntFunction<String> string) {
    boolean belowSurrogates = true;
    for (int i = 0; i < a.length && belowSurrogates; i++) {
      String s = string.apply(a[i]);
      for (int c = 0; c < s.length(); c++) {
        if (s.charAt(c) >= 0xD800) {
          belowSurrogates = false;
          break;
        }
      }
    }
    Comparator<String> order = belowSurrogates ? Comparator.naturalOrder() : UTF8_ORDER;
    new IntroSorter() {
      private String pivot;

      @Override
      protected void swap(int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }

      @Override
      protected int compare(int i, int j) {
        return order.compare(string.apply(a[i]), string.apply(a[j]));
      }

      @Override
      protected void setPivot(int i) {
        pivot = string.apply(a[i]);
      }

      @Override
      protected int comparePivot(int j) {
        return order.compare(pivot, string.apply(a[j]));
      }
    }.sort(0, a.length);
  }

  /** The ids, one term each with its paper's doc. */
  private final class IdTerms extends FieldTerms {
    private final int[] byTerm;

    IdTerms() {
      super(false);
      byTerm = new int[n];
      for (int d = 0; d < n; d++) {
        byTerm[d] = d;
      }
      sort(byTerm, d -> papers.get(d).id());
    }

    @Override
    public TermsEnum iterator() {
      return new Enum() {
        @Override
        boolean advanceTerm() {
          return ++at < n;
        }

        @Override
        String termString() {
          return papers.get(byTerm[at]).id();
        }

        @Override
        public int docFreq() {
          return 1;
        }

        @Override
        public long totalTermFreq() {
          return 1;
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
          return new Postings(new int[] {byTerm[at]}, new int[] {1}, 0, 1);
        }
      };
    }

    @Override
    public long size() {
      return n;
    }

    @Override
    public long getSumTotalTermFreq() {
      return n;
    }

    @Override
    public long getSumDocFreq() {
      return n;
    }

    @Override
    public int getDocCount() {
      return n;
    }
  }

  /**
   * A title or abstract field's terms in the index's order, their postings inverted a slice at a
   * time.
   */
  private final class TextTerms extends FieldTerms {
    private final int field;

    /** The provisional term ids the field holds, in term order. */
    private final int[] order;

    /** Docs and tokens of each provisional term id in this field. */
    private final int[] df;

    private final int[] ttf;
    private final long sumDf;
    private final long sumTtf;
    private final int docCount;

    TextTerms(int field) {
      super(true);
      this.field = field;
      int v = tokens.vocabularySize();
      df = new int[v];
      ttf = new int[v];
      int[] last = new int[v];
      Arrays.fill(last, -1);
      int docs = 0;
      for (int d = 0; d < n; d++) {
        if (!tokens.has(d, field)) {
          continue;
        }
        int doc = d;
        int[] before = {0};
        tokens.forEachTerm(
            d,
            field,
            t -> {
              ttf[t]++;
              before[0]++;
              if (last[t] != doc) {
                last[t] = doc;
                df[t]++;
              }
            });
        if (before[0] > 0) {
          docs++;
        }
      }
      docCount = docs;
      int present = 0;
      long s = 0, st = 0;
      for (int t = 0; t < v; t++) {
        if (df[t] > 0) {
          present++;
          s += df[t];
          st += ttf[t];
        }
      }
      sumDf = s;
      sumTtf = st;
      order = new int[present];
      for (int t = 0, i = 0; t < v; t++) {
        if (df[t] > 0) {
          order[i++] = t;
        }
      }
      sort(order, tokens::term);
    }

    @Override
    public TermsEnum iterator() {
      return new Enum() {
        // the slice: terms order[sliceFrom, sliceTo), term order[i]'s postings at
        // [start[i - sliceFrom], start[i - sliceFrom + 1]) of docs and freqs
        private int sliceFrom;
        private int sliceTo;
        private int[] start = new int[0];
        private int[] docs = new int[0];
        private int[] freqs = new int[0];
        // the slice's rank of each provisional term id, -1 outside it
        private int[] rank;

        @Override
        boolean advanceTerm() {
          if (++at >= order.length) {
            return false;
          }
          if (at >= sliceTo) {
            invert(at);
          }
          return true;
        }

        /** Inverts the slice of terms that starts at order[from]. */
        private void invert(int from) {
          long total = 0;
          int to = from;
          while (to < order.length && (to == from || total + df[order[to]] <= slicePostings)) {
            total += df[order[to]];
            to++;
          }
          if (rank == null) {
            rank = new int[tokens.vocabularySize()];
            Arrays.fill(rank, -1);
          } else {
            for (int i = sliceFrom; i < sliceTo; i++) {
              rank[order[i]] = -1;
            }
          }
          sliceFrom = from;
          sliceTo = to;
          int terms = to - from;
          start = new int[terms + 1];
          for (int i = 0; i < terms; i++) {
            rank[order[from + i]] = i;
            start[i + 1] = start[i] + df[order[from + i]];
          }
          int size = start[terms];
          if (docs.length < size) {
            docs = new int[size];
            freqs = new int[size];
          }
          int[] fill = Arrays.copyOf(start, terms);
          int[] docOf = docs, freqOf = freqs, rankOf = rank, first = start;
          for (int d = 0; d < n; d++) {
            if (!tokens.has(d, field)) {
              continue;
            }
            int doc = d;
            tokens.forEachTerm(
                d,
                field,
                t -> {
                  int r = rankOf[t];
                  if (r < 0) {
                    return;
                  }
                  int p = fill[r];
                  if (p > first[r] && docOf[p - 1] == doc) {
                    freqOf[p - 1]++;
                  } else {
                    docOf[p] = doc;
                    freqOf[p] = 1;
                    fill[r] = p + 1;
                  }
                });
          }
        }

        @Override
        String termString() {
          return tokens.term(order[at]);
        }

        @Override
        public int docFreq() {
          return df[order[at]];
        }

        @Override
        public long totalTermFreq() {
          return ttf[order[at]];
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
          int i = at - sliceFrom;
          return new Postings(docs, freqs, start[i], start[i + 1]);
        }
      };
    }

    @Override
    public long size() {
      return order.length;
    }

    @Override
    public long getSumTotalTermFreq() {
      return sumTtf;
    }

    @Override
    public long getSumDocFreq() {
      return sumDf;
    }

    @Override
    public int getDocCount() {
      return docCount;
    }
  }

  /** A field's terms, indexed with or without frequencies, never with positions. */
  private abstract static class FieldTerms extends Terms {
    private final boolean freqs;

    FieldTerms(boolean freqs) {
      this.freqs = freqs;
    }

    @Override
    public boolean hasFreqs() {
      return freqs;
    }

    @Override
    public boolean hasOffsets() {
      return false;
    }

    @Override
    public boolean hasPositions() {
      return false;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }
  }

  /** Terms in order, read forwards once: no seeking, no ords, no term states. */
  private abstract static class Enum extends TermsEnum {
    int at = -1;
    private final BytesRefBuilder bytes = new BytesRefBuilder();

    abstract boolean advanceTerm();

    abstract String termString();

    @Override
    public BytesRef next() {
      if (!advanceTerm()) {
        return null;
      }
      bytes.copyChars(termString());
      return bytes.get();
    }

    @Override
    public BytesRef term() {
      return bytes.get();
    }

    @Override
    public AttributeSource attributes() {
      return new AttributeSource();
    }

    @Override
    public boolean seekExact(BytesRef text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void seekExact(long ord) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void seekExact(BytesRef term, TermState state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long ord() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ImpactsEnum impacts(int flags) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TermState termState() {
      throw new UnsupportedOperationException();
    }
  }

  /** One term's docs and frequencies. */
  private static final class Postings extends PostingsEnum {
    private final int[] docs;
    private final int[] freqs;
    private final int from;
    private final int to;
    private int at;

    Postings(int[] docs, int[] freqs, int from, int to) {
      this.docs = docs;
      this.freqs = freqs;
      this.from = from;
      this.to = to;
      this.at = from - 1;
    }

    @Override
    public int docID() {
      return at < from ? -1 : at >= to ? NO_MORE_DOCS : docs[at];
    }

    @Override
    public int nextDoc() {
      at = Math.min(at + 1, to);
      return docID();
    }

    @Override
    public int advance(int target) {
      int d;
      while ((d = nextDoc()) < target) {
        // forwards to the first doc at or after target
      }
      return d;
    }

    @Override
    public long cost() {
      return to - from;
    }

    @Override
    public int freq() {
      return freqs[at];
    }

    @Override
    public int nextPosition() {
      return -1;
    }

    @Override
    public int startOffset() {
      return -1;
    }

    @Override
    public int endOffset() {
      return -1;
    }

    @Override
    public BytesRef getPayload() {
      return null;
    }
  }

  /** A field's norms, for the docs that have the field. */
  private final class Norms extends NumericDocValues {
    private final int field;
    private int doc = -1;

    Norms(int field) {
      this.field = field;
    }

    @Override
    public long longValue() {
      return norms[field][doc];
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      return tokens.has(target, field);
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      for (doc = target; doc < n; doc++) {
        if (tokens.has(doc, field)) {
          return doc;
        }
      }
      return doc = NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return n;
    }
  }

  /** Every doc's paper as JSON, made when read. */
  private final class PaperJson extends BinaryDocValues {
    private int doc = -1;
    private final BytesRef value = new BytesRef();

    @Override
    public BytesRef binaryValue() throws IOException {
      byte[] b = json.bytes(papers.get(doc));
      value.bytes = b;
      value.offset = 0;
      value.length = b.length;
      return value;
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      return target < n;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      return doc = target < n ? target : NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return n;
    }
  }
}
