package dev.papergraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One workspace of the bundled seed corpus, built once per test JVM by {@code papergraph build}
 * with the defaults, shared by the test classes that only read it.
 */
final class SeedWorkspace {

  private static Path dir;
  private static Cli.Result build;

  private SeedWorkspace() {}

  /** The workspace folder. */
  static synchronized Path dir() {
    if (dir == null) {
      try {
        Path root = Files.createTempDirectory("papergraph-seeds");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path ws = root.resolve("ws");
        build = Cli.run("build", "-w", ws.toString());
        if (build.code() != 0) {
          throw new AssertionError("building the seed workspace failed:\n" + build);
        }
        dir = ws;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /** What {@code build} printed. */
  static synchronized Cli.Result build() {
    dir();
    return build;
  }

  /** Runs a command against the seed workspace: {@code -w DIR} is appended to the arguments. */
  static Cli.Result run(String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "-w";
    all[args.length + 1] = dir().toString();
    return Cli.run(all);
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
