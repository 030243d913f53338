package dev.papergraph.cli;

import dev.papergraph.analysis.YearRange;
import dev.papergraph.model.Paper;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --since YEAR --until YEAR --undated include|exclude}: which papers a command looks at by
 * publication year. Papers without a year (no date, or a listing date such as "Apr 29") follow
 * {@code --undated}; the command says on standard error how many papers the filter kept and how
 * many were undated.
 */
final class YearOptions {

  /** What to do with papers whose year is unknown. */
  enum Undated {
    include,
    exclude
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--since",
      paramLabel = "YEAR",
      description = "Only papers published in YEAR or later.")
  Integer since;

  @Option(
      names = "--until",
      paramLabel = "YEAR",
      description = "Only papers published in YEAR or earlier.")
  Integer until;

  @Option(
      names = "--undated",
      paramLabel = "RULE",
      defaultValue = "include",
      description =
          "Papers without a year: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; the count is "
              + "printed).")
  Undated undated = Undated.include;

  /** True when the options leave any paper out. */
  boolean active() {
    return since != null || until != null || undated == Undated.exclude;
  }

  /** The range the options give. @throws ParameterException if --since comes after --until */
  YearRange range() {
    try {
      return new YearRange(since, until, undated == Undated.include);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          mixee.commandLine(), "--since " + since + " comes after --until " + until);
    }
  }

  /**
   * The ids of the workspace papers the filter keeps, empty when the options keep everything;
   * prints the count (kept, undated) on standard error unless quiet.
   */
  Optional<Set<String>> keep(Workspace ws) throws IOException {
    if (!active()) {
      return Optional.empty();
    }
    YearRange range = range();
    YearRange.Selection s = range.select(ws.papers());
    if (!GlobalOptions.of(mixee).quiet) {
      mixee
          .commandLine()
          .getErr()
          .printf(
              Text.NUMBERS,
              "papergraph: %s: %d of %d papers (%d without a year, %s)%n",
              range.describe(),
              s.kept().size(),
              s.total(),
              s.undated(),
              range.includeUndated() ? "included" : "left out");
      mixee.commandLine().getErr().flush();
    }
    return Optional.of(s.kept());
  }

  /** The papers the filter keeps, in their order (all of them when the options keep everything). */
  List<Paper> filter(Workspace ws, List<Paper> papers) throws IOException {
    Optional<Set<String>> kept = keep(ws);
    return kept.isEmpty()
        ? papers
        : papers.stream().filter(p -> kept.get().contains(p.id())).toList();
  }

  /** The year of a workspace paper, or null when unknown (a table cell). */
  static Integer year(Workspace ws, String id) throws IOException {
    return ws.year(id).orElse(null);
  }
}
