package dev.papergraph.analysis;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsWeightedGraph;

/**
 * Neighbourhoods of papers in the similarity graph: the ego graph of a paper and the strongest path
 * between two papers.
 */
public final class Neighbourhoods {

  /**
   * The papers around a centre and the edges among them.
   *
   * @param center the centre paper id
   * @param hops the hop distance of every included paper (0 for the centre), in the order reached
   * @param edges every similarity edge between two included papers, strongest first (ties by ends)
   */
  public record EgoGraph(String center, Map<String, Integer> hops, List<SimilarityEdge> edges) {
    public EgoGraph {
      hops = Collections.unmodifiableMap(new LinkedHashMap<>(hops));
      edges = List.copyOf(edges);
    }

    /** The included paper ids, centre first, in the order reached. */
    public List<String> papers() {
      return List.copyOf(hops.keySet());
    }
  }

  /**
   * A path between two papers.
   *
   * @param papers the papers on the path, from the first to the last
   * @param edges the edges, {@code edges.get(i)} joining {@code papers.get(i)} and {@code
   *     papers.get(i + 1)}, each with its explanation
   * @param length the sum of the edge lengths {@code 1 / weight}
   */
  public record PaperPath(List<String> papers, List<SimilarityEdge> edges, double length) {
    public PaperPath {
      papers = List.copyOf(papers);
      edges = List.copyOf(edges);
    }
  }

  private final PaperGraph graph;

  /** Neighbourhoods in a paper graph. */
  public Neighbourhoods(PaperGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /**
   * The ego graph of a paper: from the centre, each paper reached at hop {@code h < depth} adds the
   * other ends of its {@code top} strongest edges (ties by id) at hop {@code h + 1}, if not already
   * included; the result holds every edge among the included papers.
   *
   * @param paperId the centre
   * @param depth hops, at least 1
   * @param top edges followed per paper, at least 1
   * @throws IllegalArgumentException if the paper is not in the graph or depth/top below 1
   */
  public EgoGraph ego(String paperId, int depth, int top) {
    requirePaper(paperId);
    Graph<String, SimilarityEdge> g = graph.similarity();
    return ego(paperId, depth, top, g::edgesOf);
  }

  /**
   * The ego graph of a paper by the rule of {@link #ego(String, int, int)}, over the edges {@code
   * edgesOf} gives at each paper, an edge's weight being its score (as in a {@link PaperGraph}): a
   * saved workspace answers from its links this way without building the graph. The result does not
   * depend on the order of the edges at a paper.
   *
   * @param paperId the centre (not checked against any corpus)
   * @param depth hops, at least 1
   * @param top edges followed per paper, at least 1
   * @param edgesOf the edges at a paper, at most one per pair of papers
   * @throws IllegalArgumentException if depth or top is below 1
   */
  public static EgoGraph ego(
      String paperId,
      int depth,
      int top,
      Function<String, ? extends Collection<SimilarityEdge>> edgesOf) {
    if (depth < 1) throw new IllegalArgumentException("depth must be at least 1: " + depth);
    if (top < 1) throw new IllegalArgumentException("top must be at least 1: " + top);
    Map<String, Integer> hops = new LinkedHashMap<>();
    hops.put(paperId, 0);
    List<String> frontier = List.of(paperId);
    for (int h = 1; h <= depth && !frontier.isEmpty(); h++) {
      List<String> next = new ArrayList<>();
      for (String v : frontier) {
        for (SimilarityEdge e : strongest(edgesOf.apply(v), v, top)) {
          String u = e.other(v);
          if (!hops.containsKey(u)) {
            hops.put(u, h);
            next.add(u);
          }
        }
      }
      frontier = next;
    }
    List<SimilarityEdge> edges = new ArrayList<>();
    for (String v : hops.keySet()) {
      for (SimilarityEdge e : edgesOf.apply(v)) {
        String u = e.other(v);
        if (v.compareTo(u) < 0 && hops.containsKey(u)) edges.add(e);
      }
    }
    edges.sort(STRONGEST_FIRST);
    return new EgoGraph(paperId, hops, edges);
  }

  /**
   * The strongest path between two papers: the shortest path when an edge of weight w has length
   * {@code 1 / w} (the same length the path centralities use), so it prefers few strong steps.
   * Computed by JGraphT's Dijkstra.
   *
   * @return the path, or empty when the papers are not connected
   * @throws IllegalArgumentException if a paper is not in the graph
   */
  public Optional<PaperPath> strongestPath(String from, String to) {
    requirePaper(from);
    requirePaper(to);
    Graph<String, SimilarityEdge> g = graph.similarity();
    Graph<String, SimilarityEdge> lengths =
        new AsWeightedGraph<>(g, e -> 1.0 / g.getEdgeWeight(e), true, false);
    GraphPath<String, SimilarityEdge> p = DijkstraShortestPath.findPathBetween(lengths, from, to);
    if (p == null) return Optional.empty();
    return Optional.of(new PaperPath(p.getVertexList(), p.getEdgeList(), p.getWeight()));
  }

  private static final Comparator<SimilarityEdge> STRONGEST_FIRST =
      Comparator.comparingDouble(SimilarityEdge::score)
          .reversed()
          .thenComparing(SimilarityEdge::first)
          .thenComparing(SimilarityEdge::second);

  private static List<SimilarityEdge> strongest(Collection<SimilarityEdge> at, String v, int top) {
    return at.stream()
        .sorted(
            Comparator.comparingDouble((SimilarityEdge e) -> -e.score())
                .thenComparing(e -> e.other(v)))
        .limit(top)
        .toList();
  }

  private void requirePaper(String id) {
    if (graph.paper(id).isEmpty()) {
      throw new IllegalArgumentException("no paper with id " + id + " in the graph");
    }
  }
}
