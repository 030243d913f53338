package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;

/**
 * Each rule's scanning filter gives what Lucene's {@code PatternReplaceCharFilter} gives with the
 * same pattern and replacement: the same characters and the same corrected offset at every place of
 * the output.
 */
class ScanningPatternFilterTest {

  /** Every rule of the chain, on texts made at random from the characters the patterns look for. */
  @Test
  void sameTextAndOffsetsAsLuceneOnRandomTexts() throws IOException {
    String[] parts = {
      "$",
      "$$",
      "$x$",
      "\\",
      "\\(",
      "\\)",
      "\\[",
      "\\]",
      "{",
      "}",
      "~",
      "\\emph{",
      "\\textbf {",
      "\\cite{",
      "\\citep[p. 2]{",
      "\\ref",
      "\\%",
      "\\$",
      "\\_",
      "[",
      "]",
      "(",
      ")",
      "-",
      "non-",
      "Re-",
      "un",
      "a",
      "B",
      " ",
      "  ",
      "x",
      "http://",
      "https://a.b/c",
      "www.",
      "WWW.x",
      "ftp://",
      "doi:",
      "DOI ",
      "10.",
      "1234",
      "10.1000/xyz",
      "/",
      ".",
      ",",
      "%",
      "&",
      "#",
      "_",
      "*",
      "@",
      "h",
      "f",
      "w",
      "d",
      "\u00e9",
      "\u03b1",
      "\ud835\udc00",
      "\n",
      "\u00a0"
    };
    Random random = new Random(29);
    List<ScanningPatternFilter.Rule> rules = rules();
    int[] changed = new int[rules.size()];
    for (int i = 0; i < 30_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(14); j >= 0; j--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String t = b.toString();
      for (int r = 0; r < rules.size(); r++) {
        if (sameAsLucene(rules.get(r), t)) {
          changed[r]++;
        }
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      assertTrue(changed[r] > 300, rules.get(r).pattern() + " changed only " + changed[r]);
    }
  }

  /** Every rule of the chain on the titles and abstracts of 5,000 arXiv papers. */
  @Test
  void sameTextAndOffsetsAsLuceneOnArxivAbstracts() throws IOException {
    Path daily = SharedData.require("corpus/arxiv-daily/daily");
    List<InputSource> sources = new ArrayList<>();
    try (Stream<Path> s = Files.list(daily)) {
      s.filter(p -> p.toString().endsWith(".jsonl.gz"))
          .sorted()
          .limit(40)
          .forEach(p -> sources.add(InputSource.of(p)));
    }
    List<Paper> papers = Readers.standard().load(sources, Format.ARXIV).papers();
    assertTrue(papers.size() >= 5_000, papers.size() + " papers");
    List<ScanningPatternFilter.Rule> rules = rules();
    int[] changed = new int[rules.size()];
    for (Paper p : papers.subList(0, 5_000)) {
      for (String t : new String[] {p.title(), p.abstractText()}) {
        if (t == null) {
          continue;
        }
        for (int r = 0; r < rules.size(); r++) {
          if (sameAsLucene(rules.get(r), t)) {
            changed[r]++;
          }
        }
      }
    }
    // the math and hyphen rules change hundreds of these texts
    int closedUp = changed[rules.indexOf(PaperAnalyzer.CLOSE_UP)];
    assertTrue(closedUp > 100, "closed up in " + closedUp);
    assertTrue(changed[3] > 100, "inline math removed from " + changed[3]);
  }

  @Test
  void rejectsReplacementsItDoesNotExpandAndNonAsciiStarts() throws IOException {
    Pattern p = Pattern.compile("(a)b");
    assertThrows(
        IllegalArgumentException.class, () -> new ScanningPatternFilter.Rule(p, "$1$1", "a"));
    assertThrows(
        IllegalArgumentException.class, () -> new ScanningPatternFilter.Rule(p, "\\$", "a"));
    assertThrows(
        IllegalArgumentException.class, () -> new ScanningPatternFilter.Rule(p, " ", "\u00e9"));
    assertThrows(
        IllegalArgumentException.class, () -> new ScanningPatternFilter.Rule(p, "$2", "a"));
    assertThrows(
        IllegalArgumentException.class, () -> new ScanningPatternFilter.Rule(p, "$123", "a"));
    assertEquals(
        "xa y",
        TextCleanerTest.readAll(
            new ScanningPatternFilter.Rule(p, "$1", "a").over(new StringReader("xab y"))));
  }

  private static List<ScanningPatternFilter.Rule> rules() {
    List<ScanningPatternFilter.Rule> rules = new ArrayList<>(TextCleaner.rules());
    rules.add(PaperAnalyzer.CLOSE_UP);
    return rules;
  }

  /** Asserts both filters agree on the text; true when they changed it. */
  private static boolean sameAsLucene(ScanningPatternFilter.Rule rule, String t)
      throws IOException {
    CharFilter expected =
        new PatternReplaceCharFilter(rule.pattern(), rule.replacement(), new StringReader(t));
    Reader over = rule.over(new StringReader(t));
    CharFilter actual = (CharFilter) over;
    String e = TextCleanerTest.readAll(expected);
    assertEquals(e, TextCleanerTest.readAll(actual), () -> rule.pattern() + " on " + t);
    if (e.equals(t)) {
      return false;
    }
    for (int at = 0; at <= e.length(); at++) {
      int place = at;
      assertEquals(
          expected.correctOffset(at),
          actual.correctOffset(at),
          () -> rule.pattern() + " on " + t + " at " + place);
    }
    return true;
  }
}
