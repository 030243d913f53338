package dev.papergraph.viz;

import dev.papergraph.analysis.RunManifest;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.workspace.BuildOptions;
import dev.papergraph.workspace.Pipeline;
import dev.papergraph.workspace.Progress;
import dev.papergraph.write.AnalysedGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The pipeline's stages run in memory with their default options, from papers to an {@link
 * AnalysedGraph}, for viewer tests that start from papers rather than a workspace: the lib {@link
 * Pipeline} (similarity engine, paper graph, Leiden communities with labels, centralities,
 * ForceAtlas2 layout) plus a manifest.
 */
public final class PipelineFixture {

  /** Seed of the layout's random start. */
  public static final long LAYOUT_SEED = 42;

  private PipelineFixture() {}

  /**
   * An analysis and a free-text search over the same papers.
   *
   * @param analysis the analysis
   * @param search free-text search over the engine's term vectors
   */
  public record Result(AnalysedGraph analysis, FreeTextSearch search) {}

  /**
   * AnalysedGraphs papers with default options.
   *
   * @param papers the papers, ids unique, in corpus order
   */
  public static AnalysedGraph of(List<Paper> papers) {
    return run(papers).analysis();
  }

  /**
   * AnalysedGraphs papers with default options (the semantic part off), keeping a free-text search
   * over their terms: the lib {@link Pipeline}, as a build runs it.
   */
  public static Result run(List<Paper> papers) {
    BuildOptions options =
        BuildOptions.DEFAULTS
            .withEngine(EngineOptions.defaults().lexicalOnly())
            .withLayoutSeed(LAYOUT_SEED);
    Pipeline.Result run;
    try {
      run = Pipeline.run(papers, options, Progress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RunManifest manifest =
        RunManifest.builder()
            .count("papers", papers.size())
            .count("edges", run.links().size())
            .count("communities", run.analysed().communities().communities().size())
            .parameters(options.engine().toMap())
            .parameters(run.analysed().parameters())
            .parameter("layout.seed", LAYOUT_SEED)
            .build();
    return new Result(run.analysis(manifest), new TermVectorSearch(run.engine().vectors()));
  }
}
