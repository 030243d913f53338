package dev.papergraph.bench;

import dev.papergraph.read.InputSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph-bench}: the developer's measurements of papergraph against its peers, kept out
 * of the shipped jar. Run it from the project root ({@code java -jar
 * bench/target/papergraph-bench.jar ...}); default data paths are relative to it ({@code
 * ../shared}, where the shared corpora and the Python peers live), and every one of them can be
 * given instead.
 */
@Command(
    name = "papergraph-bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks: neighbour quality (citation recovery), top-k graph and whole-build speed beside the Python peers.",
    subcommands = {
      RecoveryBench.class,
      GraphBench.class,
      GraphRun.class,
      BuildBench.class,
      BuildRun.class,
      EmbedAlone.class,
      EmbedRun.class,
      RecallBench.class,
      LayoutQuality.class,
      FusedRecallBench.class,
      GenerateCorpus.class,
      SeedFixtures.class,
      AnalysisFigures.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar recovery ../shared/corpus/openalex-synergy/Oud_2018/works_1.zip -o oud.tsv",
      "  java -jar bench/target/papergraph-bench.jar graph --sizes 10000,30000,all",
      "  java -jar bench/target/papergraph-bench.jar build --sizes 10000,30000,all",
      "  java -jar bench/target/papergraph-bench.jar embed-alone /tmp/pg-build/papers-10000.jsonl",
      "  java -jar bench/target/papergraph-bench.jar generate -n 1000000 -o /tmp/arxiv-1m.jsonl.gz"
    })
public final class Bench implements Callable<Integer> {

  /** The shared data folder, relative to the project root the bench runs from. */
  static final Path SHARED = Path.of("..", "shared");

  /** The arXiv daily files the bench reads by default. */
  static final Path ARXIV_DAILY = SHARED.resolve(Path.of("corpus", "arxiv-daily", "daily"));

  /** The Python peers. */
  static final Path PEERS = SHARED.resolve("bench");

  /** Exit code for a user or input error (as the papergraph CLI). */
  static final int EXIT_USER_ERROR = 1;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    // "--search approximate" as the papergraph CLI spells it, and as the examples do
    System.exit(
        new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /**
   * The inputs as sources: a folder's regular files in name order, a file as itself.
   *
   * @throws NoSuchFileException naming the first input that is neither
   */
  static List<InputSource> sources(List<Path> inputs) throws IOException {
    List<InputSource> sources = new ArrayList<>();
    for (Path p : inputs) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(Files::isRegularFile).sorted().forEach(f -> sources.add(InputSource.of(f)));
        }
      } else if (Files.isRegularFile(p)) {
        sources.add(InputSource.of(p));
      } else {
        throw new NoSuchFileException(p.toString());
      }
    }
    return sources;
  }

  static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
