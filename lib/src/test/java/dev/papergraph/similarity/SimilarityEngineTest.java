package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimilarityEngineTest {

  private static Paper paper(String id, String title, String abs, String... refs) {
    return Paper.builder().id(id).title(title).abstractText(abs).references(List.of(refs)).build();
  }

  private static final List<Paper> PAPERS =
      List.of(
          paper(
              "doi:a",
              "Post-training quantization of vision transformers",
              "Quantization without retraining.",
              "doi:r1",
              "doi:r2",
              "doi:c"),
          paper(
              "doi:b",
              "Post-training quantization for language models",
              "Quantization of large models.",
              "doi:r1",
              "doi:r2",
              "doi:r3",
              "doi:c"),
          paper(
              "doi:c",
              "Quantization-aware training",
              "Training with simulated quantization noise.",
              "doi:r2"),
          paper("doi:d", "Domain adaptation for detection", "Adapting detectors to new domains."),
          paper(
              "doi:e",
              "Unsupervised domain adaptation",
              "Adapting models without labels in the domain."));

  @Test
  void explainsAnyPairWithComponentsThatAddUpToTheScore() {
    EngineOptions o = EngineOptions.defaults().withWeights(0.6, 0.1, 0.1, 0.1, 0.1).withMinScore(0);
    SimilarityEngine e = SimilarityEngine.of(PAPERS, o);
    EdgeExplanation x = e.explain("doi:a", "doi:b");
    // a and b share r1, r2 and c: coupling = 3 / sqrt(3 * 4) (Salton's cosine)
    assertEquals(3 / Math.sqrt(12), x.coupling(), 1e-12);
    assertEquals(0, x.direct());
    assertEquals(
        List.of("doi:r1", "doi:r2", "doi:c"),
        x.sharedReferences().stream()
            .sorted(
                (p, q) ->
                    List.of("doi:r1", "doi:r2", "doi:c").indexOf(p)
                        - List.of("doi:r1", "doi:r2", "doi:c").indexOf(q))
            .toList());
    // both cite c, so c and nobody is co-cited; a cites c directly
    assertEquals(1, e.explain("doi:a", "doi:c").direct());
    double sum =
        0.6 * x.text()
            + 0.1 * x.topic()
            + 0.1 * x.direct()
            + 0.1 * x.coupling()
            + 0.1 * x.cocitation();
    assertEquals(sum, x.score(), 1e-12);
    double terms = x.sharedTerms().stream().mapToDouble(SharedTerm::contribution).sum();
    assertEquals(x.text(), terms, 1e-6); // all shared terms listed here (fewer than 10)
    SharedTerm q =
        x.sharedTerms().stream().filter(t -> t.term().equals("quantiz")).findFirst().orElseThrow();
    assertEquals("quantization", q.display());
    assertEquals(
        "post-training",
        x.sharedTerms().stream()
            .filter(t -> t.term().equals("post train"))
            .findFirst()
            .orElseThrow()
            .display());
    for (int i = 1; i < x.sharedTerms().size(); i++) {
      assertTrue(
          x.sharedTerms().get(i - 1).contribution() >= x.sharedTerms().get(i).contribution());
    }
    // an unlinked pair explains itself too
    EdgeExplanation none = e.explain("doi:a", "doi:d");
    assertEquals(0, none.text());
    assertEquals(e.explain("doi:d", "doi:a"), none);
  }

  @Test
  void linksAreTheUnionOfTopKListsAndBuildAGraph() {
    SimilarityEngine e =
        SimilarityEngine.of(PAPERS, EngineOptions.defaults().withK(1).withMinScore(0));
    List<Link> links = e.links();
    for (Paper p : PAPERS) {
      List<Neighbour> nb = e.neighbours(p.id());
      assertEquals(1, nb.size(), p.id());
      assertTrue(
          links.stream()
              .anyMatch(
                  l ->
                      l.a().equals(min(p.id(), nb.get(0).id()))
                          && l.b().equals(max(p.id(), nb.get(0).id()))));
    }
    assertEquals("doi:b", e.neighbours("doi:a").get(0).id());
    assertEquals("doi:e", e.neighbours("doi:d").get(0).id());
    PaperGraph g = PaperGraph.of(PAPERS, links);
    assertEquals(links.size(), g.similarity().edgeSet().size());
  }

  private static String min(String a, String b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static String max(String a, String b) {
    return a.compareTo(b) < 0 ? b : a;
  }

  @Test
  void normalisationsFollowTheirDefinitions() {
    assertEquals(2 / Math.sqrt(12), Normalisation.COSINE.apply(2, 3, 4), 1e-15);
    assertEquals(2 / 12.0, Normalisation.ASSOCIATION_STRENGTH.apply(2, 3, 4), 1e-15);
    assertEquals(2 / 5.0, Normalisation.JACCARD.apply(2, 3, 4), 1e-15);
    assertEquals(0, Normalisation.JACCARD.apply(0, 3, 4));
  }

  @Test
  void optionsAreValidatedAndPrintable() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.defaults().withK(0));
    assertEquals("k must be at least 1: 0", e.getMessage());
    assertEquals(
        "topicWeight must be finite and non-negative: -0.1",
        assertThrows(
                IllegalArgumentException.class,
                () -> EngineOptions.builder().topicWeight(-0.1).build())
            .getMessage());
    assertEquals(
        "at least one weight must be positive",
        assertThrows(
                IllegalArgumentException.class,
                () -> EngineOptions.defaults().withWeights(0, 0, 0, 0, 0))
            .getMessage());
    Map<String, Object> m = EngineOptions.defaults().toMap();
    assertEquals(10, m.get("similarity.k"));
    assertEquals("cosine", m.get("similarity.normalisation"));
    assertEquals("porter", m.get("text.stemmer"));
    assertTrue(!m.containsKey("similarity.threads"));
  }

  @Test
  void unknownIdIsRejectedWithItsName() {
    SimilarityEngine e = SimilarityEngine.of(PAPERS, EngineOptions.defaults());
    assertEquals(
        "no paper with id doi:zz",
        assertThrows(IllegalArgumentException.class, () -> e.neighbours("doi:zz")).getMessage());
  }
}
