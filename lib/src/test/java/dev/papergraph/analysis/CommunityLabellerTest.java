package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.PaperGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommunityLabellerTest {

  @Test
  void logLikelihoodMatchesHandComputedValue() {
    // 10 of 100 occurrences inside, 0 of 100 outside: E = 5, G² = 2 · 10 ln(10/5)
    assertEquals(20 * Math.log(2), CommunityLabeller.logLikelihood(10, 0, 100, 100), 1e-12);
    assertTrue(
        CommunityLabeller.logLikelihood(0, 10, 100, 100) < 0, "under-represented is negative");
  }

  @Test
  void labelsAreDistinctiveDisplayFormsWithoutOverlapAndCentralPapersComeFromTheCommunity() {
    PaperGraph g = AnalysisFixtures.twoGroups();
    Map<String, Map<String, Double>> counts = new HashMap<>();
    for (int i = 1; i <= 5; i++) {
      // quantization papers: "train" and "model" are as frequent here as in the other group or
      // more;
      // "rare" is in q1 only (one paper cannot name a community)
      counts.put(
          "q" + i,
          new HashMap<>(
              Map.of(
                  "quantiz", 3.0, "post train", 2.0, "train", 2.0, "model", 2.0, "calibr", 1.0)));
    }
    counts.get("q1").put("rare", 9.0);
    for (int i = 1; i <= 4; i++) {
      counts.put(
          "g" + i, new HashMap<>(Map.of("grok", 3.0, "general", 2.0, "train", 1.0, "model", 1.0)));
    }
    Map<String, String> display =
        Map.of(
            "quantiz",
            "quantization",
            "post train",
            "post-training",
            "grok",
            "grokking",
            "general",
            "generalization",
            "calibr",
            "calibration");
    TermSource terms = TermSource.of(counts, display);
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults().withLabels(3, 2, Measure.PAGERANK))
            .analyze(g, AnalysisFixtures.twoGroupsLists(), terms);
    Communities c = r.communities();
    Community q = c.of("q3").orElseThrow();
    Community k = c.of("g2").orElseThrow();
    assertEquals(List.of("quantization", "post-training", "calibration"), q.labelTerms());
    assertEquals("quantization / post-training / calibration", q.label());
    assertEquals(
        List.of("grokking", "generalization"),
        k.labelTerms(),
        "train and model are not distinctive");
    // within its community every paper of a clique is alike (the bridge does not count): ties by id
    assertEquals(List.of("q1", "q2"), q.centralPapers());
    assertEquals(List.of("g1", "g2"), k.centralPapers());
  }

  @Test
  void aPhraseReplacesTheSingleWordItContains() {
    Map<String, Map<String, Double>> counts = new HashMap<>();
    for (int i = 1; i <= 5; i++) {
      // "post" alone scores as high as "quantiz"; the phrase "post train" scores lower but reads
      // better
      counts.put("q" + i, Map.of("quantiz", 3.0, "post", 3.0, "post train", 2.0, "calibr", 1.0));
    }
    for (int i = 1; i <= 4; i++) counts.put("g" + i, Map.of("grok", 3.0));
    TermSource terms =
        TermSource.of(
            counts,
            Map.of(
                "quantiz", "quantization", "post train", "post-training", "calibr", "calibration"));
    Community q =
        new AnalysisStage(AnalysisStage.Options.defaults().withLabels(3, 0, Measure.PAGERANK))
            .analyze(AnalysisFixtures.twoGroups(), AnalysisFixtures.twoGroupsLists(), terms)
            .communities()
            .of("q1")
            .orElseThrow();
    assertEquals(List.of("post-training", "quantization", "calibration"), q.labelTerms());
    assertEquals(List.of(), q.centralPapers());
  }

  @Test
  void withoutTermSourceLabelsAreEmptyAndFallBackToNumber() {
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(AnalysisFixtures.twoGroups(), AnalysisFixtures.twoGroupsLists(), null);
    Community c0 = r.communities().communities().get(0);
    assertTrue(c0.labelTerms().isEmpty());
    assertEquals("community 0", c0.label());
  }

  @Test
  void rejectsLabelCountsOutOfRange() {
    assertThrows(
        IllegalArgumentException.class, () -> new CommunityLabeller(null, 0, 1, Measure.PAGERANK));
    assertThrows(
        IllegalArgumentException.class, () -> new CommunityLabeller(null, 3, -1, Measure.PAGERANK));
  }
}
