package dev.papergraph.cli;

import dev.papergraph.analysis.Period;
import dev.papergraph.model.Paper;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --by year|month|auto}: the time step of {@code timeline} and {@code bursts}. */
final class PeriodOption {

  @Option(
      names = "--by",
      paramLabel = "STEP",
      defaultValue = "auto",
      description =
          "year, month, or auto: months when the dated papers span fewer than 3 years, else years "
              + "(default: ${DEFAULT-VALUE}).")
  String by = "auto";

  /** The period --by names for these papers. */
  Period period(List<Paper> papers) throws UserException {
    return period(by, papers);
  }

  /**
   * The period a --by value names; auto is months when the dated papers span fewer than 3 years.
   */
  static Period period(String by, List<Paper> papers) throws UserException {
    switch (by) {
      case "year":
        return Period.YEAR;
      case "month":
        return Period.MONTH;
      case "auto":
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (Paper p : papers) {
          if (p.year().isPresent()) {
            min = Math.min(min, p.year().get());
            max = Math.max(max, p.year().get());
          }
        }
        return min <= max && max - min < 2 ? Period.MONTH : Period.YEAR;
      default:
        throw new UserException("--by " + by + ": expected year, month or auto");
    }
  }
}
