package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final PaperAnalyzer chain = new PaperAnalyzer(TextOptions.DEFAULTS.withBigrams(false));

  @Test
  void stripsHtmlTagsAndDecodesEntities() {
    assertEquals(
        "Background Sleep & mood improved.",
        TextCleaner.readable("<b><i>Background</i></b> Sleep &amp; mood improved."));
    assertEquals(
        List.of("sleep", "mood", "improv"), chain.terms("<b>Sleep</b> &amp; <i>mood</i> improved"));
  }

  @Test
  void undoesDoubleEscapedEntities() {
    // Karger abstracts in OpenAlex (Oud_2018): escaped HTML, sometimes escaped twice
    assertEquals(
        "Background: Methods: sleep",
        TextCleaner.readable("&lt;b&gt;&lt;i&gt;Background:&lt;/i&gt;&lt;/b&gt; Methods: sleep"));
    assertEquals(
        "Background sleep",
        TextCleaner.readable("&amp;lt;b&amp;gt;Background&amp;lt;/b&amp;gt; sleep"));
    List<String> terms =
        chain.terms(
            "&lt;b&gt;&lt;i&gt;Background:&lt;/i&gt;&lt;/b&gt; insomnia &amp;lt;i&amp;gt;therapy");
    assertEquals(List.of("insomnia", "therapi"), terms);
  }

  @Test
  void stripsJatsAndMathMlMarkup() {
    String jats =
        "<jats:p>We study <jats:italic>Escherichia coli</jats:italic> growth"
            + " <mml:math><mml:mi>x</mml:mi></mml:math>.</jats:p>";
    assertEquals("We study Escherichia coli growth x.", TextCleaner.readable(jats));
    assertEquals(List.of("escherichia", "coli", "growth"), chain.terms(jats));
  }

  @Test
  void removesLatexMathAndCommandsButKeepsEmphasisedWords() {
    String tex =
        "Covering arrays $S(t,k,v)$ with \\emph{strength} \\cite{colbourn} and $$x^2$$ \\textbf{bounds}.";
    assertEquals("Covering arrays with strength and bounds.", TextCleaner.readable(tex));
    assertEquals(List.of("cover", "arrai", "strength", "bound"), chain.terms(tex));
    assertEquals("a b", TextCleaner.readable("a \\(\\alpha\\) b"));
  }

  @Test
  void removesUrlsAndDois() {
    String t =
        "Code at https://github.com/x/y and www.example.org, data doi:10.5281/zenodo.123 and 10.1000/xyz123.";
    assertEquals(List.of("code", "data"), chain.terms(t));
    // the sentence's own punctuation is not part of the link
    assertEquals("Code at and, data and.", TextCleaner.readable(t));
    assertEquals(
        "Data are online (see).", TextCleaner.readable("Data are online (see http://x.org/a)."));
  }

  @Test
  void removesEmailAddresses() {
    String t = "Write to jane.doe@example.org for data.";
    assertEquals("Write to for data.", TextCleaner.readable(t));
    assertEquals(List.of("write", "data"), chain.terms(t));
  }

  @Test
  void decodesNumericAndNamedEntities() {
    String t =
        "&#60;b&#62;Results&#60;/b&#62; &#x3C;i&#x3E;in vivo&#x3C;/i&#x3E; &eacute;t&eacute;";
    assertEquals("Results in vivo été", TextCleaner.readable(t));
    assertEquals(List.of("vivo", "été"), chain.terms(t));
  }

  @Test
  void stripsJatsSectionsWithTheirTitlesKept() {
    String t =
        "<jats:sec><jats:title>Background</jats:title><jats:p>Sleep &amp; mood.</jats:p></jats:sec>";
    assertEquals("Background Sleep & mood.", TextCleaner.readable(t));
    assertEquals(List.of("sleep", "mood"), chain.terms(t)); // "background" is boilerplate
  }

  @Test
  void removesDisplayMathReferencesAndLatexEscapes() {
    String t =
        "Bounds \\[ \\sum_i x_i \\] hold for 50\\% of \\textit{sparse} graphs"
            + " (see \\ref{fig:1}, Eq.~\\eqref{eq:2}).";
    assertEquals("Bounds hold for 50% of sparse graphs (see, Eq.).", TextCleaner.readable(t));
    List<String> terms = chain.terms(t);
    assertFalse(
        terms.contains("sum") || terms.contains("fig") || terms.contains("ref"), "" + terms);
    assertTrue(terms.containsAll(List.of("bound", "spars", "graph")), "" + terms);
    // a formula alone in brackets leaves no empty brackets
    assertEquals("Cost is linear.", TextCleaner.readable("Cost is linear ($O(n)$)."));
  }

  @Test
  void statisticsStayReadableButNeverBecomeTerms() {
    String t =
        "Accuracy rose from 71.3% to 95% (p<0.001, n = 1,024; OR 2.5, 95% CI 1.2-3.4) in 2019.";
    assertEquals(t, TextCleaner.readable(t));
    assertEquals(List.of("accuraci", "rose"), chain.terms(t));
  }

  @Test
  void numbersPercentagesAndStatisticsNeverBecomeTerms() {
    List<String> terms =
        chain.terms(
            "In 10-session trials 95% CI 0.5 to 1,000 mg (p < 0.05, SD 2.1) improved 3D scans");
    assertEquals(List.of("session", "trial", "improv", "3d", "scan"), terms);
    for (String t : terms) {
      assertFalse(t.matches("[0-9.,%]+"), t);
    }
  }

  @Test
  void academicBoilerplateIsStopped() {
    assertEquals(
        List.of("quantiz"),
        chain.terms(
            "In this paper we propose and show results: eventually, we argue quantization"));
  }

  @Test
  void hyphenatedBoundPrefixesMergeWithClosedSpelling() {
    assertEquals(
        chain.terms("nonintrusive load monitoring"), chain.terms("non-intrusive load monitoring"));
    assertEquals(List.of("post", "train"), chain.terms("post-training"));
  }

  @Test
  void thesaurusReplacesAndDropsTerms() {
    TextOptions o =
        TextOptions.DEFAULTS.withThesaurus(
            Map.of(
                "nilm",
                "nonintrusive load monitoring",
                "load monitoring",
                "nonintrusive load monitoring",
                "deep",
                "",
                "three word label",
                "x"));
    PaperAnalyzer a = new PaperAnalyzer(o);
    // three-word values cannot be one term: those entries are ignored, and reported
    assertTrue(a.thesaurusIgnored().contains("nilm"));
    TextOptions o2 =
        TextOptions.DEFAULTS
            .withBigrams(false)
            .withThesaurus(Map.of("nilm", "monitoring", "deep", ""));
    PaperAnalyzer b = new PaperAnalyzer(o2);
    assertEquals(List.of("monitor", "learn"), b.terms("NILM deep learning"));
  }

  @Test
  void cleanTextIsLeftAsIs() {
    assertEquals(
        "Plain text, with numbers 0.5 and 95%.",
        TextCleaner.readable("Plain  text, with numbers 0.5 and 95%."));
  }

  /**
   * The analysis chain skips the char filters on text {@code needsCleaning} passes: that is only
   * right if they leave such text, and its offsets, exactly as they are.
   */
  @Test
  void textThatNeedsNoCleaningPassesTheCharFiltersUnchanged() throws IOException {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "Plain words, hyphen-ated and non-intrusive; 95% of 1,000 (x) \"quoted\" it's",
                "Tabs\tand\r\nnew lines \u00e9t\u00e9 na\u00efve \u03b1-decay \u2014 dash",
                "ends with a full stop."));
    for (Paper p : Seeds.corpus().papers()) {
      texts.add(p.title());
      if (p.abstractText() != null) {
        texts.add(p.abstractText());
      }
    }
    int clean = 0;
    for (String t : texts) {
      if (TextCleaner.needsCleaning(t)) {
        continue;
      }
      clean++;
      Reader r = TextCleaner.wrap(new StringReader(t));
      StringBuilder out = new StringBuilder();
      char[] buf = new char[512];
      for (int c; (c = r.read(buf)) != -1; ) {
        out.append(buf, 0, c);
      }
      assertEquals(t, out.toString());
      for (int i = 0; i <= t.length(); i += 7) {
        assertEquals(i, ((CharFilter) r).correctOffset(i), t);
      }
    }
    assertTrue(clean > 100, "clean texts checked: " + clean);
  }

  /**
   * The char filters a text is given ({@code wrap(text, reader)}) produce what the whole chain does
   * where the text {@link TextCleaner#needsCleaning} (and nothing changes elsewhere), character for
   * character and offset for offset: on the seeds and on texts made at random from fragments of
   * markup, math, commands, links and prefixes (seeded).
   */
  @Test
  void theFiltersATextNeedsCleanItAsTheWholeChainDoes() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Paper p : Seeds.corpus().papers()) {
      texts.add(p.title());
      if (p.abstractText() != null) {
        texts.add(p.abstractText());
      }
    }
    String[] parts = {
      "\\emph{",
      "\\textbf{",
      "\\cite{x}",
      "\\ref{a}",
      "$",
      "$$",
      "10.",
      "10.1234/ab",
      "doi:",
      "www.",
      "WWW.",
      "http://",
      "://",
      "@",
      "a@b.org",
      "{",
      "}",
      "~",
      "\\(",
      "\\)",
      "\\[",
      "\\]",
      "\\%",
      "\\$",
      "\\&",
      "&amp;",
      "&lt;",
      "<b>",
      "</i>",
      "non-",
      "Re-",
      "-",
      "word",
      "x",
      " ",
      "  ",
      "\n",
      "\t",
      "1",
      "0",
      ".",
      "(",
      ")",
      ",",
      "\u00e9",
      // the parts of the checks that choose the filters: command names after a backslash, the
      // digits and slash of a DOI, the first letters of links
      "\\",
      "emph{",
      "cite{y}",
      "\\uline{",
      "\\mbox{",
      "\\text{",
      "\\eqref{b}",
      "\\footnote{c}",
      "\\#",
      "\\_",
      "10.12345",
      "10.1234567890/",
      "/",
      "5",
      "HTTP://",
      "ftp://x",
      "Www.",
      "h",
      "w"
    };
    // a word command's words joining a backslash to a reference or an escape that the text itself
    // does not hold
    texts.add("see \\\\emph{cite}{y} and \\emph{a\\}ref{b} or \\\\textbf{%} here");
    texts.add("x \\\\emph{_} y");
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(20); j >= 0; j--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      texts.add(b.toString());
    }
    int changed = 0;
    PaperAnalyzer analyzer = new PaperAnalyzer(TextOptions.DEFAULTS);
    for (String t : texts) {
      // what the analysis chain's filters read, kept as it reads them, is the readable text
      StringBuilder filtered = new StringBuilder();
      try (TokenStream ts = analyzer.stream("abstract", t, filtered)) {
        ts.reset();
        while (ts.incrementToken()) {
          // the tokens are PaperAnalyzerTest's
        }
        ts.end();
      }
      if (TextCleaner.needsCleaning(t)) {
        assertEquals(
            TextCleaner.readable(t), TextCleaner.readableOfFiltered(filtered.toString()), t);
      } else {
        assertEquals(t, filtered.toString());
      }
      Reader all =
          TextCleaner.needsCleaning(t)
              ? TextCleaner.wrap(new StringReader(t))
              : new StringReader(t);
      Reader needed = TextCleaner.wrap(t, new StringReader(t));
      String expected = readAll(all);
      assertEquals(expected, readAll(needed), t);
      for (int i = 0; i <= expected.length(); i++) {
        assertEquals(
            all instanceof CharFilter f ? f.correctOffset(i) : i,
            needed instanceof CharFilter f ? f.correctOffset(i) : i,
            t + " at " + i);
      }
      if (!expected.equals(t)) {
        changed++;
      }
    }
    assertTrue(changed > 10_000, "texts the filters changed: " + changed);
  }

  /**
   * The scans that replace two regular expressions in {@link TextCleaner#readable} give what the
   * expressions give: {@code \\s+} replaced by one space, and whether {@link
   * TextCleaner#EMPTY_BRACKETS} finds a match, on seeded random texts of white space, brackets and
   * punctuation.
   */
  @Test
  void whiteSpaceAndEmptyBracketScansAgreeWithTheirRegularExpressions() {
    String[] parts = {
      "a", "b", " ", " ", "  ", "\n", "\r\n", "\t", "\u000B", "\f", "(", ")", "[", "]", ",", ";",
      ".", "\u00a0", "\u2009", "x y"
    };
    Random random = new Random(11);
    int collapsed = 0, bracketed = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(12); j >= 0; j--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String t = b.toString();
      String expected = t.replaceAll("\\s+", " ");
      String got = TextCleaner.collapseSpaces(t);
      assertEquals(expected, got, t);
      if (!expected.equals(t)) {
        collapsed++;
      }
      boolean found = TextCleaner.EMPTY_BRACKETS.matcher(t).find();
      assertEquals(found, TextCleaner.hasEmptyBrackets(t), t);
      if (found) {
        bracketed++;
      }
    }
    assertTrue(collapsed > 50_000 && bracketed > 3_000, collapsed + " collapsed, " + bracketed);
  }

  /** Everything a reader gives (the char filters' output, for the tests of this package). */
  static String readAll(Reader r) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buf = new char[512];
    for (int c; (c = r.read(buf)) != -1; ) {
      out.append(buf, 0, c);
    }
    return out.toString();
  }

  /**
   * The one-scan check gives what its definition does: a character of {@code <&$\\{}~@}, or {@code
   * ://}, {@code www.} or {@code 10.} (seeded random texts of those characters' parts).
   */
  @Test
  void needsCleaningIsItsDefinition() {
    String[] parts = {
      "<",
      "&",
      "$",
      "\\",
      "{",
      "}",
      "~",
      "@",
      ":",
      "/",
      "//",
      "w",
      "ww",
      "www",
      ".",
      "1",
      "10",
      "0",
      "a",
      " ",
      "W",
      "\u00e9",
      "\ud835\udc9c"
    };
    Random random = new Random(29);
    int needing = 0;
    for (int text = 0; text < 100_000; text++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(10); j >= 0; j--) {
        // mostly the characters of the sequences, so that they are met whole and cut short
        b.append(parts[8 + random.nextInt(random.nextInt(4) == 0 ? parts.length - 8 : 11)]);
        if (random.nextInt(40) == 0) {
          b.append(parts[random.nextInt(8)]);
        }
      }
      String t = b.toString();
      boolean expected = false;
      for (char c : "<&$\\{}~".toCharArray()) {
        expected |= t.indexOf(c) >= 0;
      }
      expected |= t.contains("://") || t.contains("www.") || t.contains("10.") || t.contains("@");
      assertEquals(expected, TextCleaner.needsCleaning(t), t);
      needing += expected ? 1 : 0;
    }
    assertTrue(needing > 10_000 && needing < 90_000, "texts needing cleaning: " + needing);
  }
}
