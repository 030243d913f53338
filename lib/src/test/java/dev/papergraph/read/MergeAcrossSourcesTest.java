package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import org.junit.jupiter.api.Test;

class MergeAcrossSourcesTest {

  /** Nelson_2002 in SYNERGY has W4251833922 and W2113259481, two JAMA papers with one PubMed id. */
  @Test
  void doesNotMergeBySharedPubmedIdWhenDoisDiffer() {
    CorpusBuilder b = new CorpusBuilder().beginFile("nelson", Format.OPENALEX);
    b.accept(Paper.builder().title("Noncardiovascular Disease Outcomes During 6.8 Years of Hormone Therapy")
        .ids(ExternalIds.of("10.1001/jama.288.1.58", null, "W4251833922", null, "12090863"))
        .date(PartialDate.ofYear(2002)).addProvenance(new Provenance("nelson", 1, 1)).build());
    b.accept(Paper.builder().title("Cardiovascular Disease Outcomes During 6.8 Years of Hormone Therapy")
        .ids(ExternalIds.of("10.1001/jama.288.1.49", null, "W2113259481", null, "12090863"))
        .date(PartialDate.ofYear(2002)).addProvenance(new Provenance("nelson", 1, 2)).build());
    b.accept(Paper.builder().title("Cardiovascular disease outcomes during 6.8 years of hormone therapy")
        .ids(ExternalIds.of(null, null, null, null, "12090863"))
        .addProvenance(new Provenance("pubmed", 1, 1)).build());
    Corpus c = b.build();
    assertEquals(2, c.size());
    assertEquals("pmid", c.report().merges().get(0).matchedBy());
    assertEquals("doi:10.1001/jama.288.1.58", c.report().merges().get(0).into());
  }

  @Test
  void arxivDoiDoesNotConflictWithJournalDoi() {
    CorpusBuilder b = new CorpusBuilder();
    b.accept(Paper.builder().title("A").ids(ExternalIds.of("10.48550/arXiv.1706.03762", "1706.03762", null, null, null)).build());
    b.accept(Paper.builder().title("A").ids(ExternalIds.of("10.5555/x", "1706.03762", null, null, null)).build());
    assertEquals(1, b.build().size());
  }
}
