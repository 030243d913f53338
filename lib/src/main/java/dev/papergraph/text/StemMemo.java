package dev.papergraph.text;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * A memo of a stemmer's results, around a keyword-aware stemming filter such as Lucene's {@code
 * PorterStemFilter}: a word the chain has stemmed before is given its stem at once and marked a
 * keyword, which the stemmer passes by; a new word goes through the stemmer and its stem is kept.
 * The tokens are those of the stemmer alone, as a stem is a function of the word only. Lucene's
 * {@code StemmerOverrideFilter} does the same from a fixed dictionary; this one learns its
 * dictionary as it goes. Most tokens repeat a word met before, so the stemmer runs once per
 * distinct word instead of once per token (the Porter stemmer was one of the analysis pass's
 * largest compiled methods).
 *
 * <p>One memo per chain (Lucene keeps one chain per thread), so not thread-safe; it keeps at most
 * {@link #MAX_WORDS} words, the first met.
 */
final class StemMemo {

  /** Words kept at most (about 100 bytes each). */
  static final int MAX_WORDS = 200_000;

  private final CharArrayMap<char[]> stems = new CharArrayMap<>(4096, false);
  private char[] word = new char[64];
  private int wordLength;
  private boolean remembered;
  private boolean passed;

  private StemMemo() {}

  /**
   * The stemmer over {@code in} with a memo of its results: {@code stemmer} wraps the stream it is
   * given in a filter that stems each token but those marked {@link KeywordAttribute keywords}, one
   * token out for each token in.
   */
  static TokenStream around(TokenStream in, UnaryOperator<TokenStream> stemmer) {
    StemMemo memo = new StemMemo();
    return memo.new Store(stemmer.apply(memo.new Lookup(in)));
  }

  /** Before the stemmer: gives a word met before its stem, marked a keyword. */
  private final class Lookup extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Lookup(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      remembered = false;
      passed = keyword.isKeyword();
      if (passed) {
        // a keyword from earlier in the chain: the stemmer leaves it, and so does the memo
        return true;
      }
      char[] stem = stems.get(term.buffer(), 0, term.length());
      if (stem != null) {
        term.copyBuffer(stem, 0, stem.length);
        keyword.setKeyword(true);
        remembered = true;
      } else {
        wordLength = term.length();
        if (word.length < wordLength) {
          word = new char[wordLength];
        }
        System.arraycopy(term.buffer(), 0, word, 0, wordLength);
      }
      return true;
    }
  }

  /** After the stemmer: keeps a new word's stem; unmarks a remembered one. */
  private final class Store extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    Store(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (remembered) {
        keyword.setKeyword(false);
      } else if (!passed && stems.size() < MAX_WORDS) {
        stems.put(Arrays.copyOf(word, wordLength), Arrays.copyOf(term.buffer(), term.length()));
      }
      return true;
    }
  }
}
