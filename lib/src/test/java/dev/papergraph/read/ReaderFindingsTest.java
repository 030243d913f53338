package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    Corpus c =
        Fixtures.load(
            Format.PAPERGRAPH_JSONL,
            Fixtures.text(
                "p.jsonl",
                "{\"id\":\"a\\tb\",\"title\":\"Tab in id\"}\n"
                    + "{\"id\":\"ok\",\"title\":\"Good\"}\n"
                    + "{\"id\":\"c\\nd\",\"title\":\"Newline in id\"}\n"));
    assertEquals(List.of("Good"), titles(c));
    assertEquals(
        List.of(
            "p.jsonl:1: id \"a?b\" holds the control character TAB",
            "p.jsonl:3: id \"c?d\" holds the control character LF (a line break)"),
        rejections(c));
  }

  @Test
  void finding4_csvPmidWithTabIsRejectedAndTitlesAreOneLine() {
    Corpus c =
        Fixtures.load(
            Format.CSV,
            Fixtures.text(
                "t.csv",
                "title,pmid\n\"Two\nlines\",\"12\t34\"\n\"Two\nlines\tand\u0007bell\",56\n"));
    assertEquals(List.of("Two lines and bell"), titles(c));
    assertEquals(List.of("t.csv:2: pmid \"12?34\" holds the control character TAB"), rejections(c));
  }

  @Test
  void finding4_abstractOverTheBoundIsRejectedWithItsLength() {
    String big = "x".repeat(Limits.MAX_ABSTRACT_CHARS + 1);
    Corpus c =
        Fixtures.load(
            Format.PAPERGRAPH_JSONL,
            Fixtures.text(
                "big.jsonl",
                "{\"title\":\"Big\",\"abstract\":\""
                    + big
                    + "\"}\n{\"title\":\"Small\",\"abstract\":\"fine\"}\n"));
    assertEquals(List.of("Small"), titles(c));
    assertEquals(
        List.of("big.jsonl:1: abstract is 1000001 characters long, over the limit of 1000000"),
        rejections(c));
  }

  @Test
  void finding4_loneSurrogatesAndNonCharactersAreRepairedInText() {
    Corpus c =
        Fixtures.load(
            Format.PAPERGRAPH_JSONL,
            Fixtures.text(
                "s.jsonl",
                "{\"title\":\"A \\ud800 B \\ufffe C\",\"abstract\":\"x\\u0000y\\nz\"}\n"));
    Paper p = c.papers().get(0);
    assertEquals("A \uFFFD B C", p.title());
    assertEquals(
        "xy\nz",
        p.abstractText(),
        () -> p.abstractText().chars().mapToObj(Integer::toHexString).toList().toString());
  }

  // ---- #18 empty normalised titles
  // ---------------------------------------------------------------

  @Test
  void finding18_titlesOfOnlyEmojiOrPunctuationNeverMerge() {
    Corpus c =
        Fixtures.load(
            Format.PAPERGRAPH_JSONL,
            Fixtures.text(
                "e.jsonl",
                "{\"title\":\"\uD83D\uDE80\uD83D\uDE80\",\"abstract\":\"first\"}\n"
                    + "{\"title\":\"!!!\",\"abstract\":\"second\"}\n"
                    + "{\"title\":\"\u2728\",\"abstract\":\"third\"}\n"));
    assertEquals(3, c.size());
    assertEquals(0, c.report().merged());
    assertEquals(
        List.of("first", "second", "third"), c.papers().stream().map(Paper::abstractText).toList());
  }

  // ---- #20 arXiv year vs DOI year
  // ------------------------------------------------------------------

  private static final String ARXIV_2020 =
      "@misc{a, title={Attention Is All You Need}, eprint={2012.00001},"
          + " archiveprefix={arXiv}, year={2020}, author={Ashish Vaswani and Noam Shazeer and Niki Parmar}}\n";

  @Test
  void finding20_titleMergeToleratesOneYearWhenAuthorsOverlap() {
    Corpus c =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "r.bib",
                ARXIV_2020
                    + "@article{b, title={Attention is all you need}, doi={10.1000/x1}, year={2021},"
                    + " author={Vaswani, A. and Shazeer, N. and Parmar, N.}}\n"));
    assertEquals(1, c.size());
    assertEquals("title", c.report().merges().get(0).matchedBy());
    assertEquals("10.1000/x1", c.papers().get(0).ids().doi());
    assertEquals("2012.00001", c.papers().get(0).ids().arxiv());
  }

  @Test
  void finding20_titleMergeToleratesOneYearWhenAbstractsAreIdentical() {
    Corpus c =
        Fixtures.load(
            Format.PAPERGRAPH_JSONL,
            Fixtures.text(
                "y.jsonl",
                "{\"title\":\"Same Paper\",\"abstract\":\"We show things.\",\"date\":\"2020\"}\n"
                    + "{\"title\":\"Same paper\",\"abstract\":\"We show  things\",\"date\":\"2021-03\"}\n"));
    assertEquals(1, c.size());
  }

  @Test
  void finding20_noEvidenceOrTwoYearsApartStaySeparate() {
    Corpus other =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "r.bib",
                ARXIV_2020
                    + "@article{b, title={Attention is all you need}, doi={10.1000/x1}, year={2021}, author={Jane Doe}}\n"));
    assertEquals(2, other.size());
    Corpus far =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "r.bib",
                ARXIV_2020
                    + "@article{b, title={Attention is all you need}, doi={10.1000/x1}, year={2022},"
                    + " author={Vaswani, A. and Shazeer, N.}}\n"));
    assertEquals(2, far.size());
  }

  // ---- #13 bounds
  // -------------------------------------------------------------------------------------

  @Test
  void finding13_bibtexBracesNested5000DeepRejectThatEntryOnly() {
    String deep = "{".repeat(5000) + "x" + "}".repeat(5000);
    Corpus c =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "d.bib",
                "@article{a, title={First}}\n@article{b, title="
                    + deep
                    + "}\n@article{c, title={Third}}\n"));
    assertEquals(List.of("First", "Third"), titles(c));
    assertEquals(
        List.of("d.bib:2: @article entry has braces nested deeper than 200"), rejections(c));
  }

  @Test
  void finding13_bibtexStringDoublingBombIsIgnoredWithAWarning() {
    StringBuilder b = new StringBuilder("@string{m0 = \"laugh laugh \"}\n");
    for (int i = 1; i <= 40; i++) {
      b.append("@string{m")
          .append(i)
          .append(" = m")
          .append(i - 1)
          .append(" # m")
          .append(i - 1)
          .append("}\n");
    }
    b.append("@article{a, title={Bomb } # m40}\n@article{b, title={Fine}}\n");
    Corpus c = Fixtures.load(Format.BIBTEX, Fixtures.text("bomb.bib", b.toString()));
    assertEquals("Fine", titles(c).get(1));
    assertTrue(
        titles(c).get(0).startsWith("Bomb m")
            && titles(c).get(0).length() < Limits.MAX_MACRO_CHARS);
    assertTrue(
        c.report().warnings().stream()
            .anyMatch(w -> w.message().contains("@string m17 would expand to")),
        c.report().toText());
  }

  // ---- #15 BibTeX parentheses and LaTeX
  // ------------------------------------------------------------------

  @Test
  void finding15_bibtexEntryInParenthesesIsRead() {
    Corpus c =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "p.bib",
                "@article(key1, title = {Graphs (and trees)}, author = \"A. Author (Jr)\", year = 2001)\n"
                    + "@article{key2, title={Second}}\n"));
    assertEquals(List.of(), rejections(c));
    assertEquals(List.of("Graphs (and trees)", "Second"), titles(c));
    assertEquals(List.of("A. Author (Jr)"), c.papers().get(0).authors());
  }

  @Test
  void finding15_mathOrCommentCharacterLeavesTheRestConverted() {
    Corpus c =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "l.bib",
                "@article{k, title={\\\"Uber die \\\"Ahnlichkeit von $\\alpha$-Graphen, 50% mehr, \\emph{B\\\"aume}}}\n"));
    assertEquals(List.of("Über die Ähnlichkeit von α-Graphen, 50% mehr, Bäume"), titles(c));
  }

  @Test
  void finding15_unknownLatexMacroLeavesTheRestConverted() {
    Corpus c =
        Fixtures.load(
            Format.BIBTEX,
            Fixtures.text(
                "l.bib",
                "@article{k, title={\\\"Uber die \\\"Ahnlichkeit von \\foo{Graphen} und B\\\"aumen}}\n"));
    assertEquals(List.of("Über die Ähnlichkeit von Graphen und Bäumen"), titles(c));
  }

  // ---- #10 #11 JSON framing
  // -------------------------------------------------------------------------

  private static String arxivLine(int i) {
    return "{\"id\":\"2501."
        + String.format("%05d", i)
        + "\",\"title\":\"Paper "
        + i
        + "\",\"summary\":\"s\",\"categories\":\"cs.LG\",\"authors_parsed\":[[\"A\",\"B\",\"\"]]}";
  }

  @Test
  void finding10_malformedFirstJsonLineCostsOnlyThatLine() {
    StringBuilder b = new StringBuilder("{\"id\":\"2501.00000\",\"title\":\"Broken\",\n");
    for (int i = 1; i <= 50; i++) {
      b.append(arxivLine(i)).append('\n');
    }
    b.append("{\"id\": oops}\n").append(arxivLine(51)).append('\n');
    Corpus c = Fixtures.load(Format.ARXIV, Fixtures.text("a.jsonl", b.toString()));
    assertEquals(51, c.size());
    assertEquals(2, c.report().rejected());
    assertTrue(
        rejections(c)
            .get(0)
            .startsWith("a.jsonl:1: unterminated JSON value: a new value starts at line 2"),
        rejections(c).toString());
    assertTrue(
        rejections(c).get(1).startsWith("a.jsonl:52: malformed JSON"), rejections(c).toString());
  }

  @Test
  void finding10_malformedFirstLineIsDetectedAsTheFormatOfTheRest() throws Exception {
    StringBuilder b = new StringBuilder("{oops\n");
    for (int i = 1; i <= 5; i++) {
      b.append(arxivLine(i)).append('\n');
    }
    Corpus c = Fixtures.load(null, Fixtures.text("a.jsonl", b.toString()));
    assertEquals(5, c.size());
    assertEquals(1, c.report().rejected());
  }

  @Test
  void finding11_concatenatedPrettyPrintedObjectsAreAllRead() {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      b.append("{\n  \"id\": \"2501.")
          .append(String.format("%05d", i))
          .append("\",\n  \"title\": \"Paper ")
          .append(i)
          .append(
              "\",\n  \"categories\": \"cs.LG\",\n  \"authors_parsed\": [\n    [\"A\", \"B\", \"\"]\n  ]\n}\n");
    }
    Corpus c = Fixtures.load(null, Fixtures.text("jq.json", b.toString()));
    assertEquals(50, c.size());
    assertEquals(50, c.report().read());
    assertEquals("arxiv", c.report().files().get(0).format());
  }

  @Test
  void finding11_brokenPrettyPrintedObjectIsRejectedAndTheNextRead() {
    String good =
        "{\n  \"id\": \"2501.00001\",\n  \"title\": \"One\",\n  \"categories\": \"cs.LG\"\n}\n";
    String cut = "{\n  \"id\": \"2501.00002\",\n  \"title\": \"Two\",\n";
    String last =
        "{\n  \"id\": \"2501.00003\",\n  \"title\": \"Three\",\n  \"categories\": \"cs.LG\"\n}\n";
    Corpus c = Fixtures.load(Format.ARXIV, Fixtures.text("jq.json", good + cut + last));
    assertEquals(List.of("One", "Three"), titles(c));
    assertEquals(
        List.of(
            "jq.json:6: unterminated JSON value: a new value starts at line 9 before it is closed"),
        rejections(c));
  }

  // ---- #12 UTF-16/32 with BOM
  // -------------------------------------------------------------------------

  @Test
  void finding12_utf16AndUtf32WithBomAreDecodedByTheirMark() throws Exception {
    String jsonl = arxivLine(1) + "\n" + arxivLine(2) + "\n";
    for (String cs : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-8")) {
      byte[] body = ("\uFEFF" + jsonl).getBytes(Charset.forName(cs));
      Corpus c = Fixtures.load(null, InputSource.ofBytes("u.jsonl", body));
      assertEquals(List.of("Paper 1", "Paper 2"), titles(c), cs);
    }
    String listing =
        "Daily Papers\n\nA Title Of A Paper\n\n" + "Words of an abstract. ".repeat(10) + "\n";
    Corpus c =
        Fixtures.load(
            Format.HF_LISTING,
            InputSource.ofBytes("l.txt", ("\uFEFF" + listing).getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(List.of("A Title Of A Paper"), titles(c));
  }

  // ---- #8 #17 #19 folders, links, inputs given twice
  // -----------------------------------------------

  private static final String LISTING =
      "Daily Papers\n\nA Title Of A Paper\n\n" + "Words of an abstract. ".repeat(10) + "\n";

  private static Corpus loadAll(List<InputSource> sources) throws IOException {
    Corpus c = Readers.standard().load(sources, null);
    ImportReport r = c.report();
    assertEquals(r.read(), r.imported() + r.merged() + r.rejected());
    return c;
  }

  private static List<String> skipped(Corpus c) {
    return c.report().skipped().stream().map(ImportReport.Skipped::message).toList();
  }

  @Test
  void finding8_folderInputSkipsNonCorpusFilesAndReportsThem(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("LICENSE"),
        "MIT License\n\nCopyright (c) 2024 Someone\n\n"
            + "Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n");
    Files.writeString(
        dir.resolve("README.md"), "# Corpus\n\nSome notes about the corpus files here.\n");
    Files.writeString(dir.resolve("config.yaml"), "name: corpus\nversion: 2\n");
    Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2, 3, 0, 0});
    Files.writeString(dir.resolve("papers.jsonl"), arxivLine(1) + "\n" + arxivLine(2) + "\n");
    Files.writeString(dir.resolve("page.txt"), LISTING);
    Corpus c = loadAll(InputFiles.folder(dir));
    assertEquals(List.of("A Title Of A Paper", "Paper 1", "Paper 2"), titles(c));
    String d = dir.toString() + File.separator;
    assertEquals(
        List.of(
            d + "LICENSE: not a format papergraph reads",
            d + "README.md: not a format papergraph reads",
            d + "blob.bin: not a format papergraph reads",
            d + "config.yaml: not a format papergraph reads"),
        skipped(c));
    assertTrue(
        c.report()
            .toText()
            .contains("  skipped " + d + "README.md: not a format papergraph reads"));
  }

  @Test
  void finding8_namedFileOfNoFormatStillFailsWithOneLine(@TempDir Path dir) throws Exception {
    Path readme = Files.writeString(dir.resolve("README.md"), "# Notes\n\nText.\n");
    CorpusFormatException e =
        Assertions.assertThrows(
            CorpusFormatException.class, () -> loadAll(List.of(InputSource.of(readme))));
    assertEquals(
        readme + ": unknown format: not a format papergraph reads (try --format)", e.getMessage());
  }

  @Test
  void finding17_symlinkedSubfolderIsFollowedAndALoopIsReported(@TempDir Path dir)
      throws Exception {
    Path real = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(real.resolve("more.jsonl"), arxivLine(3) + "\n");
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("a.jsonl"), arxivLine(1) + "\n");
    Files.createSymbolicLink(in.resolve("linked"), real);
    Files.createSymbolicLink(in.resolve("loop"), in);
    Corpus c = loadAll(InputFiles.folder(in));
    assertEquals(List.of("Paper 1", "Paper 3"), titles(c));
    assertEquals(
        List.of(
            in.resolve("loop")
                + ": symbolic link loop: it leads back into a folder being read; not followed"),
        skipped(c));
  }

  @Test
  void finding19_sameInputTwiceIsReadOnce(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.jsonl"), arxivLine(1) + "\n");
    Path b = Files.writeString(dir.resolve("b.txt"), LISTING);
    Path copy = Files.writeString(dir.resolve("copy.jsonl"), arxivLine(1) + "\n");
    Corpus c =
        loadAll(
            List.of(
                InputSource.of(a),
                InputSource.of(dir.resolve(".").resolve("a.jsonl")),
                InputSource.of(b),
                InputSource.of(copy)));
    assertEquals(2, c.report().read());
    assertEquals(
        List.of(a + ": arxiv", b + ": hf"),
        c.report().files().stream().map(f -> f.file() + ": " + f.format()).toList());
    assertEquals(
        List.of(
            dir.resolve(".").resolve("a.jsonl") + ": the same content as " + a + ": read once",
            copy + ": the same content as " + a + ": read once"),
        skipped(c));
  }

  // ---- #9 zip entries
  // ------------------------------------------------------------------------------------

  private static byte[] zip(String... nameAndContent) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (int i = 0; i < nameAndContent.length; i += 2) {
        z.putNextEntry(new ZipEntry(nameAndContent[i]));
        z.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static final String WORK =
      "[{\"id\":\"https://openalex.org/W1\",\"title\":\"Work One\","
          + "\"publication_year\":2020,\"authorships\":[]}]";

  @Test
  void finding9_zipReadmeAndEmptyEntriesAreSkippedAndTheJsonRead() throws Exception {
    byte[] z =
        zip("0-empty.txt", "", "1-README.md", "# About\n\nThese are works.\n", "works.json", WORK);
    Corpus c = loadAll(List.of(InputSource.ofBytes("w.zip", z)));
    assertEquals(List.of("Work One"), titles(c));
    assertEquals(
        List.of(
            "w.zip!/0-empty.txt: empty zip entry",
            "w.zip!/1-README.md: not a format papergraph reads"),
        skipped(c));
    assertEquals("openalex", c.report().files().get(0).format());
  }

  @Test
  void finding9_zipWithForcedFormatSkipsEntriesOfOtherKinds() throws Exception {
    byte[] z =
        zip(
            "README.md",
            "# About\n\nThese are works.\n",
            "works.json",
            WORK,
            "x.bib",
            "@article{k, title={T}}\n");
    Corpus c = Readers.standard().load(List.of(InputSource.ofBytes("w.zip", z)), Format.OPENALEX);
    assertEquals(List.of("Work One"), titles(c));
    assertEquals(
        List.of(
            "w.zip!/README.md: not JSON: the content starts with '#'",
            "w.zip!/x.bib: is BibTeX/BibLaTeX, not OpenAlex works"),
        skipped(c));
  }

  // ---- #26 truncated gzip
  // ----------------------------------------------------------------------------------

  @Test
  void finding26_truncatedGzipAmongSeveralInputsIsNamed() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 1; i <= 2000; i++) {
        gz.write((arxivLine(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = bytes.toByteArray();
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    CorpusFormatException e =
        Assertions.assertThrows(
            CorpusFormatException.class,
            () ->
                loadAll(
                    List.of(
                        InputSource.ofBytes("good.jsonl.gz", whole),
                        InputSource.ofBytes("cut.jsonl.gz", cut))));
    assertEquals(
        "cut.jsonl.gz: truncated gzip: the file ends before its compressed data does",
        e.getMessage());
  }

  @Test
  void finding13_gzipBombIsRefusedNamingTheFile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        gz.write(zeros);
      }
    }
    CorpusFormatException e =
        Assertions.assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(
                        List.of(InputSource.ofBytes("zeros.gz", bytes.toByteArray())),
                        Format.HF_LISTING));
    assertEquals(
        "zeros.gz: gzip unpacks to over 200 times its size (a decompression bomb, e.g. a file of zeros): not read",
        e.getMessage());
  }

  @Test
  void finding13_lineWithoutEndIsBoundedNotAnOutOfMemoryError() throws Exception {
    char[] x = new char[Limits.MAX_RECORD_CHARS + 10];
    Arrays.fill(x, 'x');
    Corpus c =
        Fixtures.load(
            Format.PAPERGRAPH_JSONL,
            Fixtures.text("long.jsonl", new String(x) + "\n" + "{\"title\":\"After\"}\n"));
    assertEquals(List.of("After"), titles(c));
    assertEquals(
        List.of("long.jsonl:1: line is over 16777216 characters long, the limit of one record"),
        rejections(c));
  }

  @Test
  void finding13_hugeKIsRefusedNamingTheValue() {
    IllegalArgumentException e =
        Assertions.assertThrows(
            IllegalArgumentException.class, () -> EngineOptions.defaults().withK(2147483647));
    assertEquals("k must be at most 1000: 2147483647", e.getMessage());
  }

  // ---- #16 #13 XML
  // --------------------------------------------------------------------------------------

  private static String pubmed(int pmid, String title) {
    return "<PubmedArticle><MedlineCitation><PMID>"
        + pmid
        + "</PMID><Article><ArticleTitle>"
        + title
        + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n";
  }

  @Test
  void finding16_undeclaredEntityInPubmedXmlRejectsThatRecordOnly() {
    Corpus c =
        Fixtures.load(
            Format.PUBMED_XML,
            Fixtures.text(
                "p.xml",
                "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
                    + pubmed(1, "First")
                    + pubmed(2, "Bad &eacute; entity")
                    + pubmed(3, "Third &amp; &#233;")
                    + "</PubmedArticleSet>\n"));
    assertEquals(List.of("First", "Third & é"), titles(c), () -> rejections(c).toString());
    assertEquals(
        List.of("p.xml:4: record 2: undeclared entity &eacute; (no DTD is read)"), rejections(c));
  }

  @Test
  void finding13_xmlNested10000DeepRejectsThatRecordOnly() {
    String deep = "<i>".repeat(10_000) + "x" + "</i>".repeat(10_000);
    Corpus c =
        Fixtures.load(
            Format.PUBMED_XML,
            Fixtures.text(
                "d.xml",
                "<PubmedArticleSet>\n"
                    + pubmed(1, "First")
                    + pubmed(2, deep)
                    + pubmed(3, "Third")
                    + "</PubmedArticleSet>\n"));
    assertEquals(List.of("First", "Third"), titles(c));
    assertEquals(List.of("d.xml:3: record 2: elements nested deeper than 200"), rejections(c));
  }

  // ---- #14 CSV unclosed quote
  // -------------------------------------------------------------------------

  @Test
  void finding14_csvUnclosedQuoteDoesNotSwallowTheNextRow() {
    Corpus c =
        Fixtures.load(
            Format.CSV,
            Fixtures.text(
                "q.csv",
                "id,title,abstract\n"
                    + "1,\"Unclosed title,first abstract\n"
                    + "2,\"Second\",second abstract\n"
                    + "3,Third,\"multi\nline abstract, kept\"\n"
                    + "4,Fourth,\"never closed\n"
                    + "5,Fifth,fifth\n"));
    assertEquals(List.of("Second", "Third", "Fifth"), titles(c));
    assertEquals("multi\nline abstract, kept", c.papers().get(1).abstractText());
    assertEquals(
        List.of(
            "q.csv:2: unclosed quote: the quoted field runs into line 3 and does not end as a field there;"
                + " this row is rejected, the lines after it are read",
            "q.csv:6: unclosed quote: the quoted field runs into line 7 and does not end as a field there;"
                + " this row is rejected, the lines after it are read"),
        rejections(c));
  }

  // ---- fuzzing findings (Jazzer), kept as regression tests
  // --------------------------------------------

  @Test
  void fuzzFinding_gzipMagicWithoutHeaderIsAFormatErrorNamingTheFile() {
    CorpusFormatException e =
        Assertions.assertThrows(
            CorpusFormatException.class,
            () ->
                Readers.standard()
                    .load(
                        List.of(InputSource.ofBytes("g.jsonl", new byte[] {0x1f, (byte) 0x8b, 8})),
                        Format.PAPERGRAPH_JSONL));
    assertEquals("g.jsonl: truncated gzip: the file ends inside its header", e.getMessage());
  }
}
