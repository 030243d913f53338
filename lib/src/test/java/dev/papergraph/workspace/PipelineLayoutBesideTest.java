package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.layout.ForceAtlas2;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Readers;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With more than one thread the layout runs beside the centralities and the labels, from Leiden's
 * partition (a large graph's with its repulsion on threads of its own, whose result does not depend
 * on them: ForceAtlas2Test): it must be the layout of the finished analysis' communities, as when
 * it ran after them, and the same on one thread (where nothing runs beside) as on two.
 */
class PipelineLayoutBesideTest {

  @Test
  void theLayoutBesideTheAnalysisIsTheLayoutOfItsCommunities() throws Exception {
    List<Paper> papers = Readers.standard().load(Seeds.sources().subList(0, 2), null).papers();
    BuildOptions two =
        BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly().withThreads(2));
    int n = papers.size();
    ForceAtlas2.Options layoutOptions =
        ForceAtlas2.Options.defaults(two.layoutSeed(), n).withThreads(2);
    // a layout on one thread, run beside the analysis
    assertFalse(layoutOptions.parallel(n));

    Pipeline.Result beside = Pipeline.run(papers, two, Progress.NONE);
    // the reference: the same graph and communities, laid out on their own afterwards
    Layout after =
        Layouts.compute(
            beside.graph(), beside.analysed().communities().membership(), layoutOptions);
    assertEquals(after, beside.layout());

    Pipeline.Result one =
        Pipeline.run(
            papers,
            BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly().withThreads(1)),
            Progress.NONE);
    assertEquals(
        one.analysed().communities().membership(), beside.analysed().communities().membership());
    assertEquals(one.layout(), beside.layout());
  }

  @Test
  void theAnalysisIsToldBeforeTheLayoutIsAwaitedAndAFailureThereEndsTheRun() throws Exception {
    List<Paper> papers = Readers.standard().load(Seeds.sources().subList(0, 1), null).papers();
    BuildOptions two =
        BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly().withThreads(2));
    List<String> events = new ArrayList<>();
    List<AnalysisStage.Result> told = new ArrayList<>();
    Progress stages =
        new Progress() {
          @Override
          public void start(String stage, long total) {
            events.add("start " + stage);
          }

          @Override
          public void advance(long units) {}

          @Override
          public void finish() {}
        };
    Pipeline.Result result =
        Pipeline.run(
            papers,
            two,
            null,
            stages,
            new Pipeline.SimilarityListener() {
              @Override
              public void similarityDone(SemanticStage.Outcome similarity, List<Link> links) {
                events.add("similarity done");
              }

              @Override
              public void analysisDone(AnalysisStage.Result analysed) {
                events.add("analysis done");
                told.add(analysed);
              }
            });
    // a build writes the analysis' files while the layout may still run beside it
    assertEquals(
        List.of(
            "start similarity",
            "start graph",
            "similarity done",
            "start analysis",
            "analysis done",
            "start layout"),
        events);
    assertEquals(1, told.size());
    assertSame(result.analysed(), told.get(0));

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                Pipeline.run(
                    papers,
                    two,
                    null,
                    Progress.NONE,
                    new Pipeline.SimilarityListener() {
                      @Override
                      public void similarityDone(
                          SemanticStage.Outcome similarity, List<Link> links) {}

                      @Override
                      public void analysisDone(AnalysisStage.Result analysed) throws IOException {
                        throw new IOException("no space left on device");
                      }
                    }));
    assertEquals("no space left on device", e.getMessage());
  }
}
