package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class PaperAnalyzerTest {

  @Test
  void stemsAndMakesPhrasesOfAdjacentWords() {
    PaperAnalyzer a = new PaperAnalyzer(TextOptions.DEFAULTS);
    assertEquals(
        List.of("post", "post train", "train", "train quantiz", "quantiz"),
        a.terms("Post-Training Quantization"));
  }

  @Test
  void phrasesDoNotSpanRemovedStopWords() {
    PaperAnalyzer a = new PaperAnalyzer(TextOptions.DEFAULTS);
    assertEquals(
        List.of("quantiz", "network", "domain", "domain adapt", "adapt"),
        a.terms("Quantization of the network for domain adaptation"));
    assertEquals(
        List.of("model", "model domain", "domain", "domain adapt", "adapt"),
        a.terms("The model's domain adaptation"));
  }

  @Test
  void sklearnCompatibleChainKeepsWordsOfTwoOrMoreWordCharacters() {
    PaperAnalyzer a = new PaperAnalyzer(TextOptions.sklearnCompatible());
    // scikit-learn: TfidfVectorizer(stop_words="english").build_analyzer()("...") gives these
    assertEquals(
        List.of("post", "training", "quantization", "4bit", "llms", "x_1"),
        a.terms("Post-Training Quantization of a 4bit LLMs: x_1 is 1"));
  }

  /**
   * The quick check that lets a text skip the prefix filter never misses a hyphen the filter closes
   * up (texts made at random from prefixes, hyphens and letters, seeded), and lets most texts skip.
   */
  @Test
  void prefixCheckNeverMissesAHyphenTheFilterClosesUp() {
    String[] parts = {
      "non", "NON", "Re", "un", "bi", "sub", "pre", "anti", "x", "a", "-", "-", " ", "\u00e9", "1",
      "_", "'", "(", "\u03b1"
    };
    Random random = new Random(7);
    int matched = 0, skipped = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(8); j >= 0; j--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String t = b.toString();
      boolean matches = PaperAnalyzer.BOUND_PREFIX.matcher(t).find();
      if (matches) {
        matched++;
        assertTrue(PaperAnalyzer.mayCloseUp(t), t);
      } else if (!PaperAnalyzer.mayCloseUp(t)) {
        skipped++;
      }
    }
    assertTrue(matched > 1_000 && skipped > 50_000, matched + " matched, " + skipped + " skipped");
    assertFalse(PaperAnalyzer.mayCloseUp("real-time, self-supervised and post-training"));
    assertTrue(PaperAnalyzer.mayCloseUp("a non-intrusive method"));
  }

  /**
   * The prefix filter, which matches the hyphen alone with its prefix looked behind, gives the same
   * text and the same offsets as the plain pattern matching prefix and hyphen and putting the
   * prefix back (seeded random texts of prefixes, hyphens, letters and other characters).
   */
  @Test
  void prefixFilterClosesUpAsThePatternMatchingPrefixAndHyphen() throws IOException {
    Pattern plain =
        Pattern.compile(
            "(?i)\\b(anti|bi|co|inter|intra|macro|meta|micro|multi|non|pre|re|semi|sub|tri|un)"
                + "-(?=\\p{L})");
    String[] parts = {
      "non", "NON", "Re", "un", "bi", "sub", "pre", "anti", "inter", "intra", "tri", "Semi", "x",
      "a", "-", "-", "--", " ", "\u00e9", "\u00c9", "1", "_", "'", "(", "\u03b1", "\u4e2d"
    };
    Random random = new Random(11);
    int closed = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(10); j >= 0; j--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String t = b.toString();
      CharFilter expected = new PatternReplaceCharFilter(plain, "$1", new StringReader(t));
      CharFilter actual =
          new PatternReplaceCharFilter(PaperAnalyzer.BOUND_PREFIX, "", new StringReader(t));
      String e = TextCleanerTest.readAll(expected);
      assertEquals(e, TextCleanerTest.readAll(actual), t);
      for (int at = 0; at <= e.length(); at++) {
        assertEquals(expected.correctOffset(at), actual.correctOffset(at), t + " at " + at);
      }
      if (e.length() < t.length()) {
        closed++;
      }
    }
    assertTrue(closed > 1_000, closed + " texts closed up");
    assertEquals(
        List.of("nonintrus", "nonintrus load", "load", "load monitor", "monitor"),
        new PaperAnalyzer(TextOptions.DEFAULTS).terms("Non-intrusive load monitoring"));
  }

  @Test
  void letterFilterKeepsTheTokensAndPositionsOfEmptyingTokensWithoutALetter() throws IOException {
    // the chain's former filters: PatternReplaceFilter emptying a token without a letter, a length
    // filter dropping it
    Pattern noLetter = Pattern.compile("^[^\\p{L}]*$");
    String[] parts = {
      "a",
      "Z",
      "é",
      "\u03b1",
      "\u4e2d",
      "\ud835\udc9c",
      "1",
      "_",
      "-",
      ".",
      "%",
      "\u00b2",
      "\u0301",
      "\u2063"
    };
    Random random = new Random(17);
    for (int text = 0; text < 2_000; text++) {
      StringBuilder b = new StringBuilder();
      for (int token = random.nextInt(12); token >= 0; token--) {
        for (int c = 1 + random.nextInt(4); c > 0; c--) {
          b.append(parts[random.nextInt(random.nextBoolean() ? 3 : parts.length)]);
        }
        b.append(' ');
      }
      Tokenizer before = new WhitespaceTokenizer();
      before.setReader(new StringReader(b.toString()));
      TokenStream expected =
          new LengthFilter(new PatternReplaceFilter(before, noLetter, "", false), 1, 255);
      Tokenizer after = new WhitespaceTokenizer();
      after.setReader(new StringReader(b.toString()));
      assertEquals(
          termsAndPositions(expected), termsAndPositions(new LetterFilter(after)), b.toString());
    }
  }

  /** Each token as "term/increment", then the final increment. */
  private static List<String> termsAndPositions(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
    ts.reset();
    while (ts.incrementToken()) {
      out.add(term + "/" + inc.getPositionIncrement());
    }
    ts.end();
    out.add("end/" + inc.getPositionIncrement());
    ts.close();
    return out;
  }
}
