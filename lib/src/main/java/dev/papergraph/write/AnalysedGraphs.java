package dev.papergraph.write;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.Link;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Operations on whole analyses for export. */
public final class AnalysedGraphs {

  /**
   * The manifest parameter that marks a restricted analysis; its value is the number of papers
   * kept.
   */
  public static final String SUBSET = "export.subset";

  private AnalysedGraphs() {}

  /** Whether an analysis is a part of a larger one made by {@link #restrict}. */
  public static boolean isSubset(AnalysedGraph analysis) {
    return analysis.manifest().parameters().containsKey(SUBSET);
  }

  /**
   * The analysis restricted to a set of papers, e.g. an ego graph: the papers (in corpus order) and
   * the similarity edges between them, and for those papers the communities (ids, labels and hence
   * colours as in the whole map; members outside the set removed), the centralities and the
   * positions of the whole analysis, so an ego graph looks like its part of the full map. The
   * manifest gains the parameter {@code export.subset} (the number of papers) and the subset's
   * counts.
   *
   * @throws IllegalArgumentException naming the first id that is not a paper of the analysis
   */
  public static AnalysedGraph restrict(AnalysedGraph analysis, Collection<String> paperIds) {
    Set<String> keep = new HashSet<>(paperIds);
    for (String id : keep) {
      if (!analysis.graph().papers().containsKey(id)) {
        throw new IllegalArgumentException("not a paper of the analysis: " + id);
      }
    }
    List<Paper> papers = new ArrayList<>();
    for (Paper p : analysis.graph().papers().values()) {
      if (keep.contains(p.id())) {
        papers.add(p);
      }
    }
    List<Link> links = new ArrayList<>();
    for (Link l : analysis.graph().links()) {
      if (keep.contains(l.a()) && keep.contains(l.b())) {
        links.add(l);
      }
    }
    PaperGraph graph = PaperGraph.of(papers, links);

    Communities all = analysis.communities();
    Map<String, Integer> membership = new LinkedHashMap<>();
    for (Paper p : papers) {
      Integer c = all.membership().get(p.id());
      if (c != null) {
        membership.put(p.id(), c);
      }
    }
    List<Community> communities = new ArrayList<>();
    for (Community c : all.communities()) {
      communities.add(
          new Community(
              c.id(),
              c.members().stream().filter(keep::contains).toList(),
              c.labelTerms(),
              c.centralPapers().stream().filter(keep::contains).toList()));
    }
    Communities restricted =
        new Communities(
            membership, communities, all.modularity(), all.quality(), all.resolution(), all.seed());

    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    analysis
        .centralities()
        .scores()
        .forEach(
            (m, s) -> {
              Map<String, Double> kept = new LinkedHashMap<>();
              for (Paper p : papers) {
                Double v = s.get(p.id());
                if (v != null) {
                  kept.put(p.id(), v);
                }
              }
              scores.put(m, kept);
            });

    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    for (Paper p : papers) {
      Layout.Point pt = analysis.layout().positions().get(p.id());
      if (pt != null) {
        positions.put(p.id(), pt);
      }
    }

    RunManifest m = analysis.manifest();
    Map<String, Long> counts = new TreeMap<>(m.counts());
    counts.put("export.papers", (long) papers.size());
    counts.put("export.edges", (long) links.size());
    Map<String, Object> parameters = new TreeMap<>(m.parameters());
    parameters.put(SUBSET, papers.size());
    RunManifest manifest =
        new RunManifest(m.tool(), m.created(), m.inputs(), counts, parameters, m.libraries());
    return new AnalysedGraph(
        graph, restricted, new Centralities(scores), new Layout(positions), manifest);
  }
}
