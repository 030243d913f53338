package dev.papergraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code embed-alone}: the embedding of the papers alone ({@link EmbedRun}), in a fresh JVM started
 * with a build's options (the launcher's compiler thresholds and huge pages, the bench's heap): the
 * reference of issue 13's "semantic build within 1.2 times the embedding time alone", which {@code
 * build} also measures beside each semantic build.
 */
@Command(
    name = "embed-alone",
    mixinStandardHelpOptions = true,
    description = {
      "Times the embedding of the papers alone (empty store, model load included) in a fresh JVM",
      "with a build's options: the reference a semantic build's time is compared with."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar embed-alone /tmp/pg-build/papers-10000.jsonl",
      "  java -jar bench/target/papergraph-bench.jar embed-alone ../shared/corpus/arxiv-daily/daily"
          + " -n 2000 --jvm-defaults"
    })
final class EmbedAlone implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "Corpus files or folders, any format papergraph reads.")
  List<Path> inputs;

  @Option(names = "-n", paramLabel = "N", description = "The first N papers only (default: all).")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--heap", description = "The JVM's -Xmx (default: ${DEFAULT-VALUE}).")
  String heap = "3g";

  @Option(
      names = "--jvm-defaults",
      description = "Without the launcher's compiler thresholds for builds (BUILD_JIT).")
  boolean jvmDefaults;

  @Option(
      names = "--java-option",
      paramLabel = "OPTION",
      description = "A further JVM option (repeatable), e.g. -XX:TieredStopAtLevel=1.")
  List<String> javaOptions = new ArrayList<>();

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Folder for the log (default: a new temporary folder).")
  Path work;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Path folder = work == null ? Files.createTempDirectory("papergraph-bench") : work;
    Files.createDirectories(folder);
    List<String> args = new ArrayList<>();
    inputs.forEach(p -> args.add(p.toString()));
    if (limit != Integer.MAX_VALUE) {
      args.addAll(List.of("-n", Integer.toString(limit)));
    }
    JsonNode f = measure(args, heap, !jvmDefaults, javaOptions, folder, err);
    if (f == null) {
      return 3;
    }
    spec.commandLine().getOut().println(describe(f));
    return 0;
  }

  /**
   * Runs {@link EmbedRun} with {@code args} in a fresh JVM; its figures with the process's wall
   * seconds added ({@code process_wall_s}), or null when it failed (said on {@code err}).
   *
   * @param buildJit whether with the launcher's compiler thresholds for builds
   */
  static JsonNode measure(
      List<String> args,
      String heap,
      boolean buildJit,
      List<String> javaOptions,
      Path work,
      PrintWriter err)
      throws IOException, InterruptedException {
    Path figures = Files.createTempFile(work, "embed-alone-", ".json");
    Path log = work.resolve("embed-alone.log");
    List<String> cmd = BuildBench.buildJvm(heap, buildJit);
    cmd.addAll(javaOptions);
    cmd.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(), "embed-run"));
    cmd.addAll(args);
    cmd.addAll(List.of("--json-out", figures.toString()));
    err.println("embed-alone: " + String.join(" ", cmd));
    long t0 = System.nanoTime();
    int rc = BuildBench.run(cmd, log);
    double wall = (System.nanoTime() - t0) / 1e9;
    if (rc != 0) {
      err.println("embed-alone: failed (exit " + rc + "), see " + log);
      return null;
    }
    ObjectNode f = (ObjectNode) new ObjectMapper().readTree(figures.toFile());
    Files.delete(figures);
    f.put("process_wall_s", wall);
    f.put("load_avg", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    return f;
  }

  /** One line: papers, wall and CPU seconds, papers per second, CPU per thread group. */
  static String describe(JsonNode f) {
    return String.format(
        Locale.ROOT,
        "embed-alone: %d papers: %.1f s (cpu %.1f s), %.1f papers/s; process %.1f s, peak RSS %.0f"
            + " MiB, load %s; cpu by thread %s",
        f.get("papers").asInt(),
        f.get("embed_s").asDouble(),
        f.get("embed_cpu_s").asDouble(),
        f.get("papers_per_s").asDouble(),
        f.get("process_wall_s").asDouble(),
        f.get("peak_rss_mb").asDouble(),
        f.get("load_avg").asText(),
        f.get("embed_thread_cpu_s"));
  }
}
