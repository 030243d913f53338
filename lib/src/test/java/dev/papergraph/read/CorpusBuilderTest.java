package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusBuilderTest {

  private static Paper.Builder paper(String title, String file) {
    return Paper.builder().title(title).addProvenance(new Provenance(file, 1, 1));
  }

  @Test
  void mergesByDoiDespiteDifferentTitlesAndTakesTheBestId() {
    CorpusBuilder b = new CorpusBuilder().beginFile("a", Format.HF_LISTING);
    b.accept(paper("Attention Is All You Need", "a").abstractText("short").build());
    b.accept(
        paper("Attention is all you need.", "b")
            .ids(
                ExternalIds.of(
                    "https://doi.org/10.5555/ABC.123", "arXiv:1706.03762v7", null, null, null))
            .abstractText("a much longer abstract")
            .date(PartialDate.ofYear(2017))
            .addTopic(new Topic("cs.CL", 1, TopicSource.CATEGORY))
            .build());
    b.accept(
        paper("Transformer", "c")
            .ids(ExternalIds.of("10.5555/abc.123", null, null, null, null))
            .build());
    Corpus c = b.build();
    assertEquals(1, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.5555/abc.123", p.id());
    assertEquals("1706.03762", p.ids().arxiv());
    assertEquals("a much longer abstract", p.abstractText());
    assertEquals(3, p.provenance().size());
    assertEquals(
        List.of("title", "doi"),
        c.report().merges().stream().map(ImportReport.Merge::matchedBy).toList());
    assertEquals(
        List.of(p.id(), p.id()),
        c.report().merges().stream().map(ImportReport.Merge::into).toList());
  }

  @Test
  void doesNotMergeSameTitleFromDifferentYearsOrConflictingIds() {
    CorpusBuilder b = new CorpusBuilder();
    b.accept(paper("Introduction", "a").date(PartialDate.ofYear(2001)).build());
    b.accept(paper("Introduction", "a").date(PartialDate.ofYear(2002)).build());
    b.accept(
        paper("Editorial", "a").ids(ExternalIds.of("10.1000/x", null, null, null, null)).build());
    b.accept(
        paper("Editorial", "a").ids(ExternalIds.of("10.1000/y", null, null, null, null)).build());
    Corpus c = b.build();
    assertEquals(4, c.size());
    assertEquals(0, c.report().merged());
  }
}
