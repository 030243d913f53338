package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Broken input, reader by reader: each case asserts the one-line message (file, line or record,
 * reason), that the good records around the broken one are still read, and (through {@link
 * Fixtures#load}) that read = imported + merged + rejected.
 */
class BadInputTest {

  /** Loads text in a format and checks the rejections' messages and the titles that survived. */
  private static Corpus expect(
      Format format, String name, String content, List<String> messages, List<String> titles) {
    Corpus c = Fixtures.load(format, Fixtures.text(name, content));
    assertEquals(messages, c.report().rejections().stream().map(ImportIssue::message).toList());
    assertEquals(titles, c.papers().stream().map(Paper::title).toList());
    assertEquals(
        c.report().read(), c.report().imported() + c.report().merged() + c.report().rejected());
    return c;
  }

  private static final String AX1 =
      "{\"id\":\"2501.00001\",\"title\":\"First\",\"summary\":\"a\",\"authors\":[\"A\"],\"categories\":[\"cs.LG\"]}";
  private static final String AX3 =
      "{\"id\":\"2501.00003\",\"title\":\"Third\",\"summary\":\"c\",\"authors\":[\"C\"],\"categories\":[\"cs.CL\"]}";

  private static void arxivLine(String bad, String message) {
    expect(
        Format.ARXIV,
        "a.jsonl",
        AX1 + "\n" + bad + "\n" + AX3 + "\n",
        List.of("a.jsonl:2: " + message),
        List.of("First", "Third"));
  }

  // --- JSON formats -------------------------------------------------------------------------

  @Test
  void arxivBadJsonLine() {
    arxivLine(
        "{\"id\":\"2501.00002\",\"title\":\"Second\",",
        "unterminated JSON value: a new value starts at line 3 before it is closed");
  }

  @Test
  void arxivMissingTitle() {
    arxivLine("{\"id\":\"2501.00002\",\"summary\":\"b\"}", "arXiv 2501.00002 has no title");
  }

  @Test
  void arxivIdThatIsNoArxivId() {
    arxivLine(
        "{\"id\":\"hello world\",\"title\":\"Second\"}",
        "\"id\" is not an arXiv id: \"hello world\"");
  }

  @Test
  void arxivMissingId() {
    arxivLine("{\"title\":\"Second\"}", "record has no arXiv \"id\"");
  }

  @Test
  void arxivAuthorsOfWrongType() {
    arxivLine(
        "{\"id\":\"2501.00002\",\"title\":\"Second\",\"authors\":{\"name\":\"B\"}}",
        "field \"authors\" should be an array, found an object");
  }

  @Test
  void arxivCategoryOfWrongType() {
    arxivLine(
        "{\"id\":\"2501.00002\",\"title\":\"Second\",\"categories\":[7]}",
        "field \"categories[]\" should be text, found the number 7");
  }

  @Test
  void arxivLineThatIsNotAnObject() {
    arxivLine("[1, 2]", "record is not a JSON object but array");
  }

  @Test
  void arxivTitleOfWrongType() {
    arxivLine(
        "{\"id\":\"2501.00002\",\"title\":{\"en\":\"Second\"}}",
        "field \"title\" should be text, found an object");
  }

  private static final String OA1 =
      "{\"id\":\"https://openalex.org/W1\",\"title\":\"Work one\",\"publication_year\":2020}";
  private static final String OA3 = "{\"id\":\"https://openalex.org/W3\",\"title\":\"Work three\"}";

  private static void openalexRecord(String bad, String message) {
    expect(
        Format.OPENALEX,
        "w.json",
        "[\n" + OA1 + ",\n" + bad + ",\n" + OA3 + "\n]\n",
        List.of("w.json:3: record 2: " + message),
        List.of("Work one", "Work three"));
  }

  @Test
  void openalexInvertedIndexWithoutPositions() {
    openalexRecord(
        "{\"id\":\"W2\",\"title\":\"Two\",\"abstract_inverted_index\":{\"word\":\"zero\"}}",
        "field \"abstract_inverted_index.word\" should be an array of positions, found text \"zero\"");
  }

  @Test
  void openalexNegativeCitationCount() {
    openalexRecord(
        "{\"id\":\"W2\",\"title\":\"Two\",\"cited_by_count\":-3}",
        "field \"cited_by_count\" should be a non-negative whole number, found the number -3");
  }

  @Test
  void openalexConceptScoreThatIsNoNumber() {
    openalexRecord(
        "{\"id\":\"W2\",\"title\":\"Two\",\"concepts\":[{\"display_name\":\"X\",\"score\":\"high\"}]}",
        "field \"score\" should be a number, found text \"high\"");
  }

  @Test
  void openalexWorkWithoutTitle() {
    openalexRecord(
        "{\"id\":\"https://openalex.org/W2\",\"display_name\":null}", "work W2 has no title");
  }

  @Test
  void openalexTruncatedArrayKeepsRecordsBeforeTheBreak() {
    expect(
        Format.OPENALEX,
        "w.json",
        "[\n" + OA1 + ",\n" + OA3 + ",\n{\"id\":\"W4\",\"title\":\"Fo",
        List.of(
            "w.json:4: malformed JSON: Unexpected end-of-input: was expecting closing quote for a string value; the rest of this document could not be read"),
        List.of("Work one", "Work three"));
  }

  @Test
  void openalexContentAfterTheDocument() {
    expect(
        Format.OPENALEX,
        "w.json",
        "[\n" + OA1 + "\n]\n[]\n",
        List.of("w.json:4: unexpected content after the end of the JSON document"),
        List.of("Work one"));
  }

  @Test
  void crossrefListItemWithoutTitle() {
    expect(
        Format.CROSSREF,
        "c.json",
        "{\"message-type\":\"work-list\",\"message\":{\"items\":[\n"
            + "{\"DOI\":\"10.1/a\",\"title\":[\"A\"]},\n{\"DOI\":\"10.1/b\",\"title\":[]},\n{\"DOI\":\"10.1/c\",\"title\":[\"C\"]}]}}\n",
        List.of("c.json:3: record 2: work 10.1/b has no title"),
        List.of("A", "C"));
  }

  @Test
  void semanticScholarEmptyAbstractRecord() {
    expect(
        Format.SEMANTIC_SCHOLAR,
        "s.jsonl",
        "{\"corpusid\":1,\"title\":\"P\"}\n{\"corpusid\":1,\"abstract\":\"\"}\n",
        List.of("s.jsonl:2: abstract record for corpus id 1 has an empty abstract"),
        List.of("P"));
  }

  @Test
  void semanticScholarAnnotationSpanOutsideText() {
    expect(
        Format.SEMANTIC_SCHOLAR,
        "s.jsonl",
        "{\"corpusid\":1,\"title\":\"P\"}\n"
            + "{\"corpusid\":2,\"content\":{\"text\":\"short\",\"annotations\":{\"title\":\"[{\\\"start\\\":0,\\\"end\\\":99}]\"}}}\n",
        List.of("s.jsonl:2: annotation \"title\" span 0..99 is outside the text (5 characters)"),
        List.of("P"));
  }

  @Test
  void damagedZipArchive() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      z.putNextEntry(new ZipEntry("works.json"));
      z.write(("[" + OA1 + "]").getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(bytes.toByteArray(), 30);
    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(List.of(InputSource.ofBytes("w.zip", cut)), Format.OPENALEX));
    assertTrue(e.getMessage().startsWith("w.zip: damaged zip archive: "), e.getMessage());
  }

  // --- XML formats --------------------------------------------------------------------------

  private static String article(int pmid, String title) {
    return "<PubmedArticle><MedlineCitation><PMID>"
        + pmid
        + "</PMID><Article>"
        + (title == null ? "" : "<ArticleTitle>" + title + "</ArticleTitle>")
        + "</Article></MedlineCitation></PubmedArticle>\n";
  }

  @Test
  void pubmedArticleWithoutTitle() {
    expect(
        Format.PUBMED_XML,
        "p.xml",
        "<PubmedArticleSet>\n"
            + article(1, "One")
            + article(2, null)
            + article(3, "Three")
            + "</PubmedArticleSet>\n",
        List.of("p.xml:3: record 2: PMID 2 has no ArticleTitle"),
        List.of("One", "Three"));
  }

  @Test
  void pubmedArticleWithoutMedlineCitation() {
    expect(
        Format.PUBMED_XML,
        "p.xml",
        "<PubmedArticleSet>\n"
            + article(1, "One")
            + "<PubmedArticle><PubmedData/></PubmedArticle>\n"
            + "</PubmedArticleSet>\n",
        List.of("p.xml:3: record 2: PubmedArticle has no MedlineCitation"),
        List.of("One"));
  }

  @Test
  void pubmedXmlErrorKeepsRecordsBeforeIt() {
    expect(
        Format.PUBMED_XML,
        "p.xml",
        "<PubmedArticleSet>\n"
            + article(1, "One")
            + article(2, "Two")
            + "<PubmedArticle><MedlineCitation><PMID>3</PMID></Article>\n</PubmedArticleSet>\n",
        List.of(
            "p.xml:4: XML error: The element type \"MedlineCitation\" must be terminated by the matching end-tag \"</MedlineCitation>\".; the rest of this file could not be read"),
        List.of("One", "Two"));
  }

  @Test
  void jatsArticleWithoutArticleMeta() {
    expect(
        Format.JATS,
        "j.xml",
        "<pmc-articleset>\n<article><front><article-meta><title-group><article-title>A</article-title></title-group></article-meta></front></article>\n"
            + "<article><front/></article>\n</pmc-articleset>\n",
        List.of("j.xml:3: record 2: article has no front/article-meta"),
        List.of("A"));
  }

  @Test
  void jatsThatIsNotXmlAtAll() {
    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(List.of(Fixtures.text("j.xml", "this is not xml")), Format.JATS));
    assertTrue(
        e.getMessage().startsWith("j.xml: not JATS XML: not well-formed XML"), e.getMessage());
  }

  @Test
  void pubmedForcedOnOtherXml() {
    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(
                        List.of(Fixtures.text("x.html", "<html><body>hi</body></html>")),
                        Format.PUBMED_XML));
    assertEquals(
        "x.html: not PubMed XML: the document <html> has no MedlineCitation/PubmedArticle records",
        e.getMessage());
  }

  // --- BibTeX -------------------------------------------------------------------------------

  @Test
  void bibtexUnterminatedEntryBeforeAGoodOne() {
    expect(
        Format.BIBTEX,
        "b.bib",
        "@article{a, title={A}}\n@article{b, title={B},\n  year=2000,\n@article{c, title={C}}\n",
        List.of(
            "b.bib:2: unterminated @article entry: a new entry starts at line 4 before its closing '}'"),
        List.of("A", "C"));
  }

  @Test
  void bibtexUnterminatedEntryAtEndOfFile() {
    expect(
        Format.BIBTEX,
        "b.bib",
        "@article{a, title={A}}\n@article{b, title={B\n",
        List.of("b.bib:2: unterminated @article entry: end of file before its closing '}'"),
        List.of("A"));
  }

  @Test
  void bibtexSyntaxErrorInOneEntry() {
    expect(
        Format.BIBTEX,
        "b.bib",
        "@article{a, title={A}}\n@article{b,\n title={B}\n year=2000}\n@article{c, title={C}}\n",
        List.of("b.bib:4: BibTeX syntax error: Encountered unexpected token: \"year\" <NAME>"),
        List.of("A", "C"));
  }

  @Test
  void bibtexEntryWithoutTitle() {
    expect(
        Format.BIBTEX,
        "b.bib",
        "@article{a, title={A}}\n@book{b, author={X}}\n@article{c, title={C}}\n",
        List.of("b.bib:2: @book entry b has no title"),
        List.of("A", "C"));
  }

  // --- tagged exports -----------------------------------------------------------------------

  @Test
  void risRecordWithoutEndLine() {
    expect(
        Format.RIS,
        "r.ris",
        "TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nTI  - B\nTY  - JOUR\nTI  - C\nER  - \n",
        List.of("r.ris:4: truncated RIS record: no ER line before the next TY at line 6"),
        List.of("A", "C"));
  }

  @Test
  void risRecordCutAtEndOfFile() {
    expect(
        Format.RIS,
        "r.ris",
        "TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nTI  - B\n",
        List.of("r.ris:4: truncated RIS record: end of file before its ER line"),
        List.of("A"));
  }

  @Test
  void risRecordWithoutTitle() {
    expect(
        Format.RIS,
        "r.ris",
        "TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nPY  - 2001\nER  - \nTY  - JOUR\nTI  - C\nER  - \n",
        List.of("r.ris:4: RIS record has no title"),
        List.of("A", "C"));
  }

  @Test
  void medlineRecordWithoutTitle() {
    expect(
        Format.MEDLINE_TEXT,
        "m.txt",
        "PMID- 1\nTI  - One\n\nPMID- 2\nAB  - only an abstract\n\nPMID- 3\nTI  - Three\n",
        List.of("m.txt:4: MEDLINE text record has no title (PMID 2)"),
        List.of("One", "Three"));
  }

  @Test
  void wosRecordCutAtEndOfFile() {
    expect(
        Format.WOS,
        "w.txt",
        "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI One\nER\n\nPT J\nTI Two\n",
        List.of(
            "w.txt:7: truncated Web of Science tagged text record: end of file before its ER line"),
        List.of("One"));
  }

  // --- CSV ----------------------------------------------------------------------------------

  @Test
  void csvRowWithTooManyFields() {
    expect(
        Format.CSV,
        "t.csv",
        "title,year\nA,2001\nB,2002,extra\nC,2003\n",
        List.of("t.csv:3: row has 3 fields, the header 2"),
        List.of("A", "C"));
  }

  @Test
  void csvRowWithoutTitle() {
    expect(
        Format.CSV,
        "t.csv",
        "title,year\nA,2001\n,2002\nC,2003\n",
        List.of("t.csv:3: row has no title (column \"title\" is empty)"),
        List.of("A", "C"));
  }

  @Test
  void csvYearThatIsNoYear() {
    expect(
        Format.CSV,
        "t.csv",
        "title,year\nA,2001\nB,n.d.\nC,2003\n",
        List.of("t.csv:3: year \"n.d.\" is not a year"),
        List.of("A", "C"));
  }

  @Test
  void csvUnterminatedQuote() {
    expect(
        Format.CSV,
        "t.csv",
        "title,abstract\nA,x\nB,\"never closed\nC,y\n",
        List.of(
            "t.csv:3: unclosed quote: the quoted field runs into line 4 and does not end as a field there;"
                + " this row is rejected, the lines after it are read"),
        List.of("A", "C"));
  }

  @Test
  void csvWithoutTitleColumn() {
    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(List.of(Fixtures.text("t.csv", "name,year\nA,2001\n")), Format.CSV));
    assertEquals(
        "t.csv: no title column in the header [name, year] (name it with a column mapping, e.g. title=<column>)",
        e.getMessage());
  }

  // --- formats ------------------------------------------------------------------------------

  @Test
  void wrongFormatGivenFailsWithOneLine() {
    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(
                        List.of(Fixtures.text("refs.bib", "@article{a, title={A}}\n")),
                        Format.OPENALEX));
    assertEquals("refs.bib: not JSON: the content starts with '@'", e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void unknownFormatFailsWithOneLine() {
    CorpusFormatException e =
        assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(
                        List.of(Fixtures.text("page.html", "<html><body>hi</body></html>")), null));
    assertEquals(
        "page.html: unknown format: not a format papergraph reads (try --format)", e.getMessage());
  }

  @Test
  void unknownFormatName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Format.require("endnote-xml"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "unknown format \"endnote-xml\"; formats are: hf, json, jsonl, openalex, arxiv, s2,"),
        e.getMessage());
  }
}
