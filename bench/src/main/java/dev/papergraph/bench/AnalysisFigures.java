package dev.papergraph.bench;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.CommunityOptions;
import dev.papergraph.analysis.LeidenCommunities;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.Popularity;
import dev.papergraph.analysis.PopularityContrast;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.gml.GmlImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analysis-figures}: prints the analysis figures quoted in issue notes: Leiden modularity on
 * the classic graphs (Zachary's karate club, the Doubtful Sound dolphins), and the seed corpus'
 * communities with labels, central papers, hidden gems and hype.
 */
@Command(
    name = "analysis-figures",
    mixinStandardHelpOptions = true,
    description =
        "Prints Leiden modularity on the classic graphs and the seed corpus' communities, gems and hype.")
final class AnalysisFigures implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--graphs",
      paramLabel = "DIR",
      description = "Folder of karate.gml and dolphins.gml (default: ${DEFAULT-VALUE}).")
  Path graphs = Path.of("lib", "src", "test", "resources", "dev", "papergraph", "analysis");

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    for (String name : new String[] {"karate.gml", "dolphins.gml"}) {
      Communities c =
          new LeidenCommunities(
                  IndexedGraph.of(gml(graphs.resolve(name))),
                  CommunityOptions.defaults().withResolution(1.0))
              .communities();
      out.printf(
          Locale.ROOT,
          "FIGURE %s: modularity %.6f, %d communities (Leiden defaults, resolution 1)%n",
          name,
          c.modularity(),
          c.communities().size());
    }
    Corpus corpus =
        Readers.standard()
            .load(
                Readers.bundled(AnalysisFigures.class.getClassLoader(), SeedFixtures.SEEDS), null);
    SimilarityEngine engine = SimilarityEngine.of(corpus.papers(), EngineOptions.defaults());
    PaperGraph g = PaperGraph.of(corpus.papers(), engine.links());
    long t0 = System.nanoTime();
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(g, engine.neighbourDocs(), TermSource.of(engine.vectors()));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    IndexedGraph<String> ig = IndexedGraph.of(g);
    out.printf(
        Locale.ROOT,
        "FIGURE seed: %d papers, %d edges, modularity %.6f, %d communities, analysis %d ms%n",
        ig.size(),
        ig.edgeCount(),
        r.communities().modularity(),
        r.communities().communities().size(),
        ms);
    for (Community c : r.communities().communities()) {
      out.printf(
          Locale.ROOT,
          "FIGURE   %d (%d papers%s): %s | most central: %s%n",
          c.id(),
          c.size(),
          c.small() ? ", small" : "",
          c.label(),
          g.paper(c.centralPapers().get(0)).orElseThrow().title());
    }
    PopularityContrast pc =
        PopularityContrast.of(
            g.papers().values(),
            r.centralities(),
            Measure.PAGERANK,
            Popularity.UPVOTES,
            r.communities(),
            PopularityContrast.Rule.defaults());
    for (PopularityContrast.Standing s : pc.hiddenGems(0.6).stream().limit(3).toList()) {
      out.printf(
          Locale.ROOT,
          "FIGURE   gem %+.2f %d upvotes: %s%n",
          s.gap(),
          s.popularity(),
          g.paper(s.paperId()).orElseThrow().title());
    }
    for (PopularityContrast.Standing s : pc.hype(0.6).stream().limit(3).toList()) {
      out.printf(
          Locale.ROOT,
          "FIGURE   hype %+.2f %d upvotes: %s%n",
          s.gap(),
          s.popularity(),
          g.paper(s.paperId()).orElseThrow().title());
    }
    out.flush();
    return 0;
  }

  /**
   * A GML graph with vertices named by their ids and weights from {@code value} (1 when absent).
   */
  private static Graph<String, DefaultWeightedEdge> gml(Path file) throws IOException {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    GmlImporter<String, DefaultWeightedEdge> importer = new GmlImporter<>();
    importer.setVertexFactory(id -> Integer.toString(id));
    importer.addEdgeAttributeConsumer(
        (edgeAndKey, attribute) -> {
          if (edgeAndKey.getSecond().equals("value")) {
            g.setEdgeWeight(edgeAndKey.getFirst(), Double.parseDouble(attribute.getValue()));
          }
        });
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      importer.importGraph(g, r);
    }
    return g;
  }
}
