package dev.papergraph.bench;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seed-fixtures}: rewrites the seed graph fixtures that {@code SeedGraphTest} reads
 * (seed_edges.tsv, seed_partition.tsv) from the engine's and the analysis' defaults on the bundled
 * seed corpus; then run {@code make_reference.py} beside them to refresh the networkx references.
 */
@Command(
    name = "seed-fixtures",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrites seed_edges.tsv and seed_partition.tsv (the seed graph the analysis tests read)",
      "from the engine and analysis defaults; then run make_reference.py in that folder."
    })
final class SeedFixtures implements Callable<Integer> {

  /** The bundled seed corpus on the class path (module testdata). */
  static final String SEEDS = "papergraph/seed/hf-papers";

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The fixture folder (default: ${DEFAULT-VALUE}).")
  Path dir = Path.of("lib", "src", "test", "resources", "dev", "papergraph", "analysis");

  @Override
  public Integer call() throws IOException {
    Corpus corpus =
        Readers.standard().load(Readers.bundled(SeedFixtures.class.getClassLoader(), SEEDS), null);
    SimilarityEngine engine = SimilarityEngine.of(corpus.papers(), EngineOptions.defaults());
    PaperGraph graph = PaperGraph.of(corpus.papers(), engine.links());
    AnalysisStage.Result result =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(graph, engine.neighbourDocs(), TermSource.of(engine.vectors()));
    StringBuilder edges =
        new StringBuilder("# the seed similarity graph (engine defaults): a TAB b TAB weight\n");
    graph.papers().keySet().stream()
        .sorted()
        .forEach(id -> edges.append("# vertex ").append(id).append('\n'));
    graph.similarity().edgeSet().stream()
        .sorted(Comparator.comparing(SimilarityEdge::first).thenComparing(SimilarityEdge::second))
        .forEach(
            e ->
                edges
                    .append(e.first())
                    .append('\t')
                    .append(e.second())
                    .append('\t')
                    .append(graph.similarity().getEdgeWeight(e))
                    .append('\n'));
    AtomicOutput.write(
        dir.resolve("seed_edges.tsv"),
        true,
        out -> out.write(edges.toString().getBytes(StandardCharsets.UTF_8)));
    StringBuilder parts = new StringBuilder("# paper TAB community (Leiden, analysis defaults)\n");
    result.communities().membership().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> parts.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    AtomicOutput.write(
        dir.resolve("seed_partition.tsv"),
        true,
        out -> out.write(parts.toString().getBytes(StandardCharsets.UTF_8)));
    spec.commandLine()
        .getErr()
        .println(
            "seed-fixtures: wrote "
                + dir.resolve("seed_edges.tsv")
                + " and "
                + dir.resolve("seed_partition.tsv"));
    return 0;
  }
}
