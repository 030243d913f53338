package dev.papergraph.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an analysis to files in one format. Every file is written atomically ({@link
 * dev.papergraph.io.AtomicOutput}): a crash or kill mid-write leaves the previous file intact.
 */
public interface GraphWriter {

  /** The format written. */
  ExportFormat format();

  /** The files a write to {@code target} produces (one for most formats). */
  default List<Path> files(Path target) {
    return List.of(target);
  }

  /**
   * Writes the analysis.
   *
   * @return the files written
   * @throws java.nio.file.FileAlreadyExistsException if a file exists and the options do not allow
   *     overwriting it (nothing is then written)
   * @throws IOException if writing fails; the previous files are then unchanged
   */
  List<Path> write(AnalysedGraph analysis, Path target, WriteOptions options) throws IOException;
}
