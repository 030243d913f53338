package dev.papergraph.cli;

import dev.papergraph.write.ExportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How a file is exported: its format (from the name when not given) and whether it may be replaced. */
final class ExportArgs {

  @Option(names = "--format", paramLabel = "FORMAT",
      completionCandidates = FormatNames.class,
      description = "Export format: ${COMPLETION-CANDIDATES} (default: from the file name's extension).")
  String format;

  @Option(names = {"-f", "--force"}, description = "Replace the file if it exists.")
  boolean force;

  @Option(names = "--no-abstracts", negatable = false, description = "Leave abstracts out of the file.")
  boolean noAbstracts;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * The format for a target file.
   *
   * @throws ParameterException (a usage error, exit 2) for an unknown --format
   * @throws UserException if neither --format nor the file name says which
   */
  ExportFormat formatFor(Path target) throws UserException {
    if (format != null) {
      return ExportFormat.byName(format).orElseThrow(() -> new ParameterException(mixee.commandLine(),
          "unknown --format '" + Text.echo(format) + "': expected one of " + ExportFormat.names()));
    }
    String name = target.getFileName() == null ? target.toString() : target.getFileName().toString();
    return ExportFormat.byFileName(name).orElseThrow(() -> new UserException(
        name + ": cannot tell the format from the name; add --format " + ExportFormat.names().replace(", ", "|")));
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
