package dev.papergraph.cli;

import dev.papergraph.analysis.Measure;
import dev.papergraph.write.ExportFormat;
import dev.papergraph.write.GexfVersion;
import dev.papergraph.write.WriteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a file is exported: its format (from the name when not given) and whether it may be replaced.
 */
final class ExportTarget {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = FormatNames.class,
      description =
          "Export format: ${COMPLETION-CANDIDATES} (default: from the file name's extension).")
  String format;

  @Option(
      names = {"-f", "--force"},
      description = "Replace the file if it exists.")
  boolean force;

  @Option(
      names = "--no-abstracts",
      negatable = false,
      description = "Leave abstracts out of the file.")
  boolean noAbstracts;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--gexf-version",
      paramLabel = "VERSION",
      defaultValue = "1.2draft",
      description = "GEXF version: 1.2draft (default; Gephi and networkx 2.x read it) or 1.3.")
  String gexfVersion;

  @Option(
      names = "--size-by",
      paramLabel = "MEASURE",
      defaultValue = "pagerank",
      description =
          "The centrality node sizes follow: pagerank (default), betweenness, closeness, harmonic,"
              + " degree, strength, eigenvector.")
  String sizeBy;

  /**
   * The write options these arguments ask for.
   *
   * @throws ParameterException (exit 2) for an unknown GEXF version or measure
   */
  WriteOptions options(CommandLine commandLine) {
    GexfVersion version =
        GexfVersion.byName(gexfVersion)
            .orElseThrow(
                () ->
                    new ParameterException(
                        commandLine,
                        "unknown --gexf-version '" + gexfVersion + "': expected 1.2draft or 1.3"));
    Measure measure =
        Measure.byName(sizeBy.strip())
            .orElseThrow(
                () ->
                    new ParameterException(
                        commandLine,
                        "unknown --size-by '"
                            + sizeBy
                            + "': expected one of "
                            + String.join(
                                ", ", Arrays.stream(Measure.values()).map(Measure::key).toList())));
    return WriteOptions.defaults()
        .withOverwrite(force)
        .withAbstracts(!noAbstracts)
        .withGexfVersion(version)
        .withSizeBy(measure);
  }

  /**
   * The format for a target file.
   *
   * @throws ParameterException (a usage error, exit 2) for an unknown --format
   * @throws UserException if neither --format nor the file name says which
   */
  ExportFormat formatFor(Path target) throws UserException {
    if (format != null) {
      return ExportFormat.byName(format)
          .orElseThrow(
              () ->
                  new ParameterException(
                      mixee.commandLine(),
                      "unknown --format '"
                          + Text.echo(format)
                          + "': expected one of "
                          + ExportFormat.names()));
    }
    String name =
        target.getFileName() == null ? target.toString() : target.getFileName().toString();
    return ExportFormat.byFileName(name)
        .orElseThrow(
            () ->
                new UserException(
                    name
                        + ": cannot tell the format from the name; add --format "
                        + ExportFormat.names().replace(", ", "|")));
  }

  /** The names {@code --format} accepts. */
  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      for (ExportFormat f : ExportFormat.values()) {
        add(f.key());
      }
    }
  }
}
