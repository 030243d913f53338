package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.papergraph.layout.ForceAtlas2;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Readers;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
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
}
