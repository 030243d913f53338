package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.junit.jupiter.api.Test;

class StemMemoTest {

  private static final String[] STEMS = {
    "train", "quantiz", "optim", "gener", "rel", "hop", "sensit", "condit", "a", "ab", "y", "e"
  };
  private static final String[] SUFFIXES = {
    "", "s", "es", "ing", "ed", "ation", "ational", "ization", "iveness", "fulness", "ously",
    "ement", "ment", "ent", "ism", "ize", "ly", "ies", "y", "e", "ate", "ity", "ful", "ness"
  };

  /**
   * The chain with the memo gives the Porter stemmer's own tokens, keyword marks included, over
   * many texts through one chain (so that most words are remembered from earlier texts); keywords
   * set earlier in the chain pass both unstemmed.
   */
  @Test
  void givesTheStemmersOwnTokensForWordsMetBefore() throws IOException {
    CharArraySet keywords = new CharArraySet(List.of("training", "relational"), false);
    Tokenizer plainSource = new WhitespaceTokenizer();
    TokenStream plain = new PorterStemFilter(new SetKeywordMarkerFilter(plainSource, keywords));
    Tokenizer memoSource = new WhitespaceTokenizer();
    TokenStream memo =
        StemMemo.around(new SetKeywordMarkerFilter(memoSource, keywords), PorterStemFilter::new);
    Random random = new Random(23);
    for (int text = 0; text < 3_000; text++) {
      StringBuilder b = new StringBuilder();
      for (int w = random.nextInt(15); w >= 0; w--) {
        b.append(STEMS[random.nextInt(STEMS.length)])
            .append(SUFFIXES[random.nextInt(SUFFIXES.length)])
            .append(' ');
      }
      plainSource.setReader(new StringReader(b.toString()));
      memoSource.setReader(new StringReader(b.toString()));
      assertEquals(tokens(plain), tokens(memo), b.toString());
    }
  }

  /** Each token as "term/keyword". */
  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term + "/" + keyword.isKeyword());
    }
    ts.end();
    ts.close();
    return out;
  }
}
