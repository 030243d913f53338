package dev.papergraph.viz;

import dev.papergraph.analysis.Analysis;
import dev.papergraph.analysis.Analyzer;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import java.util.List;

/**
 * The pipeline's stages run in memory with their default options, from papers to an {@link
 * Analysis}: similarity engine, paper graph, analyzer (Leiden communities with labels,
 * centralities), ForceAtlas2 layout. The viewer and {@code render} use it for a workspace that has
 * its papers but no saved analysis yet.
 */
public final class PipelineAnalysis {

  /** Seed of the layout's random start. */
  public static final long LAYOUT_SEED = 42;

  private PipelineAnalysis() {}

  /**
   * An analysis and a free-text search over the same papers.
   *
   * @param analysis the analysis
   * @param search free-text search over the engine's term vectors
   */
  public record Result(Analysis analysis, FreeTextSearch search) {}

  /**
   * Analyses papers with default options.
   *
   * @param papers the papers, ids unique, in corpus order
   */
  public static Analysis of(List<Paper> papers) {
    return run(papers).analysis();
  }

  /** Analyses papers with default options, keeping a free-text search over their terms. */
  public static Result run(List<Paper> papers) {
    EngineOptions engineOptions = EngineOptions.defaults();
    SimilarityEngine engine = SimilarityEngine.of(papers, engineOptions);
    PaperGraph graph = PaperGraph.of(papers, engine.links());
    Analyzer.Result result =
        new Analyzer(Analyzer.Options.defaults()).analyze(graph, TermSource.of(engine.vectors()));
    Layout layout = Layouts.compute(graph, result.communities().membership(), LAYOUT_SEED);
    RunManifest manifest =
        RunManifest.builder()
            .count("papers", papers.size())
            .count("edges", graph.similarity().edgeSet().size())
            .count("communities", result.communities().communities().size())
            .parameters(engineOptions.toMap())
            .parameters(result.parameters())
            .parameter("layout.seed", LAYOUT_SEED)
            .build();
    return new Result(
        new Analysis(graph, result.communities(), result.centralities(), layout, manifest),
        new TermVectorSearch(engine.vectors()));
  }
}
