package dev.papergraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

  /** The ISO form is what {@code String.format("%04d-%02d-%02d")} writes. */
  @Test
  void partialDatesPrintAsTheirIsoFormat() {
    for (int year : new int[] {1_000, 1_009, 1_999, 2_024, 9_999}) {
      assertEquals(String.format("%04d", year), new PartialDate(year, null, null).toString());
      for (int month = 1; month <= 12; month++) {
        assertEquals(
            String.format("%04d-%02d", year, month), new PartialDate(year, month, null).toString());
        assertEquals(
            String.format("%04d-%02d-%02d", year, month, 28),
            new PartialDate(year, month, 28).toString());
      }
    }
    for (int day = 1; day <= 31; day++) {
      assertEquals(String.format("--%02d-%02d", 1, day), PartialDate.ofMonthDay(1, day).toString());
    }
  }

  @Test
  void partialDateKeepsMonthDayWithoutYear() {
    PartialDate d = PartialDate.ofMonthDay(4, 29);
    assertEquals("--04-29", d.toString());
    assertEquals(d, PartialDate.parse("--04-29"));
    assertEquals("Apr 29", d.display());
    assertEquals(PartialDate.of(2024, 1, 29), PartialDate.parse("2024-01-29"));
    assertEquals("2024-01", new PartialDate(2024, 1, null).toString());
    assertEquals("2024", PartialDate.parse("2024").toString());
    assertThrows(IllegalArgumentException.class, () -> PartialDate.of(2021, 2, 30));
    assertThrows(IllegalArgumentException.class, () -> new PartialDate(null, 4, null));
    assertThrows(IllegalArgumentException.class, () -> PartialDate.parse("29/04"));
  }

  @Test
  void normalisesExternalIds() {
    ExternalIds ids =
        ExternalIds.of(
            "https://doi.org/10.1186/S12913-016-1423-5.",
            "https://arxiv.org/abs/2504.20571v2",
            "https://openalex.org/W3007172259",
            " ",
            null);
    assertEquals("10.1186/s12913-016-1423-5", ids.doi());
    assertEquals("2504.20571", ids.arxiv());
    assertEquals("W3007172259", ids.openalex());
    assertNull(ids.s2());
    assertEquals(
        "hep-th/9901001", ExternalIds.normalizeArxiv("arXiv:hep-th/9901001v3").orElseThrow());
    assertEquals("10.1000/xyz", ExternalIds.normalizeDoi("doi:10.1000/XYZ").orElseThrow());
    // text holding no id, blank text and null are all "none", never null
    assertEquals(Optional.empty(), ExternalIds.normalizeDoi("see the appendix"));
    assertEquals(Optional.empty(), ExternalIds.normalizeArxiv("2504.205"));
    assertEquals(Optional.empty(), ExternalIds.normalizeOpenAlex(" "));
    assertEquals(Optional.empty(), ExternalIds.normalizeDoi(null));
  }

  @Test
  void normalisesTitlesForMatching() {
    assertEquals("post training quantization", Titles.normalize("Post-Training   Quantization!"));
    assertEquals(Titles.normalize("ﬁne-tuning"), Titles.normalize("Fine Tuning"));
    assertEquals("ré évaluer", Titles.normalize("Ré-évaluer"));
  }

  @Test
  void stableIdPrefersExternalIdsThenTitleHash() {
    assertEquals(
        "doi:10.1000/x",
        Paper.stableId(ExternalIds.of("10.1000/X", "2501.00001", null, null, null), "T", null));
    assertEquals(
        Paper.stableId(ExternalIds.NONE, "A Title!", null),
        Paper.stableId(ExternalIds.NONE, "a title", null));
    assertEquals(22, Paper.stableId(ExternalIds.NONE, "a title", null).length());
    assertNotEquals(
        Paper.stableId(ExternalIds.NONE, "a title", 2001),
        Paper.stableId(ExternalIds.NONE, "a title", 2002));
  }
}
