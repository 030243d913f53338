package dev.papergraph.bench;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The corpus a recall bench runs on: its files or folders, the first N papers, the threads. */
final class CorpusSample {

  @Parameters(
      paramLabel = "CORPUS",
      arity = "1..*",
      description = "Corpus files or folders, any format papergraph reads.")
  List<Path> inputs;

  @Option(names = "-n", description = "Use the first N papers (default: all).")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--threads", description = "Worker threads (default: all processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  /** The first {@code -n} papers of the corpus, in the order papergraph reads them. */
  List<Paper> papers() throws IOException {
    List<Paper> papers = Readers.standard().load(Bench.sources(inputs), null).papers();
    return papers.subList(0, Math.min(limit, papers.size()));
  }
}
