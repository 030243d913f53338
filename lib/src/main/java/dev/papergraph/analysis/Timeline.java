package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * Papers per community per period (year or month): the growth of each community over time. Periods
 * run from the earliest to the latest of any paper, empty ones included; papers without a date of
 * that precision (no year; by month, no month) are counted apart, per community. Cost {@code
 * O(papers + communities × periods)}.
 */
public final class Timeline {

  private final Period period;
  private final int first;
  private final int[][] counts;
  private final int[] undated;

  private Timeline(Period period, int first, int[][] counts, int[] undated) {
    this.period = period;
    this.first = first;
    this.counts = counts;
    this.undated = undated;
  }

  /**
   * Counts papers by community and year.
   *
   * @param papers the papers (a paper outside every community is left out)
   * @param communities the partition the communities come from
   * @param period years or months
   */
  public static Timeline of(Collection<Paper> papers, Communities communities, Period period) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (Paper p : papers) {
      var t = period.of(p);
      if (t.isPresent() && communities.membership().containsKey(p.id())) {
        min = Math.min(min, t.getAsInt());
        max = Math.max(max, t.getAsInt());
      }
    }
    int k = communities.communities().size();
    int years = min > max ? 0 : max - min + 1;
    int[][] counts = new int[k][years];
    int[] undated = new int[k];
    for (Paper p : papers) {
      Integer c = communities.membership().get(p.id());
      if (c == null) {
        continue;
      }
      var t = period.of(p);
      if (t.isPresent()) {
        counts[c][t.getAsInt() - min]++;
      } else {
        undated[c]++;
      }
    }
    return new Timeline(period, years == 0 ? 0 : min, counts, undated);
  }

  /** The time step. */
  public Period period() {
    return period;
  }

  /** The number of communities (rows). */
  public int communities() {
    return counts.length;
  }

  /**
   * The number of periods, first to last inclusive; 0 when no paper has a date of the period's
   * precision.
   */
  public int periods() {
    return counts.length == 0 ? 0 : counts[0].length;
  }

  /** The first period number (see {@link Period}); meaningless when {@link #periods()} is 0. */
  public int first() {
    return first;
  }

  /** The last period number; meaningless when {@link #periods()} is 0. */
  public int last() {
    return first + periods() - 1;
  }

  /** The papers of a community published in a period (0 outside the span). */
  public int count(int community, int t) {
    int i = t - first;
    return i < 0 || i >= periods() ? 0 : counts[community][i];
  }

  /** The papers of all communities published in a period. */
  public int total(int t) {
    int n = 0;
    for (int c = 0; c < counts.length; c++) {
      n += count(c, t);
    }
    return n;
  }

  /** The papers of a community without a date of the period's precision. */
  public int undated(int community) {
    return undated[community];
  }

  /** The papers without a date of the period's precision, all communities. */
  public int undated() {
    int n = 0;
    for (int u : undated) {
      n += u;
    }
    return n;
  }

  /**
   * The period with most papers of a community (the earliest among ties), or empty when it has no
   * dated paper.
   */
  public OptionalInt peak(int community) {
    int best = -1;
    for (int i = 0; i < periods(); i++) {
      if (counts[community][i] > 0
          && (best < 0 || counts[community][i] > counts[community][best])) {
        best = i;
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(first + best);
  }
}
