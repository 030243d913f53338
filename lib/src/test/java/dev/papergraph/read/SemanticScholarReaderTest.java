package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticScholarReaderTest {

  @Test
  void readsGraphApiPaperWithIdsFieldsOfStudyAndReferences() {
    Corpus c =
        Fixtures.load(
            Format.SEMANTIC_SCHOLAR, Fixtures.source("s2/graph-api-paper-turing-5citations.json"));
    assertEquals(1, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1093/mind/lix.236.433", p.id());
    assertEquals("2d5673caa9e6af3a7b82a43f19ee920992db07ad", p.ids().s2());
    assertEquals("Computing Machinery and Intelligence", p.title());
    assertTrue(
        p.abstractText().startsWith("I propose to consider the question, “Can machines think?”"));
    assertEquals(PartialDate.of(1950, 10, 1), p.date());
    assertEquals("Mind", p.venue());
    assertEquals(10059, p.citedByCount());
    assertEquals(List.of("A. Turing"), p.authors());
    assertEquals(
        List.of(
            new Topic("Computer Science", 1, TopicSource.CATEGORY),
            new Topic("Sociology", 1, TopicSource.CATEGORY)),
        p.topics());
    // 14 references, 8 of them matched to an S2 paper (the others have a null paperId)
    assertEquals(8, p.references().size());
    assertEquals("doi:10.2307/3610576", p.references().get(0));
  }

  @Test
  void rejectsGraphApiPaperWithNullTitleAndReadsReferencePageRecord() {
    Corpus c =
        Fixtures.load(
            Format.SEMANTIC_SCHOLAR,
            Fixtures.source("s2/PaperWithNullValues.json"),
            Fixtures.source("s2/Reference.json"));
    assertEquals(2, c.report().read());
    assertEquals(
        "formats/s2/PaperWithNullValues.json:1: record 1: paper 2d5673caa9e6af3a7b82a43f19ee920992db07ad has no title",
        c.report().rejections().get(0).message());
    assertEquals(
        "Neural Variational Inference and Learning in Belief Networks", c.papers().get(0).title());
    assertEquals("arxiv:1402.0030", c.papers().get(0).id());
    assertEquals("331f0fb3b6176c6e463e0401025b04f6ace9ccd3", c.papers().get(0).ids().s2());
  }

  @Test
  void readsS2agPapersAndRejectsAbstractsWithoutTheirPaper() {
    Corpus c =
        Fixtures.load(
            Format.SEMANTIC_SCHOLAR,
            Fixtures.source("s2/s2ag-papers-sample.jsonl.gz"),
            Fixtures.source("s2/s2ag-abstracts-sample.jsonl.gz"));
    ImportReport r = c.report();
    assertEquals(200, r.read());
    assertEquals(100, r.imported(), r::toText);
    // the two official samples share no corpus id, so no abstract can be joined
    assertEquals(100, r.rejected());
    assertEquals(
        "formats/s2/s2ag-abstracts-sample.jsonl.gz:1: abstract for s2:156832481: no paper with this id was read, so it was not joined",
        r.rejections().get(0).message());
    assertEquals(28, c.papers().stream().filter(p -> p.ids().doi() != null).count());
    Paper first = c.papers().get(0);
    assertEquals(
        "Attaching Importance to Mental Quality Education in Clinical Practice", first.title());
    assertEquals(List.of("粟毅", "吴亚梅"), first.authors());
    assertEquals(PartialDate.of(2006, 2, 28), first.date());
    assertEquals(
        List.of("Education", "Psychology"), first.topics().stream().map(Topic::term).toList());
  }

  /** Derived fixture: two S2AG paper records and two real abstract records re-keyed to them. */
  @Test
  void joinsS2agAbstractsToPapersByCorpusId() {
    Corpus c =
        Fixtures.load(Format.SEMANTIC_SCHOLAR, Fixtures.source("s2/s2ag-join-derived.jsonl"));
    ImportReport r = c.report();
    assertEquals(4, r.read());
    assertEquals(2, r.imported());
    assertEquals(2, r.merged());
    assertEquals(
        List.of("s2", "s2"), r.merges().stream().map(ImportReport.Merge::matchedBy).toList());
    assertTrue(
        c.papers()
            .get(0)
            .abstractText()
            .startsWith("A large body of literature has concluded that stro"));
    assertTrue(
        c.papers()
            .get(1)
            .abstractText()
            .startsWith("Assessing cancer treatment-related symptoms is cha"));
    assertEquals(2, c.papers().get(0).provenance().size());
  }

  @Test
  void readsS2orcFullTextTitlesFromAnnotationSpans() {
    Corpus c =
        Fixtures.load(Format.SEMANTIC_SCHOLAR, Fixtures.source("s2/s2ag-s2orc-sample.jsonl.gz"));
    assertEquals(8, c.size());
    assertEquals(
        "Biomedical event extraction based on GRU integrating attention mechanism",
        c.papers().get(0).title());
    assertEquals("doi:10.1186/s12859-018-2275-2", c.papers().get(0).id());
    assertTrue(c.papers().stream().allMatch(p -> p.abstractText() != null));
  }

  @Test
  void readsOpenCorpus2017WithEntitiesAndCitations() {
    Corpus c =
        Fixtures.load(Format.SEMANTIC_SCHOLAR, Fixtures.source("s2/open-corpus-2017-sample.jsonl"));
    assertEquals(92, c.size());
    assertEquals(58, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(349, c.papers().stream().mapToLong(p -> p.references().size()).sum());
    Paper p = c.papers().get(1);
    assertEquals("Organizing a search for an academic administrator.", p.title());
    assertEquals("3514907", p.ids().pmid());
    assertEquals(3, p.topics().size());
    assertEquals(TopicSource.CONCEPT, p.topics().get(0).source());
  }

  @Test
  void readsS2orc2020MetadataHead() {
    Corpus c =
        Fixtures.load(
            Format.SEMANTIC_SCHOLAR, Fixtures.source("s2/s2orc-2020-metadata-head100.jsonl"));
    assertEquals(100, c.size());
    assertEquals(7, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(5, c.papers().stream().filter(p -> p.ids().doi() != null).count());
    Paper p = c.papers().get(0);
    assertEquals("State of external ocular muscles in strabismus of different duration", p.title());
    assertEquals("s2:77490025", p.id());
    assertEquals(List.of("Pen'kov Ma", "Konstantinovskaia Ke", "Zhukova Sv"), p.authors());
  }

  /** The whole 1000-record sample: 488 abstracts, 3094 distinct outbound citations (Python). */
  @Test
  void readsS2orc2020MetadataSample() throws IOException {
    Path f = SharedData.require("corpus/formats/s2orc_2020/metadata_sample.jsonl");
    Corpus c = Fixtures.load(null, InputSource.of(f));
    assertEquals(1000, c.size());
    assertEquals(488, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(3094, c.papers().stream().mapToLong(p -> p.references().size()).sum());
    assertEquals(587, c.papers().stream().filter(p -> p.ids().doi() != null).count());
  }

  @Test
  void detectsEveryS2Shape() throws IOException {
    for (String f :
        List.of(
            "graph-api-paper-turing-5citations.json",
            "PaperWithNullValues.json",
            "Reference.json",
            "s2ag-papers-sample.jsonl.gz",
            "s2ag-abstracts-sample.jsonl.gz",
            "s2ag-s2orc-sample.jsonl.gz",
            "open-corpus-2017-sample.jsonl",
            "s2orc-2020-metadata-head100.jsonl",
            "s2ag-join-derived.jsonl")) {
      assertEquals(
          Format.SEMANTIC_SCHOLAR,
          Readers.standard().detect(Fixtures.source("s2/" + f)).orElseThrow(),
          f);
    }
  }
}
