package dev.papergraph.text;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops tokens without a letter ({@link Character#isLetter}, the regular expressions' {@code
 * \p{L}}), such as "1_000" or "--", which the tokenizer does not type as numbers. Lucene's nearest
 * component, {@code PatternReplaceFilter} with {@code ^[^\p{L}]*$} emptying such tokens for a
 * length filter to drop, ran a regular-expression matcher on every token (the same tokens and
 * position increments come out: a dropped token's increment goes to the next token kept).
 */
final class LetterFilter extends FilteringTokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  LetterFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    char[] b = term.buffer();
    for (int i = 0, n = term.length(); i < n; ) {
      int c = Character.codePointAt(b, i, n);
      if (Character.isLetter(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }
}
