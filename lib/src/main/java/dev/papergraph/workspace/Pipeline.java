package dev.papergraph.workspace;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.concurrent.Parallel;
import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.ForceAtlas2;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.PaperSimilarity;
import dev.papergraph.text.AnalysedTokens;
import dev.papergraph.write.AnalysedGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The stages after reading, in their order, in memory: papers in, everything the workspace saves
 * and the exports and the viewer show out. Similarity (the exact top-k engine over the papers' term
 * vectors, fused with their embeddings when the semantic part is on), the paper graph, the analysis
 * (Leiden communities with labels, centralities) and the ForceAtlas2 layout, each reported to a
 * {@link Progress} as its own stage with real counts: {@code similarity} (papers analysed, then,
 * lexical only, papers' top-k lists searched), {@code graph} (links explained, graph built), {@code
 * analysis} (Leiden starts, then papers scored overall and within their community), {@code layout}
 * (ForceAtlas2 iterations); {@code embed} (texts embedded) and {@code fusion} with the semantic
 * part. The workspace builds with it; anything else that needs the analysis of papers in memory
 * calls it too, so the stages are wired in one place.
 */
public final class Pipeline {

  private Pipeline() {}

  /** What the stages produced. */
  public static final class Result {
    private final SemanticStage.Outcome similarity;
    private final List<Paper> papers;
    private final List<Link> links;
    private PaperGraph graph;
    private final AnalysisStage.Result analysed;
    private final Layout layout;

    Result(
        SemanticStage.Outcome similarity,
        List<Paper> papers,
        List<Link> links,
        AnalysisStage.Result analysed,
        Layout layout) {
      this.similarity = Objects.requireNonNull(similarity, "similarity");
      this.papers = List.copyOf(papers);
      this.links = List.copyOf(links);
      this.analysed = Objects.requireNonNull(analysed, "analysed");
      this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** The similarity (lexical, or fused with the semantic part): explains any pair. */
    public PaperSimilarity engine() {
      return similarity.similarity();
    }

    /** The similarity links, each with its explanation, by (first, second) id. */
    public List<Link> links() {
      return links;
    }

    /**
     * The similarity and citation graph of the papers, built when first asked for (the stages work
     * on its indexed form, and a build does not ask for it).
     */
    public synchronized PaperGraph graph() {
      if (graph == null) {
        graph = PaperGraph.of(papers, links);
      }
      return graph;
    }

    /** Communities (numbered as the partition numbers them), centralities, analysis parameters. */
    public AnalysisStage.Result analysed() {
      return analysed;
    }

    /** The position of every paper. */
    public Layout layout() {
      return layout;
    }

    /** The similarity stage's own outcome (embeddings to save, manifest entries, warning). */
    SemanticStage.Outcome similarityStage() {
      return similarity;
    }

    /** The bundle the exports and the viewer take, with the manifest that describes the run. */
    public AnalysedGraph analysis(RunManifest manifest) {
      return new AnalysedGraph(
          graph(), analysed.communities(), analysed.centralities(), layout, manifest);
    }
  }

  /**
   * Runs the stages over the papers.
   *
   * @param papers the papers, ids unique, in corpus order
   * @param options the engine (with its thread count, used by every stage), analysis and layout
   *     options; the input format is not used here
   * @param progress receives each stage's start, advances and finish
   * @throws IOException if the semantic part's model cannot be read
   */
  public static Result run(List<Paper> papers, BuildOptions options, Progress progress)
      throws IOException {
    return run(papers, options, null, progress, (similarity, links) -> {});
  }

  /** Told of the stages' outputs as soon as they exist (a build saves them meanwhile). */
  interface SimilarityListener {
    /**
     * The similarity stage is done and its links explained; called once, on the calling thread,
     * before the graph is built. What it is given is not changed by the later stages.
     */
    void similarityDone(SemanticStage.Outcome similarity, List<Link> links);

    /**
     * The analysis is done; called once, on the calling thread, before the layout is awaited (with
     * more than one thread it is computed beside the analysis and may still be running), after
     * {@link #similarityDone}. What it is given is not changed by the layout.
     *
     * @throws IOException as the listener's own work may
     */
    default void analysisDone(AnalysisStage.Result analysed) throws IOException {}
  }

  /**
   * Runs the stages, reusing the embeddings a saved workspace holds.
   *
   * @param previous the folder of the workspace being rebuilt or grown, or {@code null}
   */
  static Result run(
      List<Paper> papers,
      BuildOptions options,
      Path previous,
      Progress progress,
      SimilarityListener listener)
      throws IOException {
    return run(papers, options, previous, progress, null, listener);
  }

  /**
   * Runs the stages as {@link #run(List, BuildOptions, Path, Progress, SimilarityListener)} does,
   * giving {@code tokens} the tokens of the text analysis as soon as they are complete (on the
   * calling thread, during the similarity stage), for the paper index written meanwhile; or none,
   * when the saved workspace's analysis of the same texts was taken instead.
   *
   * @param tokens told of the tokens or of none; {@code null} to record none
   */
  static Result run(
      List<Paper> papers,
      BuildOptions options,
      Path previous,
      Progress progress,
      Consumer<Optional<AnalysedTokens>> tokens,
      SimilarityListener listener)
      throws IOException {
    SemanticStage.Outcome similarity =
        SemanticStage.run(papers, options.engine(), previous, progress, tokens);

    // two steps: the links explained (shared terms and their readable forms), the graph built
    progress.start("graph", 2);
    List<Link> links = similarity.similarity().links();
    listener.similarityDone(similarity, links);
    progress.advance(1);
    // the graph the analysis and the layout read, indexed straight from the links: the JGraphT
    // graphs (PaperGraph) are built only if the result is asked for them
    List<String> ids = papers.stream().map(Paper::id).toList();
    IndexedGraph<String> graph = IndexedGraph.of(ids, links, similarity.similarity().linkEnds());
    progress.advance(1);
    progress.finish();

    int threads = options.engine().threads();
    AnalysisStage analyzer = new AnalysisStage(options.analysis(), threads);
    ForceAtlas2.Options layoutOptions =
        ForceAtlas2.Options.defaults(options.layoutSeed(), graph.size()).withThreads(threads);
    // the layout needs only Leiden's partition: with more than one thread it runs on a thread of
    // its own (its repulsion on its own worker threads when the graph is large) beside the
    // centralities and the labels, which leave much of the other cores idle; its iterations are
    // reported as its own stage after the analysis
    boolean beside = threads > 1;
    List<Long> iterationsDone = Collections.synchronizedList(new ArrayList<>());
    List<Future<Layout>> layingOut = new ArrayList<>(1);
    try {
      progress.start("analysis", analyzer.steps(graph.size()));
      // the lists' doc numbers are corpus positions, which are the graph's vertex indices
      AnalysisStage.Result analysed =
          analyzer.analyze(
              graph,
              similarity.similarity().neighbourDocs(),
              TermSource.of(similarity.similarity().vectors()),
              progress::advance,
              partition -> {
                if (beside) {
                  layingOut.add(
                      Parallel.beside(
                          threads,
                          "papergraph-layout",
                          () ->
                              Layouts.compute(
                                  ids,
                                  links,
                                  partition.membership(),
                                  layoutOptions,
                                  iterationsDone::add)));
                }
              });
      progress.finish();
      listener.analysisDone(analysed);

      progress.start("layout", layoutOptions.iterations());
      Layout layout;
      if (beside) {
        layout = WorkspaceBuilder.await(layingOut.get(0));
        iterationsDone.forEach(progress::advance);
      } else {
        layout =
            Layouts.compute(
                ids, links, analysed.communities().membership(), layoutOptions, progress::advance);
      }
      progress.finish();
      return new Result(similarity, papers, links, analysed, layout);
    } finally {
      // a failed analysis leaves no layout computing on
      layingOut.forEach(WorkspaceBuilder::finish);
    }
  }
}
