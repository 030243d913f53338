package dev.papergraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.OperatingSystemMXBean;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.read.InputSource;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TextOptions;
import dev.papergraph.workspace.BuildOptions;
import dev.papergraph.workspace.Progress;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * One measured whole build in its own JVM (so that its peak memory is its own): exactly what {@code
 * papergraph build} runs ({@link Workspace#build}), with the wall and CPU time of each stage the
 * build reports (read, similarity, graph, analysis, layout, save) and the peak RSS, as JSON; with
 * {@code --recall-sample M} and approximate lists, their recall@k estimated on M papers afterwards
 * ({@link SampledRecall}).
 */
@Command(
    name = "build-run",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "One measured whole build (used by 'build').")
final class BuildRun implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "Corpus files, any format papergraph reads.")
  List<Path> inputs;

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      required = true,
      description = "The workspace to write.")
  Path workspace;

  @Option(names = "--threads", description = "Worker threads (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--search",
      description = "exact, approximate or auto top-k (default: ${DEFAULT-VALUE}).")
  EngineOptions.Search search = EngineOptions.Search.AUTO;

  @Option(
      names = "--no-semantic",
      description =
          "Lexical only, as 'papergraph build --no-semantic' (the model is never loaded).")
  boolean noSemantic;

  @Option(
      names = "--recall-sample",
      paramLabel = "M",
      description =
          "When the lists are approximate (lexical), their recall@k estimated after the build on M"
              + " papers drawn at random, exact lists by brute force (0: not; default:"
              + " ${DEFAULT-VALUE}).")
  int recallSample;

  @Option(
      names = "--recall-seed",
      description = "Seed of the recall sample (default: ${DEFAULT-VALUE}).")
  long recallSeed = SampledRecall.DEFAULT_SEED;

  @Option(names = "--json-out", paramLabel = "FILE", description = "Write the figures here.")
  Path jsonOut;

  @Option(
      names = "--extra-stop-word",
      paramLabel = "WORD",
      description =
          "A word added to the academic stop list: rebuilding a workspace with it analyses the"
              + " texts again (the saved term vectors no longer match) while the embeddings come"
              + " from its store, so a rebuild times every stage but the embedding.")
  String extraStopWord;

  @Option(
      names = "--warm-repeats",
      paramLabel = "R",
      description =
          "After the measured build, rebuild the workspace R more times in the same JVM (with"
              + " --extra-stop-word, a different word each time, so that the texts are analysed"
              + " again): their times, under warm_repeats, against the first build's show how much"
              + " of it was the JVM's warm-up (class loading, the JIT's compilers, code not yet"
              + " compiled) rather than the work itself (default: ${DEFAULT-VALUE}).")
  int warmRepeats;

  @Override
  public Integer call() throws IOException {
    List<InputSource> sources = new ArrayList<>();
    for (Path p : inputs) {
      sources.add(InputSource.of(p));
    }
    BuildOptions options = options(extraStopWord);
    ThreadCpu threadCpu = ThreadCpu.start();
    StageClock clock = new StageClock(threadCpu);
    Map<String, Double> threads0 = threadCpu.seconds();
    long t0 = System.nanoTime();
    long c0 = processCpuNanos();
    Workspace ws = Workspace.build(workspace, sources, options, clock);
    long t1 = System.nanoTime();
    long c1 = processCpuNanos();
    Map<String, Double> threads1 = threadCpu.seconds();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("papers", ws.papers().size());
    figures.put("edges", ws.links().size());
    figures.put("communities", ws.communities().communities().size());
    figures.put("threads", threads);
    figures.put("search", search.approximate(ws.papers().size()) ? "approximate" : "exact");
    figures.put("semantic", options.engine().usesSemantic());
    figures.put("stages", clock.stages);
    figures.put("build_s", (t1 - t0) / 1e9);
    figures.put("build_cpu_s", (c1 - c0) / 1e9);
    figures.put("build_thread_cpu_s", ThreadCpu.difference(threads1, threads0));
    figures.put("jvm_uptime_s", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    figures.put("peak_rss_mb", GraphRun.peakRssMb());
    // after the build and its peak: the brute force is the bench's, not the build's
    if (recallSample > 0 && search.approximate(ws.papers().size())) {
      if (ws.similarity() instanceof SimilarityEngine lexical) {
        SampledRecall r =
            SampledRecall.measure(lexical, lexical.neighbourDocs(), recallSample, recallSeed);
        Map<String, Object> recall = new LinkedHashMap<>();
        recall.put("k", lexical.options().k());
        recall.put("estimate", r.recall());
        recall.put("ci95_low", r.low());
        recall.put("ci95_high", r.high());
        recall.put("sampled", r.sampled());
        recall.put("counted", r.counted());
        recall.put("seed", recallSeed);
        recall.put("brute_force_s", r.seconds());
        recall.put("brute_force_cpu_s", r.cpuSeconds());
        figures.put("recall", recall);
        System.err.println("build-run: recall@" + lexical.options().k() + " " + r.describe());
      } else {
        System.err.println(
            "build-run: recall not measured: the lists are fused (see the fused-recall command)");
      }
    }
    if (warmRepeats > 0) {
      List<Map<String, Object>> repeats = new ArrayList<>();
      for (int r = 1; r <= warmRepeats; r++) {
        BuildOptions again = options(extraStopWord == null ? null : extraStopWord + r);
        StageClock warm = new StageClock(threadCpu);
        Map<String, Double> before = threadCpu.seconds();
        long w0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        Workspace.build(workspace, sources, again, warm);
        Map<String, Object> repeat = new LinkedHashMap<>();
        repeat.put("build_s", (System.nanoTime() - w0) / 1e9);
        repeat.put("build_cpu_s", (processCpuNanos() - cpu0) / 1e9);
        repeat.put("build_thread_cpu_s", ThreadCpu.difference(threadCpu.seconds(), before));
        repeat.put("stages", warm.stages);
        repeats.add(repeat);
        System.err.printf(
            Locale.ROOT,
            "build-run: warm repeat %d: %.2f s, %.2f CPU s%n",
            r,
            (double) repeat.get("build_s"),
            (double) repeat.get("build_cpu_s"));
      }
      figures.put("warm_repeats", repeats);
    }
    String text =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
    if (jsonOut != null) {
      AtomicOutput.write(jsonOut, true, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
    }
    spec.commandLine().getOut().println(text);
    return 0;
  }

  /** The build's options: the defaults, the command's, and this word added to the stop list. */
  private BuildOptions options(String stopWord) {
    EngineOptions engine = BuildOptions.DEFAULTS.engine().withThreads(threads).withSearch(search);
    if (stopWord != null) {
      List<String> words = new ArrayList<>(TextOptions.ACADEMIC_STOP_WORDS);
      words.add(stopWord);
      engine = engine.withText(engine.text().withStopWords(words));
    }
    return BuildOptions.DEFAULTS.withEngine(noSemantic ? engine.lexicalOnly() : engine);
  }

  /** The CPU time of the whole process (every thread), in nanoseconds; -1 where unknown. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Records the wall and CPU seconds of each stage the build reports, and its CPU seconds per
   * thread group ({@link ThreadCpu}): what ran beside the stage's own threads.
   */
  static final class StageClock implements Progress {
    final Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
    private final ThreadCpu threads;
    private String stage;
    private long wall;
    private long cpu;
    private Map<String, Double> threadsAtStart;

    StageClock(ThreadCpu threads) {
      this.threads = threads;
    }

    @Override
    public void start(String name, long total) {
      stage = name;
      threadsAtStart = threads.seconds();
      wall = System.nanoTime();
      cpu = processCpuNanos();
    }

    @Override
    public void advance(long units) {}

    @Override
    public void finish() {
      double wallS = (System.nanoTime() - wall) / 1e9;
      double cpuS = (processCpuNanos() - cpu) / 1e9;
      Map<String, Double> byThread = ThreadCpu.difference(threads.seconds(), threadsAtStart);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("wall_s", wallS);
      m.put("cpu_s", cpuS);
      m.put("thread_cpu_s", byThread);
      // a stage is reported once (a second report would replace the first)
      stages.put(stage, m);
      System.err.printf(
          Locale.ROOT, "build-run: %s %.1f s (cpu %.1f s) %s%n", stage, wallS, cpuS, byThread);
    }
  }
}
