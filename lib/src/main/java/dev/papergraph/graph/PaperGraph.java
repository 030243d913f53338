package dev.papergraph.graph;

import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import dev.papergraph.similarity.Link;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The papers of a corpus as graphs (JGraphT, vertices are paper ids): an undirected weighted
 * similarity graph whose edges carry their explanation, and a directed citation graph (citing to
 * cited) over the references that resolve to papers of the corpus. Every paper is a vertex of both,
 * isolated or not; vertices are in corpus order.
 *
 * <p>The graphs are built once and must not be modified by callers.
 */
public final class PaperGraph {

  private final Map<String, Paper> papers;
  private final Graph<String, SimilarityEdge> similarity;
  private final Graph<String, DefaultEdge> citations;

  private PaperGraph(
      Map<String, Paper> papers,
      Graph<String, SimilarityEdge> similarity,
      Graph<String, DefaultEdge> citations) {
    this.papers = Collections.unmodifiableMap(papers);
    this.similarity = similarity;
    this.citations = citations;
  }

  /**
   * Builds both graphs.
   *
   * @param papers the corpus papers, in corpus order (ids unique)
   * @param links scored pairs from the similarity engine; both ends must be among the papers
   * @throws IllegalArgumentException if a link names an unknown paper or two papers share an id
   */
  public static PaperGraph of(Collection<Paper> papers, Collection<Link> links) {
    List<SimilarityEdge> edges = new ArrayList<>(links.size());
    for (Link l : links) {
      edges.add(new SimilarityEdge(l.a(), l.b(), l.explanation()));
    }
    return ofEdges(papers, edges);
  }

  /**
   * Builds both graphs from similarity edges made for this graph (a saved workspace's, whose
   * explanations are read when asked for); see {@link #of}.
   *
   * @param edges new edges, each used by no other graph
   */
  public static PaperGraph ofEdges(Collection<Paper> papers, Collection<SimilarityEdge> edges) {
    Map<String, Paper> byId = new LinkedHashMap<>();
    Graph<String, SimilarityEdge> sim = new SimilarityGraph();
    Graph<String, DefaultEdge> cites =
        GraphTypeBuilder.<String, DefaultEdge>directed()
            .allowingSelfLoops(false)
            .allowingMultipleEdges(false)
            .weighted(false)
            .edgeClass(DefaultEdge.class)
            .buildGraph();
    for (Paper p : papers) {
      if (byId.put(p.id(), p) != null) {
        throw new IllegalArgumentException("two papers share the id " + p.id());
      }
      sim.addVertex(p.id());
      cites.addVertex(p.id());
    }
    for (SimilarityEdge e : edges) {
      if (!byId.containsKey(e.first()) || !byId.containsKey(e.second())) {
        throw new IllegalArgumentException(
            "link to a paper outside the corpus: " + e.first() + " -- " + e.second());
      }
      if (sim.addEdge(e.first(), e.second(), e)) {
        sim.setEdgeWeight(e, e.score());
      }
    }
    // references resolve to papers in one place, the citation index
    List<Paper> ordered = List.copyOf(byId.values());
    CitationIndex index = CitationIndex.of(ordered);
    for (int d = 0; d < ordered.size(); d++) {
      for (int cited : index.cited(d)) {
        cites.addEdge(ordered.get(d).id(), ordered.get(cited).id());
      }
    }
    return new PaperGraph(byId, sim, cites);
  }

  /**
   * The similarity graph's type: a simple weighted undirected graph (as JGraphT's {@code
   * SimpleWeightedGraph}) without the index of vertex pairs that JGraphT keeps by default (its
   * fast-lookup strategy: a map entry, a pair and an edge set for every edge, about 120 of the 195
   * bytes an edge costs). {@code getEdge(u, v)} then walks the edges of {@code u}, which a query
   * does a few times; adding an edge checks the edges of its first end, as many steps as the sum of
   * the squared degrees over the whole graph. Edges and vertices iterate in insertion order as
   * before.
   */
  private static final class SimilarityGraph extends AbstractBaseGraph<String, SimilarityEdge> {
    private static final long serialVersionUID = 1L;

    SimilarityGraph() {
      super(
          null,
          null,
          DefaultGraphType.simple().asWeighted(),
          new DefaultGraphSpecificsStrategy<>());
    }
  }

  /** The papers by id, in corpus order. */
  public Map<String, Paper> papers() {
    return papers;
  }

  /** The paper with this id. */
  public Optional<Paper> paper(String id) {
    return Optional.ofNullable(papers.get(id));
  }

  /** The undirected weighted similarity graph; edge weight = combined score. */
  public Graph<String, SimilarityEdge> similarity() {
    return similarity;
  }

  /** The directed citation graph (citing → cited) within the corpus; may have no edges. */
  public Graph<String, DefaultEdge> citations() {
    return citations;
  }

  /** True when any paper cites another paper of the corpus. */
  public boolean hasCitations() {
    return citations.edgeSet().size() > 0;
  }

  /** The edges as links, in a deterministic order (by first, then second id). */
  public List<Link> links() {
    return similarity.edgeSet().stream()
        .map(e -> new Link(e.first(), e.second(), e.explanation()))
        .sorted(Comparator.comparing(Link::a).thenComparing(Link::b))
        .toList();
  }
}
