package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** BigramFilter gives what Lucene's ShingleFilter gives once the phrases over a gap are dropped. */
class BigramFilterTest {

  private static final CharArraySet STOP = new CharArraySet(List.of("the", "of", "a"), false);

  @Test
  void emitsShingleFiltersTokensWithoutTheGapsOnRandomTexts() throws IOException {
    String[] words = {
      "the",
      "of",
      "a",
      "x",
      "model",
      "post",
      "train",
      "quantiz",
      "é\u0301",
      "a" + PaperAnalyzer.GAP + "b"
    };
    Random random = new Random(19);
    for (int text = 0; text < 5_000; text++) {
      StringBuilder b = new StringBuilder();
      for (int w = random.nextInt(14); w > 0; w--) {
        b.append(" ".repeat(1 + random.nextInt(2)))
            .append(words[random.nextInt(random.nextInt(4) == 0 ? words.length : 6)]);
      }
      if (random.nextBoolean()) {
        b.append(' ');
      }
      String s = b.toString();
      assertEquals(tokens(lucene(s)), tokens(ours(s)), s);
    }
  }

  @Test
  void phrasesJoinAdjacentWordsOnly() throws IOException {
    assertEquals(
        List.of(
            "model/2/5-10/word/1",
            "model train/0/5-16/shingle/2",
            "train/1/11-16/word/1",
            "x/2/22-23/word/1",
            "end/2/28-28"),
        tokens(ours("the  model train of a x of a")));
  }

  private static TokenStream stopped(String text) {
    Tokenizer source = new WhitespaceTokenizer();
    source.setReader(new StringReader(text));
    return new StopFilter(source, STOP);
  }

  private static TokenStream lucene(String text) {
    ShingleFilter shingles = new ShingleFilter(stopped(text), 2, 2);
    shingles.setFillerToken(PaperAnalyzer.GAP);
    shingles.setOutputUnigrams(true);
    return new PhraseGapFilter(shingles);
  }

  private static TokenStream ours(String text) {
    return new PhraseGapFilter(new BigramFilter(stopped(text)));
  }

  /** Each token as term/increment/start-end/type/length, then the end's increment and offsets. */
  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    TypeAttribute type = ts.addAttribute(TypeAttribute.class);
    PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(
          term
              + "/"
              + inc.getPositionIncrement()
              + "/"
              + offset.startOffset()
              + "-"
              + offset.endOffset()
              + "/"
              + type.type()
              + "/"
              + length.getPositionLength());
    }
    ts.end();
    out.add(
        "end/"
            + inc.getPositionIncrement()
            + "/"
            + offset.startOffset()
            + "-"
            + offset.endOffset());
    ts.close();
    return out;
  }
}
