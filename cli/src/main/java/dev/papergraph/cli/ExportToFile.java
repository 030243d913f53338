package dev.papergraph.cli;

import dev.papergraph.write.AnalysedGraph;
import dev.papergraph.write.ExportFormat;
import dev.papergraph.write.Exports;
import dev.papergraph.write.WriteOptions;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** Writes an analysis (or a part of it) to a file, turning "file exists" into advice. */
final class ExportToFile {

  private ExportToFile() {}

  /** Writes and returns the files written. */
  static List<Path> write(
      AnalysedGraph analysis,
      ExportFormat format,
      Path target,
      ExportTarget args,
      CommandLine commandLine)
      throws IOException, UserException {
    WriteOptions options = args.options(commandLine);
    OutputFiles.requireWritable(target, Exports.files(format, target));
    try {
      return Exports.write(analysis, format, target, options);
    } catch (FileAlreadyExistsException e) {
      throw new UserException(
          e.getFile() + " exists; add --force to replace it, or choose another file");
    }
  }
}
