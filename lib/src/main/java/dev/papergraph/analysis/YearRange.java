package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A span of publication years with a rule for papers whose year is unknown (a listing date such as
 * "Apr 29" without a year, or no date at all): include them or leave them out.
 *
 * @param since the first year kept, or {@code null} for no lower bound
 * @param until the last year kept (inclusive), or {@code null} for no upper bound
 * @param includeUndated whether papers without a year are kept
 */
public record YearRange(Integer since, Integer until, boolean includeUndated) {

  /** Every paper, dated or not. */
  public static final YearRange ALL = new YearRange(null, null, true);

  /**
   * @throws IllegalArgumentException if since is after until
   */
  public YearRange {
    if (since != null && until != null && since > until) {
      throw new IllegalArgumentException(
          "the first year comes after the last: " + since + " > " + until);
    }
  }

  /** True when this range keeps every paper. */
  public boolean isAll() {
    return since == null && until == null && includeUndated;
  }

  /** Whether a paper with this year (empty when unknown) is kept. */
  public boolean accepts(Optional<Integer> year) {
    if (year.isEmpty()) {
      return includeUndated;
    }
    int y = year.get();
    return (since == null || y >= since) && (until == null || y <= until);
  }

  /** Whether a paper is kept. */
  public boolean accepts(Paper p) {
    return accepts(p.year());
  }

  /**
   * The papers this range keeps, with counts of what it saw.
   *
   * @param kept ids of the kept papers, in the order given
   * @param total the papers looked at
   * @param undated the papers without a year among them (kept or not, as the rule says)
   */
  public record Selection(Set<String> kept, int total, int undated) {
    public Selection {
      kept = Collections.unmodifiableSet(new LinkedHashSet<>(kept));
    }
  }

  /** Applies the range to papers. */
  public Selection select(Collection<Paper> papers) {
    Set<String> kept = new LinkedHashSet<>();
    int undated = 0;
    for (Paper p : papers) {
      if (p.year().isEmpty()) {
        undated++;
      }
      if (accepts(p)) {
        kept.add(p.id());
      }
    }
    return new Selection(kept, papers.size(), undated);
  }

  /** A short description such as "2019-2021" or "from 2019" or "all years". */
  public String describe() {
    if (since == null && until == null) {
      return "all years";
    }
    if (since == null) {
      return "until " + until;
    }
    if (until == null) {
      return "from " + since;
    }
    return since.equals(until) ? String.valueOf(since) : since + "-" + until;
  }
}
