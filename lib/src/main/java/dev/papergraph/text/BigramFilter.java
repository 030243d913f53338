package dev.papergraph.text;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Each word, then the two-word phrase of it and the next word when no word was removed between
 * them: the tokens Lucene's {@code ShingleFilter} (sizes 2 to 2, unigrams on, a filler for each
 * gap) gives once {@link PhraseGapFilter} has dropped those that hold a filler. The same terms,
 * offsets (a phrase from its first word's start to its second's end), types ({@code "shingle"} for
 * a phrase), position lengths and position increments: a phrase at increment 0, a word at 1, or 2
 * after a gap of any length (the filler ShingleFilter puts in a gap takes one position, and a gap
 * gets one filler whatever its length). {@code ShingleFilter} copies every attribute of a window of
 * tokens for each token it emits and was the chain's most expensive component to compile; this
 * filter keeps one word of lookahead in plain fields.
 */
final class BigramFilter extends TokenFilter {

  /** The phrases' type, as {@code ShingleFilter} names it. */
  private static final String SHINGLE = "shingle";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  // the word emitted last (a phrase starts with it) and the word read ahead
  private char[] word = new char[32];
  private int wordLength;
  private int wordStart;
  private char[] next = new char[32];
  private int nextLength;
  private int nextStart;
  private int nextEnd;
  private int nextIncrement;
  private String nextType;
  private boolean hasNext;
  private boolean exhausted;
  private boolean phrasePending;

  BigramFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (phrasePending) {
      phrasePending = false;
      clearAttributes();
      char[] b = term.resizeBuffer(wordLength + 1 + nextLength);
      System.arraycopy(word, 0, b, 0, wordLength);
      b[wordLength] = ' ';
      System.arraycopy(next, 0, b, wordLength + 1, nextLength);
      term.setLength(wordLength + 1 + nextLength);
      offset.setOffset(wordStart, nextEnd);
      position.setPositionIncrement(0);
      length.setPositionLength(2);
      type.setType(SHINGLE);
      return true;
    }
    if (!hasNext && !readAhead()) {
      return false;
    }
    // the word read ahead becomes the word emitted
    char[] t = word;
    word = next;
    next = t;
    wordLength = nextLength;
    wordStart = nextStart;
    int wordEnd = nextEnd;
    int increment = nextIncrement;
    String wordType = nextType;
    hasNext = false;
    boolean more = readAhead();
    clearAttributes();
    term.copyBuffer(word, 0, wordLength);
    offset.setOffset(wordStart, wordEnd);
    position.setPositionIncrement(increment > 1 ? 2 : 1);
    length.setPositionLength(1);
    type.setType(wordType);
    phrasePending = more && nextIncrement == 1;
    return true;
  }

  /** Reads the next word of the input into the lookahead fields; false at the end. */
  private boolean readAhead() throws IOException {
    if (exhausted || !input.incrementToken()) {
      exhausted = true;
      return false;
    }
    int n = term.length();
    if (next.length < n) {
      next = new char[Math.max(n, 2 * next.length)];
    }
    System.arraycopy(term.buffer(), 0, next, 0, n);
    nextLength = n;
    nextStart = offset.startOffset();
    nextEnd = offset.endOffset();
    nextIncrement = position.getPositionIncrement();
    nextType = type.type();
    hasNext = true;
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    hasNext = false;
    exhausted = false;
    phrasePending = false;
  }
}
