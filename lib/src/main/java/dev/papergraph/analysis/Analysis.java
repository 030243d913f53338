package dev.papergraph.analysis;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import java.util.Objects;

/**
 * Everything the analysis stage computes over a graph, as the exports and the viewer consume it.
 *
 * @param graph the similarity and citation graphs
 * @param communities the partition with labels
 * @param centralities the centrality scores
 * @param layout the positions of the papers
 * @param manifest how the analysis was made (inputs, parameters, versions)
 */
public record Analysis(
    PaperGraph graph,
    Communities communities,
    Centralities centralities,
    Layout layout,
    RunManifest manifest) {
  public Analysis {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(communities, "communities");
    Objects.requireNonNull(centralities, "centralities");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(manifest, "manifest");
  }
}
