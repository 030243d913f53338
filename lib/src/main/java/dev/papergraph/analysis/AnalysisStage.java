package dev.papergraph.analysis;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The analysis stage in one call: communities (Leiden), centralities overall and within each
 * community, community labels and central papers. The caller adds the layout and the run manifest
 * to make the bundle the exports draw ({@code write.AnalysedGraph}); {@link Result#parameters()}
 * lists every option and how the path measures were computed, for the manifest.
 *
 * <pre>{@code
 * AnalysisStage.Result r =
 *     new AnalysisStage(AnalysisStage.Options.defaults()).analyze(graph, similarity.neighbourDocs(), terms);
 * manifest.parameters(r.parameters());
 * AnalysedGraph a = new AnalysedGraph(graph, r.communities(), r.centralities(), layout, manifest.build());
 * }</pre>
 */
public final class AnalysisStage {

  /**
   * Options of the analysis stage, validated at construction.
   *
   * @param communities community detection
   * @param centralities centrality measures
   * @param labelTerms terms per community label, 1 to 10
   * @param centralPapers central papers listed per community, 0 or more
   * @param centralBy the measure (within the community) that picks central papers
   */
  public record Options(
      CommunityOptions communities,
      CentralityOptions centralities,
      int labelTerms,
      int centralPapers,
      Measure centralBy) {

    /** Default number of label terms. */
    public static final int LABEL_TERMS_DEFAULT = 4;

    /** Default number of central papers per community. */
    public static final int CENTRAL_PAPERS_DEFAULT = 5;

    /**
     * @throws NullPointerException if an option is null
     * @throws IllegalArgumentException naming the value, if labelTerms is outside 1..10 or
     *     centralPapers negative
     */
    public Options {
      Objects.requireNonNull(communities, "communities");
      Objects.requireNonNull(centralities, "centralities");
      Objects.requireNonNull(centralBy, "centralBy");
      if (labelTerms < 1 || labelTerms > 10) {
        throw new IllegalArgumentException("label terms must be between 1 and 10: " + labelTerms);
      }
      if (centralPapers < 0) {
        throw new IllegalArgumentException("central papers cannot be negative: " + centralPapers);
      }
    }

    /** The defaults of every part; 4 label terms, 5 central papers by PageRank. */
    public static Options defaults() {
      return new Options(
          CommunityOptions.defaults(),
          CentralityOptions.defaults(),
          LABEL_TERMS_DEFAULT,
          CENTRAL_PAPERS_DEFAULT,
          Measure.PAGERANK);
    }

    /** With other community options. */
    public Options withCommunities(CommunityOptions o) {
      return new Options(o, centralities, labelTerms, centralPapers, centralBy);
    }

    /** With other centrality options. */
    public Options withCentralities(CentralityOptions o) {
      return new Options(communities, o, labelTerms, centralPapers, centralBy);
    }

    /** With other label settings. @throws IllegalArgumentException if out of range */
    public Options withLabels(int terms, int papers, Measure by) {
      return new Options(communities, centralities, terms, papers, by);
    }

    /**
     * The options a run manifest's parameters describe, so that a run can be repeated from its
     * manifest; keys of other stages are ignored, missing keys take the defaults.
     *
     * @throws IllegalArgumentException naming the key, if a value has the wrong type or is invalid
     */
    public static Options fromParameters(Map<String, ?> p) {
      Options d = defaults();
      return new Options(
          CommunityOptions.fromParameters(p),
          CentralityOptions.fromParameters(p),
          Parameters.integer(p, "labels.terms", d.labelTerms()),
          Parameters.integer(p, "labels.centralPapers", d.centralPapers()),
          Parameters.enumValue(p, "labels.centralBy", Measure.class, d.centralBy()));
    }

    /** Every option as manifest parameters. */
    public Map<String, Object> parameters() {
      Map<String, Object> m = new LinkedHashMap<>(communities.parameters());
      m.putAll(centralities.parameters());
      m.put("labels.terms", labelTerms);
      m.put("labels.centralPapers", centralPapers);
      m.put("labels.centralBy", centralBy.key());
      return m;
    }
  }

  /**
   * What the analysis computed.
   *
   * @param communities the labelled communities
   * @param centralities the scores overall and within communities
   * @param parameters every option plus how the path measures were computed
   */
  public record Result(
      Communities communities, Centralities centralities, Map<String, Object> parameters) {
    public Result {
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  private final Options options;
  private final int threads;

  /** An analyzer with these options, on every processor. */
  public AnalysisStage(Options options) {
    this(options, Runtime.getRuntime().availableProcessors());
  }

  /**
   * An analyzer with these options, running on at most {@code threads} threads (the result does not
   * depend on it).
   *
   * @throws IllegalArgumentException if threads is below 1
   */
  public AnalysisStage(Options options, int threads) {
    this.options = Objects.requireNonNull(options, "options");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  /** The options. */
  public Options options() {
    return options;
  }

  /**
   * Analyses the similarity graph of a paper graph.
   *
   * @param graph the graph
   * @param neighbours each paper's top-k list (the lists the graph's links are the union of), as
   *     paper indices in the graph's vertex (corpus) order, by paper index; Leiden partitions their
   *     {@link SharedNeighbourGraph} when the community input is {@link
   *     CommunityInput#SHARED_NEIGHBOURS}, and they are not read otherwise (then they may be {@code
   *     null})
   * @param terms the papers' terms for labels, or {@code null} to leave labels empty
   * @throws IllegalArgumentException if the lists are needed and missing, or do not fit the graph
   */
  public Result analyze(PaperGraph graph, int[][] neighbours, TermSource terms) {
    return analyze(graph, neighbours, terms, stepsDone -> {});
  }

  /**
   * The units of work {@link #analyze(PaperGraph, int[][], TermSource, LongConsumer)} reports for
   * this graph: one per Leiden start, one per paper for the centralities over the whole graph and
   * one more per paper for those within its community.
   */
  public long steps(PaperGraph graph) {
    return steps(graph.similarity().vertexSet().size());
  }

  /** {@link #steps(PaperGraph)} of a graph of this many papers. */
  public long steps(int papers) {
    return options.communities().starts() + 2L * papers;
  }

  /**
   * Analyses the similarity graph, reporting the work done to {@code stepsDone} as it goes ({@link
   * #steps} units in all, from the calling thread); see {@link #analyze(PaperGraph, int[][],
   * TermSource)}.
   */
  public Result analyze(
      PaperGraph graph, int[][] neighbours, TermSource terms, LongConsumer stepsDone) {
    return analyze(graph, neighbours, terms, stepsDone, partition -> {});
  }

  /**
   * Analyses the similarity graph as {@link #analyze(PaperGraph, int[][], TermSource,
   * LongConsumer)} does, giving {@code partitioned} the communities as soon as Leiden has made
   * them, before the centralities and the labels are computed (on the calling thread; the result's
   * communities have the same membership, with labels).
   */
  public Result analyze(
      PaperGraph graph,
      int[][] neighbours,
      TermSource terms,
      LongConsumer stepsDone,
      Consumer<Communities> partitioned) {
    return analyze(IndexedGraph.of(graph), neighbours, terms, stepsDone, partitioned);
  }

  /**
   * Analyses a similarity graph in its indexed form ({@link IndexedGraph#of(PaperGraph)}, or {@link
   * IndexedGraph#of(java.util.List, java.util.List)} of the links a paper graph would be built of)
   * as {@link #analyze(PaperGraph, int[][], TermSource, LongConsumer, Consumer)} analyses the paper
   * graph.
   */
  public Result analyze(
      IndexedGraph<String> g,
      int[][] neighbours,
      TermSource terms,
      LongConsumer stepsDone,
      Consumer<Communities> partitioned) {
    if (options.communities().input() == CommunityInput.SHARED_NEIGHBOURS && neighbours == null) {
      throw new IllegalArgumentException(
          "the shared-neighbour community input needs the papers' top-k lists");
    }
    // the scores over the whole graph need no communities: they are computed on a thread of their
    // own while Leiden, which runs on one thread, makes the communities. Their path passes and
    // eigenvector products run on every thread, not on the one Leiden leaves: on a large graph they
    // outlast Leiden, the layout and the scores within the communities, and on one thread they were
    // the stage's tail with a core idle (74,728 papers: the last ~30 % of the stage)
    Future<CentralityAnalysis.Overall> overall =
        Parallel.beside(
            threads,
            "papergraph-centralities",
            () -> CentralityAnalysis.overall(g, options.centralities(), threads));
    LeidenCommunities leiden;
    Centralities centralities;
    Communities communities;
    CentralityAnalysis ca;
    try {
      IndexedGraph<String> input = g;
      if (options.communities().input() == CommunityInput.SHARED_NEIGHBOURS) {
        input = SharedNeighbourGraph.of(g, neighbours, threads);
      }
      leiden = new LeidenCommunities(input, g, options.communities());
      communities = leiden.communities(stepsDone);
      partitioned.accept(communities);
      ca = new CentralityAnalysis(g, options.centralities(), threads, communities, overall);
      centralities = ca.centralities(stepsDone);
    } finally {
      // a failed analysis leaves nothing computing on
      if (!overall.isDone()) {
        try {
          Parallel.await(overall);
        } catch (RuntimeException | Error e) {
          // the analysis failed before it awaited the scores, and reports that failure instead
        }
      }
    }
    Communities labelled =
        new CommunityLabeller(
                terms, options.labelTerms(), options.centralPapers(), options.centralBy(), threads)
            .label(communities, centralities);
    Map<String, Object> parameters = new LinkedHashMap<>(options.parameters());
    parameters.put("leiden.startsRun", leiden.startsRun());
    parameters.put("leiden.inputEdges", leiden.inputEdges());
    parameters.put("leiden.untilStableCapRun", leiden.untilStableCapRun());
    parameters.put("leiden.iterationsRun", leiden.iterationsRun());
    parameters.putAll(ca.report());
    return new Result(labelled, centralities, parameters);
  }
}
