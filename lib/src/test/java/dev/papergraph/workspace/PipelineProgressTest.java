package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.layout.ForceAtlas2;
import dev.papergraph.model.Paper;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stage of a build reports real counts (issue 14: bars that move): a known total, advances
 * that add up, in steps, to exactly that total.
 */
class PipelineProgressTest {

  @TempDir Path tmp;

  /** One stage as reported: its total and every advance, in order. */
  private record Stage(String name, long total, List<Long> advances, boolean finished) {}

  /** Records the events; checks they come in the order start, advance*, finish. */
  private static final class Recorder implements Progress {
    final List<Stage> stages = new ArrayList<>();
    private Stage current;

    @Override
    public synchronized void start(String stage, long total) {
      assertTrue(current == null, "start of " + stage + " before the finish of " + current);
      current = new Stage(stage, total, new ArrayList<>(), false);
    }

    @Override
    public synchronized void advance(long units) {
      assertTrue(current != null, "advance outside a stage");
      current.advances().add(units);
    }

    @Override
    public synchronized void finish() {
      assertTrue(current != null, "finish outside a stage");
      stages.add(new Stage(current.name(), current.total(), current.advances(), true));
      current = null;
    }

    Map<String, Stage> byName() {
      Map<String, Stage> m = new LinkedHashMap<>();
      for (Stage s : stages) {
        assertTrue(m.put(s.name(), s) == null, "stage " + s.name() + " reported twice");
      }
      return m;
    }
  }

  private static void countsUpTo(Stage s, long expectedTotal) {
    assertEquals(expectedTotal, s.total(), s.name() + " total");
    long done = 0;
    for (long a : s.advances()) {
      assertTrue(a > 0, s.name() + " advances by " + a);
      done += a;
    }
    assertEquals(s.total(), done, s.name() + " ends at its total");
    assertTrue(s.advances().size() > 1, s.name() + " moves in more than one step");
  }

  @Test
  void everyStageOfTheLexicalPipelineCountsUpToItsTotal() throws Exception {
    List<Paper> papers = Readers.standard().load(Seeds.sources().subList(0, 1), null).papers();
    int n = papers.size();
    BuildOptions options = BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly());
    Recorder r = new Recorder();
    Pipeline.Result result = Pipeline.run(papers, options, r);
    Map<String, Stage> stages = r.byName();
    assertEquals(
        List.of("similarity", "graph", "analysis", "layout"), List.copyOf(stages.keySet()));
    // every paper's text analysed, then every paper's top-k list searched
    countsUpTo(stages.get("similarity"), 2L * n);
    // the links explained, then the graph built
    countsUpTo(stages.get("graph"), 2);
    // the Leiden starts, then every paper's centralities overall and within its community
    countsUpTo(
        stages.get("analysis"),
        options.analysis().communities().starts() + 2L * result.graph().papers().size());
    // every ForceAtlas2 iteration
    countsUpTo(
        stages.get("layout"), ForceAtlas2.Options.defaults(options.layoutSeed(), n).iterations());
  }

  @Test
  void theFusionStageCountsPapersSearchedExactAndByCandidates() throws Exception {
    List<Paper> papers = Readers.standard().load(Seeds.sources().subList(0, 1), null).papers();
    int n = papers.size();
    Map<String, Stage> stages = fused(papers, EngineOptions.Search.EXACT);
    assertEquals(
        List.of("similarity", "embed", "fusion", "graph", "analysis", "layout"),
        List.copyOf(stages.keySet()));
    // the semantic part on: the lexical stage analyses, the fusion stage searches every row and
    // re-ranks every row
    countsUpTo(stages.get("similarity"), n);
    countsUpTo(stages.get("fusion"), 2L * n);
    // by candidates: every row for the first candidates, then once per round (2) of neighbours of
    // neighbours, then the re-ranking
    countsUpTo(fused(papers, EngineOptions.Search.APPROXIMATE).get("fusion"), 4L * n);
  }

  /** The stages of a default (fused) pipeline run with this top-k search. */
  private static Map<String, Stage> fused(List<Paper> papers, EngineOptions.Search search)
      throws Exception {
    Recorder r = new Recorder();
    Pipeline.run(
        papers, BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().withSearch(search)), r);
    return r.byName();
  }

  @Test
  void aBuildReportsReadOnceAndSaveByItsFiles() throws Exception {
    Recorder r = new Recorder();
    Workspace.build(
        tmp.resolve("ws"),
        Seeds.sources().subList(0, 2),
        BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly()),
        r);
    Map<String, Stage> stages = r.byName();
    assertEquals(
        List.of("read", "similarity", "graph", "analysis", "layout", "save"),
        List.copyOf(stages.keySet()));
    countsUpTo(stages.get("read"), 2);
    countsUpTo(stages.get("save"), 7);
  }

  @Test
  void aRebuildThatEmbedsNothingReportsNoEmbedStageAndEachStageOnce() throws Exception {
    Path ws = tmp.resolve("fused");
    List<InputSource> sources = Seeds.sources().subList(0, 1);
    Workspace.build(ws, sources, BuildOptions.DEFAULTS, Progress.NONE);
    Recorder r = new Recorder();
    Workspace.build(ws, sources, BuildOptions.DEFAULTS, r);
    // every embedding comes from the saved workspace: no embed stage, and the similarity stage is
    // finished once (the recorder fails on a finish outside a stage, byName on a stage twice)
    assertEquals(
        List.of("read", "similarity", "fusion", "graph", "analysis", "layout", "save"),
        List.copyOf(r.byName().keySet()));
  }
}
