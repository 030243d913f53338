package dev.papergraph.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The export entry point the command line and the viewer call.
 *
 * <pre>{@code
 * Exports.write(analysis, ExportFormat.GRAPHML, Path.of("map.graphml"), WriteOptions.defaults());
 * Exports.write(Exports.restrict(analysis, egoIds), ExportFormat.GEXF, Path.of("ego.gexf"), options);
 * }</pre>
 */
public final class Exports {

  private Exports() {}

  /**
   * Writes an analysis in a format, atomically.
   *
   * @return the files written (CSV writes two)
   * @throws java.nio.file.FileAlreadyExistsException if a file exists and overwriting is not asked
   * @throws IOException if writing fails; existing files are then unchanged
   */
  public static List<Path> write(
      AnalysedGraph analysis, ExportFormat format, Path target, WriteOptions options)
      throws IOException {
    return format.writer().write(analysis, target, options);
  }

  /**
   * Writes an analysis to a stream (e.g. standard output), which stays open.
   *
   * @throws IllegalArgumentException for CSV, which is two files
   * @throws IOException if the stream fails
   */
  public static void write(
      AnalysedGraph analysis, ExportFormat format, OutputStream out, WriteOptions options)
      throws IOException {
    if (!(format.writer() instanceof StreamGraphWriter w)) {
      throw new IllegalArgumentException(
          format.key() + " writes two files (nodes and edges); give a file name");
    }
    w.write(analysis, options, out);
  }

  /** The files a write to {@code target} would produce. */
  public static List<Path> files(ExportFormat format, Path target) {
    return format.writer().files(target);
  }

  /**
   * The analysis restricted to some papers (an ego graph, a community), for writing in any format;
   * see {@link AnalysedGraphs#restrict}.
   */
  public static AnalysedGraph restrict(AnalysedGraph analysis, Collection<String> paperIds) {
    return AnalysedGraphs.restrict(analysis, paperIds);
  }
}
