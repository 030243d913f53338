package dev.papergraph.text;

import static dev.papergraph.model.Arguments.require;

import dev.papergraph.model.Paper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * The tokens {@link PaperAnalyzer} emitted for each paper's title and abstract during the analysis
 * pass of {@link TermVectors#build}, each as its term and position increment, so that the paper
 * index takes them again as a token stream ({@link #title}, or {@link #titleTerms} for a field
 * without positions) instead of running the chain a second time: the same terms at the same
 * positions give the same postings, and the same lengths (tokens minus those at an increment of 0,
 * which BM25's norms count) give the same scores.
 *
 * <p>Each token is one {@code int}: its provisional term id (a number of the analysis pass's
 * vocabulary, which this keeps) shifted left by two, and its increment in the low two bits (0, 1 or
 * 2; 3 when the increment, larger, follows in the next {@code int}). About 4 bytes per token,
 * besides the vocabulary. Filled by one thread per paper, then read by any number of threads.
 */
public final class AnalysedTokens {

  /** The title, as a field number of {@link #forEachTerm} and the methods beside it. */
  public static final int TITLE = Occurrences.TITLE;

  /** The abstract, as a field number of {@link #forEachTerm} and the methods beside it. */
  public static final int ABSTRACT = Occurrences.ABSTRACT;

  /** The largest provisional term id a token can hold. */
  static final int MAX_TERM_ID = (1 << 29) - 1;

  private static final int ESCAPE = 3;

  private final TextOptions options;
  private final List<Paper> papers;
  private final int[][][] tokens;
  private String[] vocabulary;

  AnalysedTokens(TextOptions options, List<Paper> papers) {
    this.options = Objects.requireNonNull(options, "options");
    this.papers = papers;
    this.tokens = new int[papers.size()][2][];
  }

  /** The options of the chain that emitted the tokens. */
  public TextOptions options() {
    return options;
  }

  /** The number of papers. */
  public int size() {
    return papers.size();
  }

  /**
   * Whether the tokens of doc {@code doc} are those of this paper: the same title and abstract the
   * analysis pass read.
   */
  public boolean analysed(int doc, Paper paper) {
    Paper p = papers.get(doc);
    return p.title().equals(paper.title())
        && Objects.equals(p.abstractText(), paper.abstractText());
  }

  /**
   * The tokens of a paper's title as the chain emitted them: the term in a {@link
   * CharTermAttribute}, the position increment in a {@link PositionIncrementAttribute}, no offsets
   * (for a field indexed without them) and no final increment (for a field with one value).
   */
  public TokenStream title(int doc) {
    return replay(doc, Occurrences.TITLE);
  }

  /**
   * The tokens of a paper's abstract, as {@link #title} gives the title's.
   *
   * @throws IllegalStateException if the paper has no abstract
   */
  public TokenStream abstractText(int doc) {
    return replay(doc, Occurrences.ABSTRACT);
  }

  /**
   * The terms of a paper's title for a field indexed without positions: each distinct term once,
   * its number of tokens in a {@link TermFrequencyAttribute}, so that the index hashes a term once
   * per paper instead of once per token. The field gets the postings and frequencies {@link #title}
   * gives it, and the same length for BM25's norms: as many tokens at an increment of 0 (which the
   * norms do not count), a term split into several of frequency 1 where the distinct terms are
   * fewer than those tokens.
   */
  public TokenStream titleTerms(int doc) {
    return new Counted(recorded(doc, Occurrences.TITLE), vocabulary);
  }

  /**
   * The terms of a paper's abstract, as {@link #titleTerms} gives the title's.
   *
   * @throws IllegalStateException if the paper has no abstract
   */
  public TokenStream abstractTerms(int doc) {
    return new Counted(recorded(doc, Occurrences.ABSTRACT), vocabulary);
  }

  /** The number of terms the provisional term ids number (once every paper is recorded). */
  public int vocabularySize() {
    return vocabulary().length;
  }

  /** The term of a provisional term id. */
  public String term(int id) {
    return vocabulary()[id];
  }

  /** Whether the paper of doc {@code doc} has this field ({@link #TITLE} or {@link #ABSTRACT}). */
  public boolean has(int doc, int field) {
    return tokens[doc][field] != null;
  }

  /**
   * Gives the provisional term id of each of a field's tokens, in their order (a term as many times
   * as it has tokens): the postings and frequencies {@link #titleTerms} and {@link #title} give an
   * index.
   *
   * @throws IllegalStateException if the field was not analysed (an abstract the paper lacks)
   */
  public void forEachTerm(int doc, int field, IntConsumer termId) {
    int[] t = recorded(doc, field);
    for (int i = 0; i < t.length; i++) {
      termId.accept(t[i] >>> 2);
      if ((t[i] & 3) == ESCAPE) {
        i++;
      }
    }
  }

  /**
   * A field's length as an index counts it from {@link #titleTerms} (and from {@link #title}): its
   * number of tokens.
   *
   * @throws IllegalStateException if the field was not analysed
   */
  public int length(int doc, int field) {
    return (int) counts(recorded(doc, field));
  }

  /**
   * A field's overlaps as an index counts them from {@link #titleTerms}: the terms it emits at a
   * position increment of 0, which BM25's norm does not count; as many as the field has tokens at
   * an increment of 0 (the first token never is).
   *
   * @throws IllegalStateException if the field was not analysed
   */
  public int overlaps(int doc, int field) {
    long c = counts(recorded(doc, field));
    int n = (int) c, zero = (int) (c >>> 32);
    // Counted emits at least min(zero + 1, n) terms (splitting terms when the distinct ones are
    // fewer), the second to the (zero + 1)-th of them at an increment of 0
    return n == 0 ? 0 : Math.min(zero, Math.min(zero + 1, n) - 1);
  }

  /** A field's tokens (low 32 bits) and tokens at an increment of 0 (high 32 bits). */
  private static long counts(int[] t) {
    long n = 0, zero = 0;
    for (int i = 0; i < t.length; i++) {
      n++;
      int code = t[i] & 3;
      if (code == 0) {
        zero++;
      } else if (code == ESCAPE) {
        i++;
      }
    }
    return zero << 32 | n;
  }

  private String[] vocabulary() {
    if (vocabulary == null) {
      throw new IllegalStateException("the papers are not all analysed yet");
    }
    return vocabulary;
  }

  private TokenStream replay(int doc, int field) {
    return new Replay(recorded(doc, field), vocabulary);
  }

  private int[] recorded(int doc, int field) {
    int[] t = tokens[doc][field];
    if (t == null || vocabulary == null) {
      throw new IllegalStateException(
          Occurrences.FIELD_NAMES[field] + " of doc " + doc + " was not analysed");
    }
    return t;
  }

  /** Keeps the vocabulary the provisional term ids number (once every paper is recorded). */
  void vocabulary(String[] byProvisionalId) {
    this.vocabulary = byProvisionalId;
  }

  /**
   * A field's tokens as recorded during its analysis: the paper's term slot of each token ({@code
   * slot << 2 | increment code}, an escaped increment after it), for {@link #keep} to renumber.
   */
  static final class Field {
    private int[] raw = new int[64];
    private int size;

    /** Adds a token: the paper's term slot and its position increment (0 or more). */
    void add(int slot, int increment) {
      if (size + 2 > raw.length) {
        raw = Arrays.copyOf(raw, 2 * raw.length + 2);
      }
      if (increment < ESCAPE) {
        raw[size++] = slot << 2 | increment;
      } else {
        raw[size++] = slot << 2 | ESCAPE;
        raw[size++] = increment;
      }
    }
  }

  /**
   * Keeps a paper's field, its slots renumbered to provisional term ids.
   *
   * @param ids the provisional term id of each of the paper's slots
   * @throws IllegalArgumentException if a term id does not fit a token
   */
  void keep(int doc, int field, Field f, int[] ids) {
    int[] out = Arrays.copyOf(f.raw, f.size);
    for (int i = 0; i < out.length; i++) {
      int id = ids[out[i] >>> 2];
      require(id <= MAX_TERM_ID, "more than %s distinct terms", MAX_TERM_ID + 1);
      int code = out[i] & 3;
      out[i] = id << 2 | code;
      if (code == ESCAPE) {
        i++;
      }
    }
    tokens[doc][field] = out;
  }

  /** A recorded field played back as a token stream. */
  private static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final int[] tokens;
    private final String[] vocabulary;
    private int next;

    Replay(int[] tokens, String[] vocabulary) {
      this.tokens = tokens;
      this.vocabulary = vocabulary;
    }

    @Override
    public boolean incrementToken() {
      if (next == tokens.length) {
        return false;
      }
      clearAttributes();
      int t = tokens[next++];
      int code = t & 3;
      term.setEmpty().append(vocabulary[t >>> 2]);
      increment.setPositionIncrement(code == ESCAPE ? tokens[next++] : code);
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }

  /**
   * A recorded field played back as its distinct terms with their frequencies (in term id order),
   * for a field without positions. Lucene counts an emitted term's frequency into the field's
   * length and each emission at an increment of 0 as one overlap; BM25's norm is the length less
   * the overlaps. So the first emission is at increment 1, the next as many as the field had tokens
   * at 0 are at 0, the rest at 1; when the distinct terms are too few for that, terms of several
   * tokens are emitted a token at a time until they are not.
   */
  private static final class Counted extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final String[] vocabulary;
    private final int[] ids;
    private final int size;
    private final int overlaps;
    private final int splits;
    private int next;
    private int emitted;
    private int split;

    Counted(int[] tokens, String[] vocabulary) {
      this.vocabulary = vocabulary;
      int[] ids = new int[tokens.length];
      int n = 0;
      int zero = 0;
      for (int i = 0; i < tokens.length; i++) {
        int code = tokens[i] & 3;
        ids[n++] = tokens[i] >>> 2;
        if (code == 0) {
          zero++;
        } else if (code == ESCAPE) {
          i++;
        }
      }
      Arrays.sort(ids, 0, n);
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || ids[i] != ids[i - 1]) {
          distinct++;
        }
      }
      this.ids = ids;
      this.size = n;
      this.overlaps = zero;
      this.splits = Math.max(0, zero + 1 - distinct);
    }

    @Override
    public boolean incrementToken() {
      if (next == size) {
        return false;
      }
      clearAttributes();
      int id = ids[next];
      int end = next + 1;
      while (end < size && ids[end] == id) {
        end++;
      }
      int freq = end - next;
      if (freq > 1 && split < splits) {
        // the rest of the term's tokens come next
        freq = 1;
        split++;
      }
      next += freq;
      term.setEmpty().append(vocabulary[id]);
      frequency.setTermFrequency(freq);
      increment.setPositionIncrement(emitted > 0 && emitted <= overlaps ? 0 : 1);
      emitted++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
      emitted = 0;
      split = 0;
    }
  }
}
