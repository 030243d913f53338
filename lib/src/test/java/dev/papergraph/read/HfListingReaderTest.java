package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HfListingReaderTest {

  private static final String ABSTRACT_A =
      "We study how a model generalises when trained on one example, and we show that the effect "
          + "holds across sizes, datasets and optimisers, which suggests a simple explanation.";
  private static final String ABSTRACT_B =
      "Quantization after training reduces memory and latency; we propose a metric based on the "
          + "difference of predictions, and we show that it recovers accuracy on many networks.";

  private static Corpus read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Corpus read(byte[] bytes) {
    try {
      CorpusBuilder b = new CorpusBuilder().beginFile("page.txt", Format.HF_LISTING);
      new HfListingReader().read(InputSource.ofBytes("page.txt", bytes), b);
      Corpus c = b.build();
      ImportReport r = c.report();
      assertEquals(r.read(), r.imported() + r.merged() + r.rejected());
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String HEADER =
      "new\n\nSubscribe\n\nDaily Papers\n\nby AK and the research community\n\nNov 18\n\n";

  @Test
  void countsWordsAsSplittingOnWhiteSpaceDoes() {
    // every string of up to 6 characters over words, each \\s white space and two that are not
    char[] alphabet = {'a', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003'};
    Random random = new Random(15);
    for (int k = 0; k < 20_000; k++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(7);
      for (int i = 0; i < length; i++) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      assertEquals(s.split("\\s+").length, HfListingReader.wordCount(s), "words of [" + s + "]");
    }
  }

  @Test
  void readsTitleAbstractAuthorsAndDateWithUpvotes() {
    Corpus c =
        read(
            HEADER
                + "One Example Is Enough\n\n"
                + ABSTRACT_A
                + "\n\n  • 14 authors\n·\nApr 29 15\n");
    Paper p = c.papers().get(0);
    assertEquals("One Example Is Enough", p.title());
    assertEquals(ABSTRACT_A, p.abstractText());
    assertEquals(14, p.authorCount());
    assertEquals(PartialDate.ofMonthDay(4, 29), p.date());
    assertEquals(15, p.upvotes());
    assertEquals(1, p.provenance().get(0).record());
    assertEquals(11, p.provenance().get(0).line());
  }

  @Test
  void readsRecordsWithoutMetadataAndWithOrganisation() {
    Corpus c =
        read(
            HEADER
                + "First Title\n\n"
                + ABSTRACT_A
                + "\n\nSecond Title\n\n"
                + ABSTRACT_B
                + "\n\nfacebook AI at Meta\n·\nJan 29, 2024 1\n");
    assertEquals(2, c.size());
    assertNull(c.papers().get(0).date());
    Paper second = c.papers().get(1);
    assertEquals("facebook AI at Meta", second.organisation());
    assertEquals(PartialDate.of(2024, 1, 29), second.date());
    assertEquals(1, second.upvotes());
  }

  @Test
  void acceptsCrlfBomAndTrailingSpaces() {
    String text =
        "\uFEFF"
            + HEADER
            + "Title With Spaces   \n\n"
            + ABSTRACT_A
            + "  \n\n  • 3 authors  \n·\nJun 22, 2020  \n";
    Corpus c = read(text.replace("\n", "\r\n"));
    assertEquals(1, c.size());
    Paper p = c.papers().get(0);
    assertEquals("Title With Spaces", p.title());
    assertEquals(ABSTRACT_A, p.abstractText());
    assertEquals(3, p.authorCount());
    assertEquals(PartialDate.of(2020, 6, 22), p.date());
    assertNull(p.upvotes());
  }

  @Test
  void keepsNonAsciiTitles() {
    Corpus c = read("Ré-évaluer l’apprentissage: 学习 with Ω-nets\n\n" + ABSTRACT_A + "\n");
    assertEquals("Ré-évaluer l’apprentissage: 学习 with Ω-nets", c.papers().get(0).title());
  }

  @Test
  void rejectsRecordWithoutAbstractBeforeMetadata() {
    Corpus c =
        read(
            HEADER
                + "Lonely Title\n\n  • 2 authors\n·\nMar 6\n\nGood Title\n\n"
                + ABSTRACT_A
                + "\n");
    assertEquals(1, c.size());
    assertEquals("Good Title", c.papers().get(0).title());
    ImportIssue issue = c.report().rejections().get(0);
    assertEquals(11, issue.line());
    assertTrue(issue.reason().contains("has no abstract"), issue.reason());
    assertTrue(issue.message().startsWith("page.txt:11: record \"Lonely Title\""), issue.message());
  }

  @Test
  void rejectsRecordWithoutAbstractBeforeNextTitle() {
    Corpus c =
        read("Lonely Title\n\nGood Title\n\n" + ABSTRACT_A + "\n\n  • 4 authors\n·\nMar 6\n");
    assertEquals(1, c.size());
    assertEquals("Good Title", c.papers().get(0).title());
    assertEquals(4, c.papers().get(0).authorCount());
    assertEquals(1, c.report().rejected());
    assertTrue(c.report().rejections().get(0).reason().contains("another title follows"));
  }

  @Test
  void rejectsTruncatedLastRecordAndKeepsTheRest() {
    Corpus c = read(HEADER + "Good Title\n\n" + ABSTRACT_A + "\n\nCut Off Tit");
    assertEquals(1, c.size());
    assertEquals(2, c.report().read());
    ImportIssue issue = c.report().rejections().get(0);
    assertEquals(15, issue.line());
    assertTrue(issue.reason().startsWith("truncated record"), issue.reason());
  }

  @Test
  void warnsOnEmptyFile() {
    Corpus c = read(new byte[0]);
    assertEquals(0, c.report().read());
    assertEquals(
        List.of(new ImportReport.Warning("page.txt", "empty file: no records")),
        c.report().warnings());
  }

  @Test
  void warnsOnHeaderOnlyPage() {
    Corpus c = read(HEADER);
    assertEquals(0, c.report().read());
    assertEquals(1, c.report().warnings().size());
  }

  @Test
  void rejectsMetadataWithoutRecord() {
    Corpus c = read("  • 2 authors\n·\nMar 6\n\nGood Title\n\n" + ABSTRACT_A + "\n");
    assertEquals(1, c.size());
    assertEquals(1, c.report().rejected());
    assertTrue(c.report().rejections().get(0).reason().startsWith("metadata block"));
  }

  @Test
  void keepsRecordWithImpossibleDateAndWarns() {
    Corpus c = read("Good Title\n\n" + ABSTRACT_A + "\n\n  • 2 authors\n·\nFeb 30, 2021 3\n");
    Paper p = c.papers().get(0);
    assertNull(p.date());
    assertEquals(3, p.upvotes());
    assertEquals(2, p.authorCount());
    assertTrue(c.report().warnings().get(0).message().contains("not a calendar date"));
  }

  @Test
  void mergesDuplicateTitlesAcrossFiles() throws IOException {
    CorpusBuilder b = new CorpusBuilder();
    HfListingReader r = new HfListingReader();
    b.beginFile("a.txt", Format.HF_LISTING);
    r.read(
        InputSource.ofBytes(
            "a.txt",
            ("Post-Training Quantization!\n\n" + ABSTRACT_B + "\n")
                .getBytes(StandardCharsets.UTF_8)),
        b);
    b.beginFile("b.txt", Format.HF_LISTING);
    r.read(
        InputSource.ofBytes(
            "b.txt",
            ("post training QUANTIZATION\n\n"
                    + ABSTRACT_B
                    + "\n\n  • 5 authors\n·\nMay 2, 2023 7\n")
                .getBytes(StandardCharsets.UTF_8)),
        b);
    Corpus c = b.build();
    assertEquals(1, c.size());
    Paper p = c.papers().get(0);
    assertEquals("Post-Training Quantization!", p.title());
    assertEquals(5, p.authorCount());
    assertEquals(PartialDate.of(2023, 5, 2), p.date());
    assertEquals(2, p.provenance().size());
    ImportReport.Merge m = c.report().merges().get(0);
    assertEquals("b.txt", m.record().file());
    assertEquals(p.id(), m.into());
    assertEquals("title", m.matchedBy());
  }
}
