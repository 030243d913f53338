package dev.papergraph.write;

import dev.papergraph.io.AtomicOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** A writer whose format is one stream, so it can also write to standard output. */
public interface StreamGraphWriter extends GraphWriter {

  /**
   * Writes the analysis to a stream, which stays open.
   *
   * @throws IOException if the stream fails
   */
  void write(AnalysedGraph analysis, WriteOptions options, OutputStream out) throws IOException;

  /** Writes the file atomically, first removing temporary files a killed earlier write left. */
  @Override
  default List<Path> write(AnalysedGraph analysis, Path target, WriteOptions options)
      throws IOException {
    AtomicOutput.removeStaleTemporaries(target);
    AtomicOutput.write(target, options.overwrite(), out -> write(analysis, options, out));
    return List.of(target);
  }
}
