package dev.papergraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * One measured run in its own JVM (so that its peak memory is its own): read a papergraph JSONL
 * corpus, build the engine, compute every top-k list, build the JGraphT graph; stage times and peak
 * RSS as JSON.
 */
@Command(
    name = "graph-run",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "One measured top-k graph build (used by 'bench graph').")
final class GraphRun implements Callable<Integer> {

  /** The engine configurations the benchmark knows. */
  enum Profile {
    /** The defaults (Lucene chain, bigrams, topics), explanations without shared terms. */
    papergraph,
    /** The peer's model: sklearn tokens, TF-IDF, min df 2, text only. */
    peer;

    EngineOptions options(int k, int threads) {
      EngineOptions d = EngineOptions.defaults().withK(k).withThreads(threads);
      return switch (this) {
        case papergraph -> d.toBuilder().sharedTerms(0).build();
        case peer ->
            d.textOnly().withMinScore(0).withText(TextOptions.sklearnCompatible()).toBuilder()
                .sharedTerms(0)
                .build();
      };
    }
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CORPUS", description = "papergraph corpus JSON Lines.")
  Path input;

  @Option(names = "--profile", description = "papergraph or peer (default: ${DEFAULT-VALUE}).")
  Profile profile = Profile.papergraph;

  @Option(names = "-k", description = "Neighbours per paper (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Option(names = "--threads", description = "Worker threads (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--json-out", paramLabel = "FILE", description = "Write the figures here.")
  Path jsonOut;

  @Option(
      names = "--dump",
      paramLabel = "FILE",
      description = "Write every top-k list as 'id<TAB>neighbour<TAB>score'.")
  Path dump;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> figures = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Corpus corpus =
        Readers.standard().load(List.of(InputSource.of(input)), Format.PAPERGRAPH_JSONL);
    List<Paper> papers = corpus.papers();
    long t1 = System.nanoTime();
    SimilarityEngine engine = SimilarityEngine.of(papers, profile.options(k, threads));
    long t2 = System.nanoTime();
    long c2 = BuildRun.processCpuNanos();
    int pairs = engine.linkCount();
    long t3 = System.nanoTime();
    long c3 = BuildRun.processCpuNanos();
    List<Link> links = engine.links();
    PaperGraph graph = PaperGraph.of(papers, links);
    long t4 = System.nanoTime();
    figures.put("profile", profile.name());
    figures.put("n", papers.size());
    figures.put("k", k);
    figures.put("threads", threads);
    figures.put("vocabulary", engine.vectors().vocabularySize());
    figures.put("edges", graph.similarity().edgeSet().size());
    figures.put("pairs", pairs);
    figures.put("read_s", (t1 - t0) / 1e9);
    figures.put("vectors_s", (t2 - t1) / 1e9);
    figures.put("topk_s", (t3 - t2) / 1e9);
    figures.put("topk_cpu_s", (c3 - c2) / 1e9);
    figures.put("graph_s", (t4 - t3) / 1e9);
    figures.put("total_s", (t4 - t0) / 1e9);
    figures.put("peak_rss_mb", peakRssMb());
    figures.put("options", profile.options(k, threads).toMap());
    if (dump != null) {
      int[][] nbr = engine.neighbourDocs();
      AtomicOutput.write(
          dump,
          true,
          os -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            for (int d = 0; d < nbr.length; d++) {
              String id = papers.get(d).id();
              for (int x : nbr[d]) {
                w.printf(
                    Locale.ROOT,
                    "%s\t%s\t%.7f%n",
                    id,
                    papers.get(x).id(),
                    engine.score(id, papers.get(x).id()));
              }
            }
            w.flush();
          });
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String text = json.writeValueAsString(figures);
    if (jsonOut != null) {
      AtomicOutput.write(jsonOut, true, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
    }
    spec.commandLine().getOut().println(text);
    return 0;
  }

  /** Peak resident set size of this process (VmHWM), in MiB; -1 where /proc is not available. */
  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
