package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The time step of timelines and burst detection: a year, or a month for corpora that span a few
 * months (a daily listing). A period is numbered by an int: the year, or {@code year * 12 + month -
 * 1}.
 */
public enum Period {
  /** Calendar years. */
  YEAR,
  /** Calendar months. */
  MONTH;

  /** The period of a paper's date, empty when the date lacks the year (or, by month, the month). */
  public OptionalInt of(Paper p) {
    if (p.date() == null || p.date().year() == null) {
      return OptionalInt.empty();
    }
    if (this == YEAR) {
      return OptionalInt.of(p.date().year());
    }
    return p.date().month() == null
        ? OptionalInt.empty()
        : OptionalInt.of(p.date().year() * 12 + p.date().month() - 1);
  }

  /** The text form of a period number: "2024" or "2024-03". */
  public String label(int period) {
    return this == YEAR
        ? String.valueOf(period)
        : String.format(
            Locale.ROOT, "%04d-%02d", Math.floorDiv(period, 12), Math.floorMod(period, 12) + 1);
  }

  /** The lower-case name, as options spell it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
