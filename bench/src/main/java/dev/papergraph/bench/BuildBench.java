package dev.papergraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.NativeCorpus;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code build}: the whole {@code papergraph build} of the first N papers for each N, in a fresh
 * JVM each ({@link BuildRun}: every stage's wall and CPU time, peak RSS), beside the scikit-learn
 * peer ({@code peer_baseline.py}: TF-IDF, exact top-k, Leiden, PageRank) and PyNNDescent ({@code
 * pynndescent_peer.py}) on the same papers in the same run; a Markdown table with the load average
 * at each row. Rows whose lists are approximate get their recall@10 estimated on a random sample of
 * papers ({@link SampledRecall}; exact rows' recall is 1 by construction).
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Times the whole build of the first N papers for each size (a fresh JVM per run, every stage),",
      "beside the scikit-learn peer and PyNNDescent on the same papers; prints a Markdown table."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar build --sizes 10000,30000,all --no-semantic --work /tmp/pg-build",
      "  java -jar bench/target/papergraph-bench.jar build /tmp/arxiv-1m.jsonl --sizes 300000,1000000 --search approximate --no-semantic --no-peer"
    })
final class BuildBench implements Callable<Integer> {

  private static final Pattern PYNN =
      Pattern.compile("tfidf_s=([0-9.]+) nndescent_s=([0-9.]+) peak_rss_mb=([0-9.]+)");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description =
          "Corpus files or folders, any format papergraph reads (default: ${DEFAULT-VALUE}).")
  List<Path> inputs = new ArrayList<>(List.of(Bench.ARXIV_DAILY));

  @Option(
      names = "--sizes",
      split = ",",
      description = "Corpus sizes, 'all' for every paper (default: ${DEFAULT-VALUE}).")
  List<String> sizes = new ArrayList<>(List.of("10000", "30000", "all"));

  @Option(
      names = "--search",
      description = "exact, approximate or auto top-k (default: ${DEFAULT-VALUE}).")
  EngineOptions.Search search = EngineOptions.Search.AUTO;

  @Option(
      names = "--heap",
      description = "The -Xmx of each papergraph run (default: ${DEFAULT-VALUE}).")
  String heap = "3g";

  @Option(
      names = "--java-option",
      paramLabel = "OPTION",
      description = "A further JVM option of each papergraph run (repeatable), e.g. -Xms16g.")
  List<String> javaOptions = new ArrayList<>();

  @Option(
      names = "--no-semantic",
      description =
          "Lexical only, as 'papergraph build --no-semantic' (the model is never loaded).")
  boolean noSemantic;

  @Option(
      names = "--recall-sample",
      paramLabel = "M",
      description =
          "Approximate rows: recall@10 estimated on M papers drawn at random, their exact lists by"
              + " brute force, with a 95%% interval (0: not; default: ${DEFAULT-VALUE}).")
  int recallSample = SampledRecall.DEFAULT_SAMPLE;

  @Option(
      names = "--no-embed-alone",
      description =
          "Semantic builds: without the embedding of the same papers alone (embed-alone) and the"
              + " build's ratio to it.")
  boolean noEmbedAlone;

  @Mixin PeerOptions peer;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    List<InputSource> sources;
    try {
      sources = Bench.sources(inputs);
    } catch (NoSuchFileException e) {
      err.println("build: " + e.getFile() + ": no such file or folder");
      return Bench.EXIT_USER_ERROR;
    }
    Path work = peer.workFolder();
    ObjectMapper json = new ObjectMapper();
    // every size's input files first, then the corpus is let go (a method's locals die with it):
    // the
    // timed runs get the machine's memory (a million papers held here took 6 GB beside the run)
    List<Integer> ns = writeInputs(sources, work, json, err);
    System.gc();
    List<String> rows = new ArrayList<>();
    rows.add(
        "| papers | search | recall@10 | wall s | cpu s | read | similarity | embed | fusion | graph | analysis | layout | save"
            + " | peak RSS MiB | edges | embed alone | build / embed alone"
            + " | peer wall s | peer RSS MiB | PyNNDescent s | PyNNDescent RSS MiB | load avg |");
    rows.add(
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (int n : ns) {
      Path ours = work.resolve("papers-" + n + ".jsonl");
      Path peerInput = work.resolve("peer-" + n + ".jsonl");
      String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];

      Path figures = work.resolve("build-" + n + ".json");
      Path ws = work.resolve("ws-" + n);
      List<String> cmd = buildJvm(heap, true);
      if ((Files.size(ours) + 1023) / 1024 >= LARGE_BUILD_KB) {
        cmd.addAll(LARGE_BUILD_HEAP);
      }
      cmd.addAll(javaOptions);
      cmd.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              Bench.class.getName(),
              "build-run",
              ours.toString(),
              "--workspace",
              ws.toString(),
              "--search",
              search.name(),
              "--recall-sample",
              Integer.toString(recallSample),
              "--json-out",
              figures.toString()));
      if (noSemantic) {
        cmd.add("--no-semantic");
      }
      err.println("build: " + String.join(" ", cmd));
      long t0 = System.nanoTime();
      int rc = run(cmd, work.resolve("build-" + n + ".log"));
      double wall = (System.nanoTime() - t0) / 1e9;
      if (rc != 0) {
        err.println(
            "build: papergraph failed (exit "
                + rc
                + "), see "
                + work.resolve("build-" + n + ".log"));
        return 3;
      }
      JsonNode f = json.readTree(figures.toFile());
      ((ObjectNode) f).put("wall_s", wall);
      json.writeValue(figures.toFile(), f);

      // the reference of a semantic build: the embedding of the same papers alone, same options
      String alone = "| |";
      if (!noSemantic && !noEmbedAlone) {
        JsonNode e = EmbedAlone.measure(List.of(ours.toString()), heap, true, List.of(), work, err);
        if (e == null) {
          return 3;
        }
        err.println(EmbedAlone.describe(e));
        double embedWall = e.get("embed_s").asDouble();
        alone =
            String.format(
                Locale.ROOT,
                "| %.1f (%.1f) | %.2f",
                embedWall,
                e.get("embed_cpu_s").asDouble(),
                wall / embedWall);
      }

      String peerCols = "| | | |";
      if (!peer.noPeer) {
        Path peerJson = work.resolve("peer-" + n + ".json");
        long p0 = System.nanoTime();
        int prc =
            runPeer(
                List.of(
                    peer.python,
                    peer.script("peer_baseline.py"),
                    peerInput.toString(),
                    "-k",
                    "10",
                    "--min-df",
                    "2",
                    "--json-out",
                    peerJson.toString()),
                work.resolve("peer-" + n + ".log"));
        double peerWall = (System.nanoTime() - p0) / 1e9;
        Path pynnLog = work.resolve("pynndescent-" + n + ".log");
        long q0 = System.nanoTime();
        int qrc =
            runPeer(
                List.of(
                    peer.python,
                    peer.script("pynndescent_peer.py"),
                    peerInput.toString(),
                    "-k",
                    "10"),
                pynnLog);
        double pynnWall = (System.nanoTime() - q0) / 1e9;
        Matcher m = PYNN.matcher(Files.readString(pynnLog));
        boolean found = qrc == 0 && m.find();
        peerCols =
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s",
                prc == 0 ? String.format(Locale.ROOT, "%.1f", peerWall) : "failed",
                prc == 0
                    ? String.format(
                        Locale.ROOT,
                        "%.0f",
                        json.readTree(peerJson.toFile()).get("peak_rss_mb").asDouble())
                    : "",
                found
                    ? String.format(
                        Locale.ROOT,
                        "%.1f (process %.1f)",
                        Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)),
                        pynnWall)
                    : "failed",
                found ? m.group(3) : "");
      }
      JsonNode st = f.get("stages");
      String row =
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %d %s"
                  + " %s | %s |",
              n,
              f.get("search").asText(),
              recall(f.get("recall")),
              wall,
              f.get("build_cpu_s").asDouble(),
              stage(st, "read"),
              stage(st, "similarity"),
              stage(st, "embed"),
              stage(st, "fusion"),
              stage(st, "graph"),
              stage(st, "analysis"),
              stage(st, "layout"),
              stage(st, "save"),
              f.get("peak_rss_mb").asDouble(),
              f.get("edges").asLong(),
              alone,
              peerCols,
              load);
      rows.add(row);
      err.println("build: " + row);
    }
    String table = String.join(System.lineSeparator(), rows);
    AtomicOutput.write(
        work.resolve("table.md"),
        true,
        os -> os.write((table + "\n").getBytes(StandardCharsets.UTF_8)));
    spec.commandLine().getOut().println(table);
    return 0;
  }

  /** Reads the corpus and writes each size's input for papergraph and for the peers; the sizes. */
  private List<Integer> writeInputs(
      List<InputSource> sources, Path work, ObjectMapper json, PrintWriter err) throws IOException {
    List<Paper> all = Readers.standard().load(sources, null).papers();
    err.println("build: " + all.size() + " distinct papers; work folder " + work);
    List<Integer> ns = new ArrayList<>();
    for (String size : sizes) {
      int n =
          size.equalsIgnoreCase("all") ? all.size() : Math.min(all.size(), Integer.parseInt(size));
      List<Paper> sub = all.subList(0, n);
      NativeCorpus.writeJsonl(sub, work.resolve("papers-" + n + ".jsonl"), true);
      writePeerInput(sub, work.resolve("peer-" + n + ".jsonl"), json);
      ns.add(n);
    }
    return ns;
  }

  /**
   * The sampled recall with its 95 % interval, "0.9874 (0.9851-0.9897)"; empty when not measured
   * (exact lists, or --recall-sample 0).
   */
  private static String recall(JsonNode r) {
    return r == null
        ? ""
        : String.format(
            Locale.ROOT,
            "%.4f (%.4f-%.4f)",
            r.get("estimate").asDouble(),
            r.get("ci95_low").asDouble(),
            r.get("ci95_high").asDouble());
  }

  /** "wall (cpu)" seconds of a stage, or empty when the build did not report it. */
  private static String stage(JsonNode stages, String name) {
    JsonNode s = stages.get(name);
    return s == null
        ? ""
        : String.format(
            Locale.ROOT, "%.1f (%.1f)", s.get("wall_s").asDouble(), s.get("cpu_s").asDouble());
  }

  /** The papers as the Python peers read them: one {@code {"id","title","abstract"}} a line. */
  static void writePeerInput(List<Paper> papers, Path target, ObjectMapper json)
      throws IOException {
    AtomicOutput.write(
        target,
        true,
        os -> {
          for (Paper p : papers) {
            ObjectNode o = json.createObjectNode();
            o.put("id", p.id());
            o.put("title", p.title());
            o.put("abstract", p.abstractText() == null ? "" : p.abstractText());
            os.write(json.writeValueAsBytes(o));
            os.write('\n');
          }
        });
  }

  /** Runs a command to its end, its output and errors into the log; its exit code. */
  static int run(List<String> cmd, Path log) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return p.waitFor();
  }

  /** GNU time: forks the peer from a small process (see {@link #runPeer}). */
  private static final Path TIME = Path.of("/usr/bin/time");

  /**
   * Runs a Python peer, its output into {@code log}. The peers report their peak RSS as their own
   * {@code ru_maxrss}, and Linux carries the high-water mark of the process that spawned them into
   * it: the JVM starts a child by vfork and exec, and exec records the JVM's peak in the child. A
   * peer started straight from this JVM would report the bench's peak (1.1 GB measured for a 13 MiB
   * Python with a 1 GiB array in the JVM). So the peer runs under GNU time, which forks it from a
   * process of a few MiB; its log also gets time's own "peak RSS" line.
   */
  static int runPeer(List<String> cmd, Path log) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(TIME)) {
      full.addAll(List.of(TIME.toString(), "-f", "peer process peak RSS %M KiB (GNU time)"));
    } else {
      System.err.println(
          "bench: "
              + TIME
              + " is missing (Debian package time): the peer's peak RSS includes this JVM's");
    }
    full.addAll(cmd);
    return run(full, log);
  }

  /**
   * The compiler thresholds and the collector the launcher gives a build that is not small ({@code
   * BUILD_JIT} in the {@code papergraph} script), so that a timed build runs as the user's does;
   * BuildBenchTest checks that the two agree.
   */
  static final List<String> BUILD_JIT =
      List.of(
          "-XX:Tier4InvocationThreshold=400000",
          "-XX:Tier4MinInvocationThreshold=1200",
          "-XX:Tier4CompileThreshold=1200000",
          "-XX:Tier4BackEdgeThreshold=3200000",
          "-XX:+UseParallelGC",
          "-XX:NewRatio=4");

  /**
   * Whether the kernel gives transparent huge pages on request, the launcher's test before it asks
   * for them ({@code thp} in the {@code papergraph} script; elsewhere the JVM would warn).
   */
  static boolean transparentHugePages() {
    try {
      String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
      return mode.contains("[always]") || mode.contains("[madvise]");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The launcher's large build: inputs of at least this many KiB (its {@code LARGE_BUILD_KB}) start
   * with their whole heap ({@link #LARGE_BUILD_HEAP}, its {@code LARGE_BUILD_HEAP}); BuildBenchTest
   * checks that the two agree.
   */
  static final long LARGE_BUILD_KB = 262144;

  static final List<String> LARGE_BUILD_HEAP = List.of("-XX:InitialRAMPercentage=100");

  /**
   * The start of a JVM command as the launcher runs a build that is not small: the heap, its
   * transparent huge pages where the kernel gives them, and (with {@code buildJit}) its compiler
   * thresholds.
   */
  static List<String> buildJvm(String heap, boolean buildJit) {
    List<String> cmd = new ArrayList<>(List.of(javaCommand(), "-Xmx" + heap));
    if (transparentHugePages()) {
      cmd.add("-XX:+UseTransparentHugePages");
    }
    if (buildJit) {
      cmd.addAll(BUILD_JIT);
    }
    return cmd;
  }

  static String javaCommand() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
  }
}
