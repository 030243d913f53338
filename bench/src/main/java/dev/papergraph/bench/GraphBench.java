package dev.papergraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.NativeCorpus;
import dev.papergraph.read.Readers;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph bench graph}: the top-k graph of the first N papers of a corpus, for each N, by
 * papergraph (each run in a fresh JVM) and by the Python peer on the same papers in the same run; a
 * Markdown table of wall time, peak memory and edges.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the top-k graph of the first N papers for each size, with papergraph (a fresh JVM per run)",
      "and the Python peer (peer_baseline.py) on the same papers; prints a Markdown table."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar graph --sizes 10000,30000,all --work /tmp/pg-bench"
    })
final class GraphBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description = "arXiv daily JSONL(.gz) files or folders (default: ${DEFAULT-VALUE}).")
  List<Path> inputs = new ArrayList<>(List.of(Bench.ARXIV_DAILY));

  @Option(
      names = "--sizes",
      split = ",",
      description = "Corpus sizes, 'all' for every paper (default: ${DEFAULT-VALUE}).")
  List<String> sizes = new ArrayList<>(List.of("10000", "30000", "all"));

  @Option(
      names = "--profiles",
      split = ",",
      description = "papergraph and/or peer engine models (default: ${DEFAULT-VALUE}).")
  List<GraphRun.Profile> profiles =
      new ArrayList<>(List.of(GraphRun.Profile.papergraph, GraphRun.Profile.peer));

  @Option(names = "-k", description = "Neighbours per paper (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Option(
      names = "--peer",
      paramLabel = "SCRIPT",
      description = "The Python peer (default: ${DEFAULT-VALUE}).")
  Path peer = Bench.PEERS.resolve("peer_baseline.py");

  @Option(
      names = "--python",
      description = "Python with scikit-learn and igraph (default: ${DEFAULT-VALUE}).")
  String python = "/usr/bin/python3";

  @Option(names = "--no-peer", description = "Run papergraph only.")
  boolean noPeer;

  @Option(
      names = "--dump",
      description = "Also write every top-k list (papergraph runs) to the work folder.")
  boolean dump;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Folder for inputs, logs and figures (default: a new temporary folder).")
  Path work;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    List<InputSource> sources;
    try {
      sources = Bench.sources(inputs);
    } catch (NoSuchFileException e) {
      err.println("papergraph: " + e.getFile() + ": no such file or folder");
      return Bench.EXIT_USER_ERROR;
    }
    if (work == null) {
      work = Files.createTempDirectory("papergraph-bench");
    }
    Files.createDirectories(work);
    err.println("bench: reading " + sources.size() + " files; work folder " + work);
    Corpus corpus = Readers.standard().load(sources, Format.ARXIV);
    List<Paper> all = corpus.papers();
    err.println("bench: " + all.size() + " distinct papers");

    ObjectMapper json = new ObjectMapper();
    List<String> rows = new ArrayList<>();
    rows.add(
        "| papers | engine | wall s | top-k s | peak RSS MiB | edges | peer wall s | peer load+tfidf+knn+graph s | peer peak RSS MiB | peer edges | speed-up |");
    rows.add("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String size : sizes) {
      int n =
          size.equalsIgnoreCase("all") ? all.size() : Math.min(all.size(), Integer.parseInt(size));
      List<Paper> sub = all.subList(0, n);
      Path peerInput = work.resolve("peer-" + n + ".jsonl");
      Path ours = work.resolve("papers-" + n + ".jsonl");
      writePeerInput(sub, peerInput, json);
      NativeCorpus.writeJsonl(sub, ours, true);

      JsonNode peerFigures = null;
      double peerWall = Double.NaN;
      if (!noPeer) {
        Path peerJson = work.resolve("peer-" + n + ".json");
        List<String> cmd =
            List.of(
                python,
                peer.toString(),
                peerInput.toString(),
                "-k",
                Integer.toString(k),
                "--min-df",
                "2",
                "--json-out",
                peerJson.toString());
        err.println("bench: " + String.join(" ", cmd));
        long t0 = System.nanoTime();
        int rc = BuildBench.runPeer(cmd, work.resolve("peer-" + n + ".log"));
        peerWall = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
          err.println(
              "bench: the peer failed (exit "
                  + rc
                  + "), see "
                  + work.resolve("peer-" + n + ".log"));
        } else {
          peerFigures = json.readTree(peerJson.toFile());
        }
      }
      for (GraphRun.Profile profile : profiles) {
        Path figures = work.resolve("papergraph-" + profile + "-" + n + ".json");
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    BuildBench.javaCommand(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Bench.class.getName(),
                    "graph-run",
                    ours.toString(),
                    "--profile",
                    profile.name(),
                    "-k",
                    Integer.toString(k),
                    "--json-out",
                    figures.toString()));
        if (dump) {
          cmd.add("--dump");
          cmd.add(work.resolve("neighbours-" + profile + "-" + n + ".tsv").toString());
        }
        err.println("bench: papergraph " + profile + " n=" + n);
        long t0 = System.nanoTime();
        int rc = BuildBench.run(cmd, work.resolve("papergraph-" + profile + "-" + n + ".log"));
        double wall = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
          err.println("bench: papergraph failed (exit " + rc + "), see the log in " + work);
          return 3;
        }
        JsonNode f = json.readTree(figures.toFile());
        ((ObjectNode) f).put("wall_s", wall);
        json.writeValue(figures.toFile(), f);
        String peerCols = "| | | | |";
        if (peerFigures != null) {
          double upToGraph = 0;
          for (JsonNode st : peerFigures.get("stages")) {
            String name = st.get("name").asText();
            if (name.equals("load")
                || name.equals("tfidf")
                || name.equals("knn_exact")
                || name.equals("graph_build")) {
              upToGraph += st.get("seconds").asDouble();
            }
          }
          peerCols =
              String.format(
                  Locale.ROOT,
                  "%.1f | %.1f | %.0f | %d | %.1fx |",
                  peerWall,
                  upToGraph,
                  peerFigures.get("peak_rss_mb").asDouble(),
                  peerFigures.get("info").get("edges").asLong(),
                  peerWall / wall);
        }
        String row =
            String.format(
                Locale.ROOT,
                "| %d | %s | %.1f | %.1f | %.0f | %d | %s",
                n,
                profile,
                wall,
                f.get("topk_s").asDouble(),
                f.get("peak_rss_mb").asDouble(),
                f.get("edges").asLong(),
                peerCols);
        rows.add(row);
        err.println("bench: " + row);
      }
    }
    String table = String.join(System.lineSeparator(), rows);
    AtomicOutput.write(
        work.resolve("table.md"),
        true,
        os -> os.write((table + "\n").getBytes(StandardCharsets.UTF_8)));
    out.println(table);
    return 0;
  }

  private static void writePeerInput(List<Paper> papers, Path target, ObjectMapper json)
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
}
