package dev.papergraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the benchmarks that run the Python peers beside papergraph (a picocli mixin). */
final class PeerOptions {

  @Option(
      names = "--python",
      description = "Python with scikit-learn, igraph and pynndescent (default: ${DEFAULT-VALUE}).")
  String python = "/usr/bin/python3";

  @Option(
      names = "--peers",
      paramLabel = "DIR",
      description = "Folder of the Python peers (default: ${DEFAULT-VALUE}).")
  Path peers = Bench.PEERS;

  @Option(names = "--no-peer", description = "Run papergraph only.")
  boolean noPeer;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Folder for inputs, logs and figures (default: a new temporary folder).")
  Path work;

  /** The work folder, created if missing; a new temporary folder when none was given. */
  Path workFolder() throws IOException {
    Path w = work == null ? Files.createTempDirectory("papergraph-bench") : work;
    Files.createDirectories(w);
    return w;
  }

  /** The path of a peer script. */
  String script(String name) {
    return peers.resolve(name).toString();
  }
}
