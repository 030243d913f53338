package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TermVectorsTest {

  private static Paper paper(String id, String title, String abs) {
    return Paper.builder().id(id).title(title).abstractText(abs).build();
  }

  private static final List<Paper> PAPERS =
      List.of(
          paper("a", "Post-training quantization", "We quantize weights after training."),
          paper(
              "b",
              "Post training quantization of transformers",
              "Quantized transformers are fast."),
          paper("c", "Domain adaptation", "Adapting models to a new domain."));

  /**
   * Reference: scikit-learn 1.2.1, TfidfVectorizer(stop_words="english", sublinear_tf=True,
   * min_df=2) on "title. abstract" of the three papers, then (X @ X.T)[0, 1] = 0.9665327775618313
   * (script: src/test/resources/dev/papergraph/text/sklearn_reference.py).
   */
  @Test
  void sklearnCompatibleCosineEqualsScikitLearn() {
    TermVectors tv = TermVectors.build(PAPERS, TextOptions.sklearnCompatible(), 1);
    assertEquals(0.9665327775618313, tv.cosine(0, 1), 1e-6);
    assertEquals(0.0, tv.cosine(0, 2), 1e-12);
  }

  @Test
  void cosineRowGivesEveryCosineBitForBit() {
    TermVectors tv = TermVectors.build(Seeds.corpus().papers(), TextOptions.DEFAULTS, 1);
    TermVectors.CosineRow row = tv.cosineRow();
    int n = tv.size(), shared = 0;
    // rows met in an order that revisits papers, as a caller grouping pairs would not always
    for (int a : new int[] {0, 1, 0, n - 1, n / 2, n / 2, 3}) {
      row.of(a);
      for (int b = 0; b < n; b++) {
        double want = tv.cosine(a, b);
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(row.cosine(b)));
        shared += want > 0 && a != b ? 1 : 0;
      }
    }
    assertTrue(shared > n, "pairs sharing terms: " + shared);
  }

  @Test
  void phraseDisplayFormsNeverSpanPunctuationThatSplitsThem() {
    List<Paper> papers =
        List.of(
            paper(
                "a",
                "Dialectical behavior therapy (DBT) for insomnia, depression",
                "We measured sleep. Quality improved with therapy (DBT) and therapy (DBT)."),
            paper("b", "Insomnia, depression and sleep", "Sleep: quality scores."),
            paper("c", "A therapy-DBT manual", "Insomnia depression care"));
    TermVectors tv = TermVectors.build(papers, TextOptions.DEFAULTS.withMinDf(1), 1);
    // across a bracket three times, hyphenated once: the hyphenated form is a phrase, the others
    // are not
    assertEquals("therapy-dbt", tv.display(tv.termId("therapi dbt").orElseThrow()));
    // only ever across a sentence end or a colon: the words, without the punctuation
    assertEquals("sleep quality", tv.display(tv.termId("sleep qualiti").orElseThrow()));
    // twice across a comma, once as a phrase
    assertEquals("insomnia depression", tv.display(tv.termId("insomnia depress").orElseThrow()));
    // the gap is split, not a period inside a word
    assertEquals("treatment i.e", TermVectors.joinedAcrossSplit("treatment (i.e"));
    assertEquals("input/output", TermVectors.joinedAcrossSplit("input/output"));
    assertEquals("linehan's 1993a", TermVectors.joinedAcrossSplit("linehan's (1993a"));
    assertEquals("therapy dbt", TermVectors.joinedAcrossSplit("therapy(dbt"));
    assertEquals("behavior therapy", TermVectors.joinedAcrossSplit("behavior – therapy"));
    for (int t = 0; t < tv.vocabularySize(); t++) {
      assertFalse(
          tv.display(t).matches(".*[()\\[\\]{},;:.!?].*"), tv.term(t) + " -> " + tv.display(t));
    }
  }

  /**
   * The gap scan finds what the regular expressions it stands for find ({@code
   * [^\\p{L}\\p{N}]*\\s[^\\p{L}\\p{N}]*}, else {@code [^\\p{L}\\p{N}]+}, split when the gap holds
   * splitting punctuation): 200,000 seeded random surfaces over letters, numbers of every kind,
   * every white space of {@code \\s} and others, punctuation, symbols and characters outside the
   * BMP (paired and lone surrogates).
   */
  @Test
  void joinedAcrossSplitEqualsTheRegularExpressions() {
    Pattern spacedGap = Pattern.compile("[^\\p{L}\\p{N}]*\\s[^\\p{L}\\p{N}]*");
    Pattern gap = Pattern.compile("[^\\p{L}\\p{N}]+");
    Pattern splitting =
        Pattern.compile("[()\\[\\]{}<>,;:.!?\"\u201C\u201D\u2018\u2013\u2014\u2026|]");
    String[] alphabet = {
      "a",
      "Z",
      "\u00e9",
      "\u01c5",
      "\u02b0",
      "\u05d0",
      "7",
      "\u0663",
      "\u2167",
      "\u00b2",
      " ",
      "\t",
      "\n",
      "\u000B",
      "\f",
      "\r",
      "\u00a0",
      "\u2003",
      "(",
      ")",
      ",",
      ".",
      "-",
      "/",
      "'",
      "\u2013",
      "\u2026",
      "|",
      "\"",
      "+",
      "$",
      "_",
      "\ud835\udc9c",
      "\ud83d\ude00",
      "\ud835",
      "\udc9c"
    };
    Random random = new Random(42);
    int split = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int c = random.nextInt(12); c >= 0; c--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      Matcher m = spacedGap.matcher(s);
      if (!m.find()) {
        m = gap.matcher(s);
      }
      String expected =
          !m.find(0) || !splitting.matcher(m.group()).find()
              ? s
              : s.substring(0, m.start()) + " " + s.substring(m.end());
      assertEquals(expected, TermVectors.joinedAcrossSplit(s), s);
      if (!expected.equals(s)) {
        split++;
      }
    }
    assertTrue(split > 50_000, split + " surfaces split");
  }

  @Test
  void displayFormIsTheMostFrequentSurfaceForm() {
    List<Paper> papers =
        List.of(
            PAPERS.get(0),
            PAPERS.get(1),
            paper("d", "Post-training pruning", "Pruning after training."));
    TermVectors tv = TermVectors.build(papers, TextOptions.DEFAULTS.withMinDf(1), 1);
    int t = tv.termId("post train").orElseThrow();
    assertEquals("post-training", tv.display(t)); // twice "post-training", once "post training"
    TermVectors tie = TermVectors.build(PAPERS, TextOptions.DEFAULTS.withMinDf(1), 1);
    assertEquals(
        "post training",
        tie.display(tie.termId("post train").orElseThrow())); // once each: the alphabetically first
    assertEquals("quantization", tv.display(tv.termId("quantiz").orElseThrow()));
    assertEquals(3, tv.docFrequency(t));
  }

  @Test
  void titleOccurrencesCountTitleBoostTimes() {
    TermVectors tv =
        TermVectors.build(PAPERS, TextOptions.DEFAULTS.withMinDf(1).withTitleBoost(3), 1);
    assertEquals(3.0 + 1.0, tv.termCounts(0).get("quantiz"), 1e-9); // title once, "quantize" once
    assertEquals(3.0, tv.termCounts(0).get("post train"), 1e-9);
    // iterated in term order, as the labeller's sums expect
    List<String> keys = new ArrayList<>(tv.termCounts(0).keySet());
    List<String> sorted = new ArrayList<>(keys);
    Collections.sort(sorted);
    assertEquals(sorted, keys);
    assertTrue(keys.size() > 3);
  }

  @Test
  void rowsHaveUnitLength() {
    for (TextOptions.Weighting w : TextOptions.Weighting.values()) {
      TermVectors tv =
          TermVectors.build(PAPERS, TextOptions.DEFAULTS.withMinDf(1).withWeighting(w), 1);
      for (int d = 0; d < tv.size(); d++) {
        assertEquals(1.0, tv.cosine(d, d), 1e-6, w + " row " + d);
      }
    }
  }

  @Test
  void rejectsInvalidOptionsNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TextOptions.DEFAULTS.withMinDf(0));
    assertEquals("minDf must be at least 1: 0", e.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TextOptions.DEFAULTS.withBm25(1.2, 1.5))
            .getMessage()
            .contains("bm25B"));
  }

  /**
   * Vectors whose postings a build released show every term as vectors that kept them (display
   * forms read each term's first papers, kept apart), and give back the same postings when read
   * again.
   */
  @Test
  void releasedPostingsShowTheSameFormsAndAreMadeAgainTheSame() {
    List<Paper> papers = Seeds.corpus().papers();
    TermVectors kept = TermVectors.build(papers, TextOptions.DEFAULTS, 2);
    TermVectors released = TermVectors.build(papers, TextOptions.DEFAULTS, 2);
    int[] all = Saved.allTerms(kept);
    // not vacuous: some terms are held by more papers than display forms read
    assertTrue(
        IntStream.of(all).anyMatch(t -> kept.postingEnd(t) - kept.postingStart(t) > 25),
        "no term is held by more than 25 papers");
    released.releasePostings();
    assertEquals(kept.displayForms(all, 2), released.displayForms(all, 2));
    int postings = kept.postingEnd(all.length - 1);
    assertTrue(postings > 0);
    for (int p = 0; p < postings; p++) {
      assertEquals(kept.postingDoc(p), released.postingDoc(p), "doc at " + p);
      assertEquals(kept.postingWeight(p), released.postingWeight(p), "weight at " + p);
    }
  }

  /**
   * The display forms read from the analysis pass's occurrences are those of analysing every
   * paper's readable text again (what vectors restored from a workspace do): on the seeds and on
   * texts with white space to collapse, markup, a text longer than the occurrences can address.
   */
  @Test
  void displayFormsFromTheAnalysisPassEqualThoseOfAnalysingTheReadableText() {
    List<Paper> papers = new ArrayList<>(Seeds.corpus().papers());
    papers.add(
        paper(
            "ws",
            "  Post-training\tquantization  of  Transformers ",
            "Post\n\ntraining   quantization,\r\nagain: post-training quantization's gains."));
    papers.add(
        paper(
            "markup",
            "Post-<i>training</i> quantization",
            "Quantization &amp; post-training $x$ of \\emph{transformers}."));
    papers.add(paper("long", "Post-training quantization", "quantization ".repeat(90_000)));
    // cleaned texts whose readable text meets the same tokens (kept) and some that may not
    papers.add(
        paper(
            "kept",
            "Post-training quantization of $n$-bit transformers",
            "Post-training ($k=4$) quantization of \\textbf{Transformers} at $x$.\nGains: post"
                + " training [\\cite{a}] quantization, again $y$; see https://example.org/q ."));
    papers.add(
        paper(
            "joined",
            "Post($x$)training quantization",
            "Quantization ( ) training post$$y$$-training q $z$.training, e $u$\u0301x &lt;b&gt;"));
    papers.add(
        paper(
            "brackets",
            "Quantization (see $x$) post-training",
            "Post-training quantization$x$, quantization (\\ref{x}) post ( $t$ ) training."));
    TermVectors built = TermVectors.build(papers, TextOptions.DEFAULTS, 2);
    int[] all = Saved.allTerms(built);
    TermVectors restored = Saved.of(built).restore(papers, null);
    assertEquals(restored.displayForms(all, 2), built.displayForms(all, 2));
    // not vacuous: most fields were read from the occurrences, some analysed again
    int kept = 0, again = 0;
    for (int d = 0; d < built.size(); d++) {
      for (int f : new int[] {Occurrences.TITLE, Occurrences.ABSTRACT}) {
        if (built.occurrences().has(d, f)) {
          kept++;
        } else {
          again++;
        }
        assertFalse(restored.occurrences().has(d, f));
      }
    }
    assertTrue(kept > 500 && again >= 3, kept + " fields kept, " + again + " analysed again");
    int ws = papers.size() - 6;
    assertTrue(built.occurrences().has(ws, Occurrences.ABSTRACT));
    assertFalse(built.occurrences().inReadable(ws, Occurrences.ABSTRACT));
    // markup: kept at places in the readable text; an entity decoded into one that the chain
    // would clean again ("&amp;" into "&"): not kept
    assertTrue(built.occurrences().inReadable(ws + 1, Occurrences.TITLE));
    assertFalse(built.occurrences().has(ws + 1, Occurrences.ABSTRACT));
    assertFalse(built.occurrences().has(ws + 2, Occurrences.ABSTRACT));
    assertTrue(built.occurrences().inReadable(ws + 3, Occurrences.TITLE));
    assertTrue(built.occurrences().inReadable(ws + 3, Occurrences.ABSTRACT));
    // removed text joining two words, a mark after removed text, an entity the chain would decode
    assertFalse(built.occurrences().has(ws + 4, Occurrences.TITLE));
    assertFalse(built.occurrences().has(ws + 4, Occurrences.ABSTRACT));
    assertTrue(built.occurrences().inReadable(ws + 5, Occurrences.TITLE));
    assertEquals(
        "post-training", built.display(built.termId("post train").orElseThrow()), "seeds' form");
  }

  /**
   * Vectors restored with the occurrences the analysis pass kept read them as the built vectors do:
   * the same fields kept, the same occurrences, the same display forms of every term; an occurrence
   * beyond its paper's text is refused.
   */
  @Test
  void vectorsRestoredWithTheKeptOccurrencesShowTheTermsAsTheBuiltOnes() {
    List<Paper> papers = new ArrayList<>(Seeds.corpus().papers());
    papers.add(
        paper(
            "markup",
            "Post-<i>training</i> quantization",
            "Quantization &amp; post-training $x$ of \\emph{transformers}."));
    TermVectors built = TermVectors.build(papers, TextOptions.DEFAULTS, 2);
    int n = built.size();
    int[] all = Saved.allTerms(built);
    Saved saved = Saved.of(built);
    TermVectors restored = saved.restore(papers, saved.occurrences());
    int kept = 0;
    for (int d = 0; d < n; d++) {
      assertArrayEquals(built.keptOccurrences(d), restored.keptOccurrences(d));
      for (int f : new int[] {Occurrences.TITLE, Occurrences.ABSTRACT}) {
        // the places in readable texts are not saved
        assertEquals(
            built.occurrences().has(d, f) && !built.occurrences().inReadable(d, f),
            restored.occurrences().has(d, f));
        kept += restored.occurrences().has(d, f) ? 1 : 0;
      }
    }
    assertTrue(kept > 500, kept + " fields kept");
    assertFalse(restored.occurrences().has(n - 1, Occurrences.TITLE), "markup analysed again");
    assertEquals(built.displayForms(all, 2), restored.displayForms(all, 2));

    long[][] beyond = saved.occurrences().clone();
    int d = 0;
    while (beyond[d].length == 0) {
      d++;
    }
    long last = beyond[d][beyond[d].length - 1];
    beyond[d] = beyond[d].clone();
    long startBits = ((1L << 20) - 1) << 11;
    // the last occurrence moved to the largest start an occurrence can have, past any seed's text
    beyond[d][beyond[d].length - 1] = (last & ~startBits) | startBits;
    assertThrows(IllegalArgumentException.class, () -> saved.restore(papers, beyond));
  }

  /** The arrays of built vectors, as a workspace saves them. */
  private record Saved(
      String[] terms,
      int[] df,
      int[] starts,
      int[] ids,
      float[] counts,
      float[] weights,
      long[][] occurrences,
      byte[] fields) {

    static Saved of(TermVectors v) {
      int n = v.size();
      int nnz = v.end(n - 1);
      Saved s =
          new Saved(
              new String[v.vocabularySize()],
              new int[v.vocabularySize()],
              new int[n + 1],
              new int[nnz],
              new float[nnz],
              new float[nnz],
              new long[n][],
              new byte[n]);
      for (int t = 0; t < s.terms.length; t++) {
        s.terms[t] = v.term(t);
        s.df[t] = v.docFrequency(t);
      }
      for (int d = 0; d < n; d++) {
        s.starts[d + 1] = v.end(d);
        for (int p = v.start(d); p < v.end(d); p++) {
          s.ids[p] = v.termAt(p);
          s.counts[p] = v.countAt(p);
          s.weights[p] = v.weightAt(p);
        }
        s.occurrences[d] = v.keptOccurrences(d);
        s.fields[d] = v.keptOccurrenceFields(d);
      }
      return s;
    }

    static int[] allTerms(TermVectors v) {
      return IntStream.range(0, v.vocabularySize()).toArray();
    }

    /** The vectors restored, with these occurrences ({@code null}: none kept). */
    TermVectors restore(List<Paper> papers, long[][] occ) {
      byte[] f = occ == null ? null : fields;
      return TermVectors.restore(
          papers, TextOptions.DEFAULTS, terms, df, starts, ids, counts, weights, occ, f);
    }
  }

  /**
   * The analysis pass keeps the readable text of each field that needs cleaning (what its char
   * filters read, made readable), the same text as cleaning the field again; the display forms read
   * it, and the embedding's text takes it.
   */
  @Test
  void theAnalysisKeepsTheReadableTextsOfTheFieldsThatNeedCleaning() {
    List<Paper> papers = new ArrayList<>(Seeds.corpus().papers());
    int a = papers.size();
    papers.add(paper("za", "Zorbic <b>lattices</b> at scale", "On zorbic lattices."));
    papers.add(paper("zb", "Zorbic lattices", "Zorbic lattices, see https://example.org/z."));
    papers.add(paper("zc", "More zorbic lattices", "Zorbic lattices again."));
    TermVectors cleanedHere = TermVectors.build(papers, TextOptions.DEFAULTS, 2);
    int t = cleanedHere.termId("zorbic lattic").orElseThrow();
    assertTrue(cleanedHere.occurrences().inReadable(a, Occurrences.TITLE));
    assertTrue(cleanedHere.occurrences().has(a, Occurrences.ABSTRACT));
    assertFalse(cleanedHere.occurrences().inReadable(a, Occurrences.ABSTRACT));
    assertTrue(cleanedHere.occurrences().inReadable(a + 1, Occurrences.ABSTRACT));
    assertEquals("zorbic lattices", cleanedHere.display(t));
    int[] all = new int[cleanedHere.vocabularySize()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }

    // the fields that need cleaning keep the readable text the analysis pass made, the others none
    for (int d = 0; d < papers.size(); d++) {
      Paper p = papers.get(d);
      assertEquals(
          TextCleaner.needsCleaning(p.title())
              ? Optional.of(TextCleaner.readable(p.title()))
              : Optional.empty(),
          cleanedHere.readable(d, false),
          p.title());
      assertEquals(
          p.abstractText() != null && TextCleaner.needsCleaning(p.abstractText())
              ? Optional.of(TextCleaner.readable(p.abstractText()))
              : Optional.empty(),
          cleanedHere.readable(d, true),
          p.abstractText());
    }
    assertEquals(Optional.of("Zorbic lattices at scale"), cleanedHere.readable(a, false));
    assertEquals(Optional.of("Zorbic lattices, see."), cleanedHere.readable(a + 1, true));
    // many terms at once (their places found in a table) as one at a time (by a search)
    Map<Integer, String> forms = cleanedHere.displayForms(all, 2);
    TermVectors oneByOne = TermVectors.build(papers, TextOptions.DEFAULTS, 2);
    for (int i = 0; i < all.length; i += 7) {
      assertEquals(forms.get(all[i]), oneByOne.display(all[i]), oneByOne.term(all[i]));
    }
  }
}
