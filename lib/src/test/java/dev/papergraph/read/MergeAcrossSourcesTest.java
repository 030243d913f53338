package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeAcrossSourcesTest {

  /** Nelson_2002 in SYNERGY has W4251833922 and W2113259481, two JAMA papers with one PubMed id. */
  @Test
  void doesNotMergeBySharedPubmedIdWhenDoisDiffer() {
    CorpusBuilder b = new CorpusBuilder().beginFile("nelson", Format.OPENALEX);
    b.accept(
        Paper.builder()
            .title("Noncardiovascular Disease Outcomes During 6.8 Years of Hormone Therapy")
            .ids(ExternalIds.of("10.1001/jama.288.1.58", null, "W4251833922", null, "12090863"))
            .date(PartialDate.ofYear(2002))
            .addProvenance(new Provenance("nelson", 1, 1))
            .build());
    b.accept(
        Paper.builder()
            .title("Cardiovascular Disease Outcomes During 6.8 Years of Hormone Therapy")
            .ids(ExternalIds.of("10.1001/jama.288.1.49", null, "W2113259481", null, "12090863"))
            .date(PartialDate.ofYear(2002))
            .addProvenance(new Provenance("nelson", 1, 2))
            .build());
    b.accept(
        Paper.builder()
            .title("Cardiovascular disease outcomes during 6.8 years of hormone therapy")
            .ids(ExternalIds.of(null, null, null, null, "12090863"))
            .addProvenance(new Provenance("pubmed", 1, 1))
            .build());
    Corpus c = b.build();
    assertEquals(2, c.size());
    assertEquals("pmid", c.report().merges().get(0).matchedBy());
    assertEquals("doi:10.1001/jama.288.1.58", c.report().merges().get(0).into());
  }

  /** One paper read from arXiv, OpenAlex and BibTeX (see formats/merge/README.md). */
  @Test
  void samePaperFromArxivOpenAlexAndBibtexMergesIntoOneAndTheReportSaysHow() {
    Corpus c =
        Fixtures.load(
            null,
            Fixtures.source("merge/arxiv-0704.0001.jsonl"),
            Fixtures.source("merge/openalex-work.json"),
            Fixtures.source("merge/refs.bib"));
    ImportReport r = c.report();
    assertEquals(4, r.read());
    assertEquals(1, r.imported());
    assertEquals(3, r.merged());
    Paper p = c.papers().get(0);
    String id = "doi:10.1103/physrevd.76.013009";
    assertEquals(id, p.id());
    assertEquals(
        ExternalIds.of("10.1103/PhysRevD.76.013009", "0704.0001", "W9000000001", null, null),
        p.ids());
    assertEquals(
        List.of(
            new ImportReport.Merge(
                new Provenance("formats/merge/openalex-work.json", 2, 1), id, "doi"),
            new ImportReport.Merge(new Provenance("formats/merge/refs.bib", 2, 1), id, "arxiv"),
            new ImportReport.Merge(new Provenance("formats/merge/refs.bib", 14, 2), id, "title")),
        r.merges());
    // the best of each field: arXiv's abstract and v1 date, OpenAlex's venue and citations, all
    // topics
    assertEquals(PartialDate.of(2007, 4, 2), p.date());
    assertEquals(120, p.citedByCount());
    assertEquals("Phys.Rev.D76:013009,2007", p.venue());
    assertTrue(p.abstractText().startsWith("A fully differential calculation"));
    assertEquals(List.of("hep-ph", "Physics"), p.topics().stream().map(Topic::term).toList());
    assertEquals(4, p.provenance().size());
    assertEquals(
        List.of("arxiv", "openalex", "bibtex"),
        r.files().stream().map(ImportReport.FileCounts::format).toList());
  }

  @Test
  void arxivDoiDoesNotConflictWithJournalDoi() {
    CorpusBuilder b = new CorpusBuilder();
    b.accept(
        Paper.builder()
            .title("A")
            .ids(ExternalIds.of("10.48550/arXiv.1706.03762", "1706.03762", null, null, null))
            .build());
    b.accept(
        Paper.builder()
            .title("A")
            .ids(ExternalIds.of("10.5555/x", "1706.03762", null, null, null))
            .build());
    assertEquals(1, b.build().size());
  }
}
