package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's reader findings, one test each, named after the finding. Every load goes through
 * {@link Fixtures#load}, which checks read = imported + merged + rejected.
 */
class ReaderFindingsTest {

  private static List<String> titles(Corpus c) {
    return c.papers().stream().map(Paper::title).toList();
  }

  private static List<String> rejections(Corpus c) {
    return c.report().rejections().stream().map(ImportIssue::message).toList();
  }

  // ---- #4 ids with control characters, over-long fields ----------------------------------------

  @Test
  void finding4_idWithTabOrNewlineIsRejectedAtTheDoor() {
    Corpus c = Fixtures.load(Format.PAPERGRAPH_JSONL, Fixtures.text("p.jsonl",
        "{\"id\":\"a\\tb\",\"title\":\"Tab in id\"}\n"
            + "{\"id\":\"ok\",\"title\":\"Good\"}\n"
            + "{\"id\":\"c\\nd\",\"title\":\"Newline in id\"}\n"));
    assertEquals(List.of("Good"), titles(c));
    assertEquals(List.of("p.jsonl:1: id \"a?b\" holds the control character TAB",
        "p.jsonl:3: id \"c?d\" holds the control character LF (a line break)"), rejections(c));
  }

  @Test
  void finding4_csvPmidWithTabIsRejectedAndTitlesAreOneLine() {
    Corpus c = Fixtures.load(Format.CSV, Fixtures.text("t.csv",
        "title,pmid\n\"Two\nlines\",\"12\t34\"\n\"Two\nlines\tand\u0007bell\",56\n"));
    assertEquals(List.of("Two lines and bell"), titles(c));
    assertEquals(List.of("t.csv:2: pmid \"12?34\" holds the control character TAB"), rejections(c));
  }

  @Test
  void finding4_abstractOverTheBoundIsRejectedWithItsLength() {
    String big = "x".repeat(Limits.MAX_ABSTRACT_CHARS + 1);
    Corpus c = Fixtures.load(Format.PAPERGRAPH_JSONL, Fixtures.text("big.jsonl",
        "{\"title\":\"Big\",\"abstract\":\"" + big + "\"}\n{\"title\":\"Small\",\"abstract\":\"fine\"}\n"));
    assertEquals(List.of("Small"), titles(c));
    assertEquals(List.of("big.jsonl:1: abstract is 1000001 characters long, over the limit of 1000000"), rejections(c));
  }

  @Test
  void finding4_loneSurrogatesAndNonCharactersAreRepairedInText() {
    Corpus c = Fixtures.load(Format.PAPERGRAPH_JSONL, Fixtures.text("s.jsonl",
        "{\"title\":\"A \\ud800 B \\ufffe C\",\"abstract\":\"x\\u0000y\\nz\"}\n"));
    Paper p = c.papers().get(0);
    assertEquals("A \uFFFD B C", p.title());
    assertEquals("xy\nz", p.abstractText(), () -> p.abstractText().chars().mapToObj(Integer::toHexString).toList().toString());
  }

  // ---- #18 empty normalised titles ---------------------------------------------------------------

  @Test
  void finding18_titlesOfOnlyEmojiOrPunctuationNeverMerge() {
    Corpus c = Fixtures.load(Format.PAPERGRAPH_JSONL, Fixtures.text("e.jsonl",
        "{\"title\":\"\uD83D\uDE80\uD83D\uDE80\",\"abstract\":\"first\"}\n"
            + "{\"title\":\"!!!\",\"abstract\":\"second\"}\n"
            + "{\"title\":\"\u2728\",\"abstract\":\"third\"}\n"));
    assertEquals(3, c.size());
    assertEquals(0, c.report().merged());
    assertEquals(List.of("first", "second", "third"), c.papers().stream().map(Paper::abstractText).toList());
  }

  // ---- #20 arXiv year vs DOI year ------------------------------------------------------------------

  private static final String ARXIV_2020 = "@misc{a, title={Attention Is All You Need}, eprint={2012.00001},"
      + " archiveprefix={arXiv}, year={2020}, author={Ashish Vaswani and Noam Shazeer and Niki Parmar}}\n";

  @Test
  void finding20_titleMergeToleratesOneYearWhenAuthorsOverlap() {
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("r.bib", ARXIV_2020
        + "@article{b, title={Attention is all you need}, doi={10.1000/x1}, year={2021},"
        + " author={Vaswani, A. and Shazeer, N. and Parmar, N.}}\n"));
    assertEquals(1, c.size());
    assertEquals("title", c.report().merges().get(0).matchedBy());
    assertEquals("10.1000/x1", c.papers().get(0).ids().doi());
    assertEquals("2012.00001", c.papers().get(0).ids().arxiv());
  }

  @Test
  void finding20_titleMergeToleratesOneYearWhenAbstractsAreIdentical() {
    Corpus c = Fixtures.load(Format.PAPERGRAPH_JSONL, Fixtures.text("y.jsonl",
        "{\"title\":\"Same Paper\",\"abstract\":\"We show things.\",\"date\":\"2020\"}\n"
            + "{\"title\":\"Same paper\",\"abstract\":\"We show  things\",\"date\":\"2021-03\"}\n"));
    assertEquals(1, c.size());
  }

  @Test
  void finding20_noEvidenceOrTwoYearsApartStaySeparate() {
    Corpus other = Fixtures.load(Format.BIBTEX, Fixtures.text("r.bib", ARXIV_2020
        + "@article{b, title={Attention is all you need}, doi={10.1000/x1}, year={2021}, author={Jane Doe}}\n"));
    assertEquals(2, other.size());
    Corpus far = Fixtures.load(Format.BIBTEX, Fixtures.text("r.bib", ARXIV_2020
        + "@article{b, title={Attention is all you need}, doi={10.1000/x1}, year={2022},"
        + " author={Vaswani, A. and Shazeer, N.}}\n"));
    assertEquals(2, far.size());
  }

  // ---- #13 bounds -------------------------------------------------------------------------------------

  @Test
  void finding13_bibtexBracesNested5000DeepRejectThatEntryOnly() {
    String deep = "{".repeat(5000) + "x" + "}".repeat(5000);
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("d.bib",
        "@article{a, title={First}}\n@article{b, title=" + deep + "}\n@article{c, title={Third}}\n"));
    assertEquals(List.of("First", "Third"), titles(c));
    assertEquals(List.of("d.bib:2: @article entry has braces nested deeper than 200"), rejections(c));
  }

  @Test
  void finding13_bibtexStringDoublingBombIsIgnoredWithAWarning() {
    StringBuilder b = new StringBuilder("@string{m0 = \"laugh laugh \"}\n");
    for (int i = 1; i <= 40; i++) {
      b.append("@string{m").append(i).append(" = m").append(i - 1).append(" # m").append(i - 1).append("}\n");
    }
    b.append("@article{a, title={Bomb } # m40}\n@article{b, title={Fine}}\n");
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("bomb.bib", b.toString()));
    assertEquals("Fine", titles(c).get(1));
    assertTrue(titles(c).get(0).startsWith("Bomb m") && titles(c).get(0).length() < Limits.MAX_MACRO_CHARS);
    assertTrue(c.report().warnings().stream().anyMatch(w -> w.message().contains("@string m17 would expand to")),
        c.report().toText());
  }

  // ---- #15 BibTeX parentheses and LaTeX ------------------------------------------------------------------

  @Test
  void finding15_bibtexEntryInParenthesesIsRead() {
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("p.bib",
        "@article(key1, title = {Graphs (and trees)}, author = \"A. Author (Jr)\", year = 2001)\n"
            + "@article{key2, title={Second}}\n"));
    assertEquals(List.of(), rejections(c));
    assertEquals(List.of("Graphs (and trees)", "Second"), titles(c));
    assertEquals(List.of("A. Author (Jr)"), c.papers().get(0).authors());
  }

  @Test
  void finding15_mathOrCommentCharacterLeavesTheRestConverted() {
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("l.bib",
        "@article{k, title={\\\"Uber die \\\"Ahnlichkeit von $\\alpha$-Graphen, 50% mehr, \\emph{B\\\"aume}}}\n"));
    assertEquals(List.of("Über die Ähnlichkeit von α-Graphen, 50% mehr, Bäume"), titles(c));
  }

  @Test
  void finding15_unknownLatexMacroLeavesTheRestConverted() {
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("l.bib",
        "@article{k, title={\\\"Uber die \\\"Ahnlichkeit von \\foo{Graphen} und B\\\"aumen}}\n"));
    assertEquals(List.of("Über die Ähnlichkeit von Graphen und Bäumen"), titles(c));
  }
}
