package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Papers whose centrality and popularity disagree. Among the papers with a known popularity figure,
 * each gets a percentile rank of its centrality and of its popularity, {@code (rank - 1) / (N - 1)}
 * in [0, 1] with tied values sharing their average rank; the gap is centrality percentile minus
 * popularity percentile. "Hidden gems" have a gap of at least the threshold (far more central than
 * popular), "hype" a gap of at most minus the threshold (far more popular than central). Both lists
 * are sorted by the size of the gap, then by id.
 */
public final class PopularityContrast {

  /** One paper's standing. */
  public record Standing(
      String paperId,
      double centrality,
      int popularity,
      double centralityPercentile,
      double popularityPercentile) {
    /** Centrality percentile minus popularity percentile, -1 to 1. */
    public double gap() {
      return centralityPercentile - popularityPercentile;
    }
  }

  private final List<Standing> standings;

  private PopularityContrast(List<Standing> standings) {
    this.standings = standings;
  }

  /**
   * Compares a measure with a popularity figure over the papers that have one.
   *
   * @param papers the papers (those without the figure are left out)
   * @param centralities the scores
   * @param measure the centrality measure
   * @param popularity which figure; {@link #choose} picks one for a corpus
   */
  public static PopularityContrast of(
      Collection<Paper> papers, Centralities centralities, Measure measure, Popularity popularity) {
    List<Paper> known =
        papers.stream()
            .filter(p -> popularity.of(p).isPresent())
            .sorted(Comparator.comparing(Paper::id))
            .toList();
    int n = known.size();
    double[] cent = new double[n];
    double[] pop = new double[n];
    for (int i = 0; i < n; i++) {
      cent[i] = centralities.score(measure, known.get(i).id());
      pop[i] = popularity.of(known.get(i)).orElseThrow();
    }
    double[] cp = percentiles(cent);
    double[] pp = percentiles(pop);
    List<Standing> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Standing(known.get(i).id(), cent[i], (int) pop[i], cp[i], pp[i]));
    }
    return new PopularityContrast(List.copyOf(out));
  }

  /** Upvotes when any paper has them, else citations when any has them. */
  public static Optional<Popularity> choose(Collection<Paper> papers) {
    for (Popularity p : Popularity.values()) {
      if (papers.stream().anyMatch(x -> p.of(x).isPresent())) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Every paper with a known figure, by id. */
  public List<Standing> standings() {
    return standings;
  }

  /** Papers with {@code gap >= threshold}, largest gap first. */
  public List<Standing> hiddenGems(double threshold) {
    return standings.stream()
        .filter(s -> s.gap() >= threshold)
        .sorted(
            Comparator.comparingDouble(Standing::gap).reversed().thenComparing(Standing::paperId))
        .toList();
  }

  /** Papers with {@code gap <= -threshold}, most negative gap first. */
  public List<Standing> hype(double threshold) {
    return standings.stream()
        .filter(s -> s.gap() <= -threshold)
        .sorted(Comparator.comparingDouble(Standing::gap).thenComparing(Standing::paperId))
        .toList();
  }

  /** Percentile ranks with ties averaged: (average rank - 1) / (n - 1); 0.5 for a single value. */
  static double[] percentiles(double[] values) {
    int n = values.length;
    double[] out = new double[n];
    if (n == 1) {
      out[0] = 0.5;
      return out;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
      double rank = (i + j) / 2.0; // zero-based average rank of the tie group
      for (int k = i; k <= j; k++) out[order[k]] = rank / (n - 1);
      i = j + 1;
    }
    return out;
  }
}
