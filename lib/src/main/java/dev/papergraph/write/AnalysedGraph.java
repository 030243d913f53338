package dev.papergraph.write;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import java.util.Objects;

/**
 * What the exports and the viewer draw: the graph with the analysis stage's communities and
 * centralities and the layout computed after them, and the manifest of the run. It lives here,
 * after the layout, because it holds the layout; the analysis stage itself knows nothing of it.
 *
 * @param graph the similarity and citation graphs
 * @param communities the partition with labels
 * @param centralities the centrality scores
 * @param layout the positions of the papers
 * @param manifest how the analysis was made (inputs, parameters, versions)
 */
public record AnalysedGraph(
    PaperGraph graph,
    Communities communities,
    Centralities centralities,
    Layout layout,
    RunManifest manifest) {
  public AnalysedGraph {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(communities, "communities");
    Objects.requireNonNull(centralities, "centralities");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(manifest, "manifest");
  }
}
