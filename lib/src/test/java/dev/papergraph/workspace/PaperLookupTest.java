package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaperLookupTest {

  static PaperLookup seeds;

  @BeforeAll
  static void load() {
    seeds = PaperLookup.of(Seeds.corpus().papers());
  }

  @Test
  void findsUniqueTitleFragmentIgnoringCase() {
    var m = assertInstanceOf(PaperLookup.Found.class, seeds.find("grokking AT the edge"));
    assertEquals("Grokking at the Edge of Numerical Stability", m.paper().title());
  }

  @Test
  void idsAreFoundWithoutNormalisingTheTitles() {
    PaperLookup lookup = PaperLookup.of(Seeds.corpus().papers());
    Paper first = Seeds.corpus().papers().get(0);
    assertEquals(first.id(), ((PaperLookup.Found) lookup.find(first.id())).paper().id());
    assertFalse(lookup.titlesIndexed(), "a query by id normalised every title");
    var byTitle = (PaperLookup.Found) lookup.find(first.title().toUpperCase(Locale.ROOT));
    assertEquals(first.id(), byTitle.paper().id());
    assertTrue(lookup.titlesIndexed());
  }

  @Test
  void findsByPapergraphId() {
    PaperRef p = ((PaperLookup.Found) seeds.find("Grokking at the Edge")).paper();
    assertEquals(p, ((PaperLookup.Found) seeds.find(p.id())).paper());
  }

  @Test
  void ambiguousFragmentListsEveryTitleContainingIt() {
    var m = assertInstanceOf(PaperLookup.Ambiguous.class, seeds.find("grok"));
    long expected =
        Seeds.corpus().papers().stream()
            .filter(p -> p.title().toLowerCase(Locale.ROOT).contains("grok"))
            .count();
    assertEquals(expected, m.candidates().size());
    assertTrue(m.candidates().size() >= 7, "the seeds have at least 7 grokking titles");
    assertTrue(
        m.candidates().stream().allMatch(p -> p.title().toLowerCase(Locale.ROOT).contains("grok")));
  }

  @Test
  void unknownTitleSuggestsClosestTitles() {
    var m =
        assertInstanceOf(
            PaperLookup.NotFound.class, seeds.find("Grokking at the Edge of Numerical Stabilty"));
    assertEquals("Grokking at the Edge of Numerical Stability", m.closest().get(0).title());
    assertTrue(m.closest().size() <= PaperLookup.SUGGESTIONS);
  }

  @Test
  void nothingSimilarSuggestsNothing() {
    var m = assertInstanceOf(PaperLookup.NotFound.class, seeds.find("§§§"));
    assertEquals(List.of(), m.closest());
  }

  @Test
  void findsByDoiAndArxivInAnySpelling() {
    Paper a =
        Paper.builder()
            .title("Attention Is All You Need")
            .ids(ExternalIds.of(null, "1706.03762", null, null, null))
            .build();
    Paper b =
        Paper.builder()
            .title("Deep Residual Learning")
            .ids(ExternalIds.of("10.1109/CVPR.2016.90", null, null, null, null))
            .build();
    PaperLookup lookup = PaperLookup.of(List.of(a, b));
    assertEquals(a.id(), ((PaperLookup.Found) lookup.find("arXiv:1706.03762v7")).paper().id());
    assertEquals(
        a.id(), ((PaperLookup.Found) lookup.find("https://arxiv.org/abs/1706.03762")).paper().id());
    assertEquals(
        b.id(),
        ((PaperLookup.Found) lookup.find("https://doi.org/10.1109/cvpr.2016.90")).paper().id());
    assertEquals(
        b.id(), ((PaperLookup.Found) lookup.find("doi:10.1109/CVPR.2016.90")).paper().id());
  }

  @Test
  void exactTitleWinsOverLongerTitlesContainingIt() {
    Paper shortOne = Paper.builder().title("Grokking").build();
    Paper longOne = Paper.builder().title("Grokking Revisited").build();
    var m =
        assertInstanceOf(
            PaperLookup.Found.class, PaperLookup.of(List.of(longOne, shortOne)).find("grokking"));
    assertEquals(shortOne.id(), m.paper().id());
  }
}
