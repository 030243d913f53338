package dev.papergraph.analysis;

import dev.papergraph.model.Paper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Papers whose centrality and popularity disagree, each compared with its peers only: the papers of
 * the same community and, for citations, of about the same age (a paper of 1990 has had more time
 * to be cited than one of 2015). The rule ({@link Rule}):
 *
 * <ul>
 *   <li>a paper is judged when it has the popularity figure, a community, at least {@code
 *       minDegree} neighbours in the similarity graph (a paper linked to almost nothing has no
 *       meaningful centrality), and, for citations, a year;
 *   <li>its peers are the judged papers of its community, for citations only those published at
 *       most {@code ageWindow} years before or after it; with fewer than {@code minPeers} peers
 *       (itself included) it is not judged;
 *   <li>among its peers it gets a percentile rank of its centrality within the community and of its
 *       popularity, {@code (rank - 1) / (N - 1)} in [0, 1] with ties sharing their average rank;
 *       the gap is centrality percentile minus popularity percentile.
 * </ul>
 *
 * "Hidden gems" have a gap of at least the threshold (far more central than popular among their
 * peers), "hype" a gap of at most minus the threshold. Both lists are sorted by the size of the
 * gap, then by id. Cost {@code O(n · p)} for n judged papers with at most p peers each.
 */
public final class PopularityContrast {

  /**
   * Who is compared with whom.
   *
   * @param minDegree least number of similarity neighbours of a judged paper
   * @param ageWindow years apart a peer may be published (citations only)
   * @param minPeers least number of peers, the paper included, to be judged
   */
  public record Rule(int minDegree, int ageWindow, int minPeers) {

    /** Neighbours a paper needs by default. */
    public static final int MIN_DEGREE_DEFAULT = 3;

    /** Years apart peers may be by default. */
    public static final int AGE_WINDOW_DEFAULT = 2;

    /** Peers a paper needs by default. */
    public static final int MIN_PEERS_DEFAULT = 5;

    /**
     * @throws IllegalArgumentException if minDegree or ageWindow is negative or minPeers below 2
     */
    public Rule {
      if (minDegree < 0) {
        throw new IllegalArgumentException("min degree cannot be negative: " + minDegree);
      }
      if (ageWindow < 0) {
        throw new IllegalArgumentException("age window cannot be negative: " + ageWindow);
      }
      if (minPeers < 2) {
        throw new IllegalArgumentException("min peers must be at least 2: " + minPeers);
      }
    }

    /** The defaults: 3 neighbours, 2 years, 5 peers. */
    public static Rule defaults() {
      return new Rule(MIN_DEGREE_DEFAULT, AGE_WINDOW_DEFAULT, MIN_PEERS_DEFAULT);
    }
  }

  /** One paper's standing among its peers. */
  public record Standing(
      String paperId,
      int community,
      int peers,
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
   * Compares a measure (within each community) with a popularity figure, each paper among its peers
   * by the rule.
   *
   * @param papers the papers (those the rule does not judge are left out)
   * @param centralities the scores; {@link Measure#DEGREE} gives the neighbours
   * @param measure the centrality measure, taken within the paper's community
   * @param popularity which figure; {@link #choose} picks one for a corpus
   * @param communities the partition
   * @param rule who is compared with whom
   */
  public static PopularityContrast of(
      Collection<Paper> papers,
      Centralities centralities,
      Measure measure,
      Popularity popularity,
      Communities communities,
      Rule rule) {
    boolean byAge = popularity == Popularity.CITATIONS;
    // the judged papers of each community, by id
    Map<Integer, List<Paper>> byCommunity = new TreeMap<>();
    papers.stream()
        .filter(p -> popularity.of(p).isPresent())
        .filter(p -> !byAge || p.year().isPresent())
        .filter(p -> centralities.score(Measure.DEGREE, p.id()) >= rule.minDegree())
        .sorted(Comparator.comparing(Paper::id))
        .forEach(
            p ->
                communities
                    .of(p.id())
                    .ifPresent(
                        c -> byCommunity.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(p)));
    List<Standing> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Paper>> e : byCommunity.entrySet()) {
      List<Paper> members = e.getValue();
      for (Paper p : members) {
        List<Paper> peers =
            byAge
                ? members.stream()
                    .filter(
                        q ->
                            Math.abs(q.year().orElseThrow() - p.year().orElseThrow())
                                <= rule.ageWindow())
                    .toList()
                : members;
        if (peers.size() < rule.minPeers()) {
          continue;
        }
        double[] cent = new double[peers.size()];
        double[] pop = new double[peers.size()];
        for (int i = 0; i < peers.size(); i++) {
          cent[i] = centralities.scoreWithinCommunity(measure, peers.get(i).id());
          pop[i] = popularity.of(peers.get(i)).orElseThrow();
        }
        double c = centralities.scoreWithinCommunity(measure, p.id());
        int v = popularity.of(p).orElseThrow();
        out.add(
            new Standing(
                p.id(), e.getKey(), peers.size(), c, v, percentile(c, cent), percentile(v, pop)));
      }
    }
    out.sort(Comparator.comparing(Standing::paperId));
    return new PopularityContrast(List.copyOf(out));
  }

  /** Upvotes when any paper has them, else citations when any has them. */
  public static Optional<Popularity> choose(Collection<Paper> papers) {
    for (Popularity p : Popularity.values()) {
      if (papers.stream().anyMatch(x -> p.of(x).isPresent())) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Every judged paper, by id. */
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

  /**
   * The percentile rank of {@code value} among {@code values} (which hold it): its zero-based
   * average rank among equal values over {@code n - 1}; 0.5 when it is alone.
   */
  static double percentile(double value, double[] values) {
    if (values.length == 1) {
      return 0.5;
    }
    int less = 0;
    int equal = 0;
    for (double x : values) {
      if (x < value) {
        less++;
      } else if (x == value) {
        equal++;
      }
    }
    return (less + (equal - 1) / 2.0) / (values.length - 1);
  }
}
