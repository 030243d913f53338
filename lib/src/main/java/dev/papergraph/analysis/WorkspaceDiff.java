package dev.papergraph.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two runs over a corpus: the papers added and removed, what became of each
 * community, and the papers whose PageRank rank moved most.
 *
 * <p>A paper is matched across the runs by its papergraph id, else (when its id changed) by a
 * shared identity key: such papers are reported renamed, not added and removed.
 *
 * <p>Communities are linked when their member sets, restricted to the papers of both runs (so that
 * growth alone does not weaken a link), have a Jaccard index of at least the threshold ({@link
 * #THRESHOLD_DEFAULT}, the 0.3 of Greene, Doyle and Cunningham 2010, "Tracking the evolution of
 * communities in dynamic social networks", ASONAM). A community of the first run linked to none of
 * the second has <em>vanished</em>, one of the second linked to none of the first has
 * <em>appeared</em>; one linked to several of the second has <em>split</em>, one of the second
 * linked to several of the first is a <em>merge</em>; a one-to-one link is <em>kept</em>, or
 * <em>grown</em> / <em>shrunk</em> when its size changed by more than 10 %. Cost {@code O(papers +
 * linked pairs)} plus sorting.
 */
public final class WorkspaceDiff {

  /** Default least Jaccard index linking two communities. */
  public static final double THRESHOLD_DEFAULT = 0.3;

  /** Relative size change beyond which a kept community is reported grown or shrunk. */
  public static final double SIZE_CHANGE = 0.1;

  /** What became of a community. */
  public enum Kind {
    KEPT,
    GROWN,
    SHRUNK,
    SPLIT,
    MERGED,
    APPEARED,
    VANISHED
  }

  /**
   * One event: communities of the first run ({@code before}) and of the second ({@code after}).
   *
   * @param kind what happened
   * @param before community ids in the first run (empty when one appeared)
   * @param after community ids in the second run (empty when one vanished)
   * @param jaccard the largest Jaccard index among the linked pairs (0 when none)
   */
  public record Change(Kind kind, List<Integer> before, List<Integer> after, double jaccard) {}

  /**
   * A paper's PageRank rank in both runs (1 = most central).
   *
   * @param paperId the paper
   * @param before rank in the first run
   * @param after rank in the second run
   */
  public record Move(String paperId, int before, int after) {
    /** Places gained (positive) or lost. */
    public int gain() {
      return before - after;
    }
  }

  private final List<String> added;
  private final List<String> removed;
  private final Map<String, String> renamed;
  private final List<Change> changes;
  private final List<Move> moves;

  private WorkspaceDiff(
      List<String> added,
      List<String> removed,
      Map<String, String> renamed,
      List<Change> changes,
      List<Move> moves) {
    this.added = added;
    this.removed = removed;
    this.renamed = renamed;
    this.changes = changes;
    this.moves = moves;
  }

  /**
   * Compares two runs.
   *
   * @param papersA paper ids of the first run
   * @param communitiesA its communities
   * @param rankingA its paper ids, most central first
   * @param keysA identity keys of each paper of the first run (external ids, normalised title),
   *     which find a paper whose papergraph id changed between the runs (e.g. a title id that
   *     gained a year when a record with the year was merged in)
   * @param threshold least Jaccard index linking two communities, in (0, 1]
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public static WorkspaceDiff of(
      List<String> papersA,
      Communities communitiesA,
      List<String> rankingA,
      Map<String, List<String>> keysA,
      List<String> papersB,
      Communities communitiesB,
      List<String> rankingB,
      Map<String, List<String>> keysB,
      double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the Jaccard threshold must be in (0, 1]: " + threshold);
    }
    Set<String> a = new LinkedHashSet<>(papersA);
    Set<String> b = new LinkedHashSet<>(papersB);
    TreeSet<String> onlyA = new TreeSet<>(a);
    onlyA.removeAll(b);
    TreeSet<String> onlyB = new TreeSet<>(b);
    onlyB.removeAll(a);
    // a paper only in A and one only in B sharing an identity key, and no other, are one paper
    // renamed
    Map<String, List<String>> byKeyB = new HashMap<>();
    for (String id : onlyB) {
      for (String k : keysB.getOrDefault(id, List.of())) {
        byKeyB.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
      }
    }
    Map<String, String> renamed = new TreeMap<>();
    Set<String> renamedTo = new HashSet<>();
    for (String id : onlyA) {
      Set<String> candidates = new TreeSet<>();
      for (String k : keysA.getOrDefault(id, List.of())) {
        candidates.addAll(byKeyB.getOrDefault(k, List.of()));
      }
      if (candidates.size() == 1 && renamedTo.add(candidates.iterator().next())) {
        renamed.put(id, candidates.iterator().next());
      }
    }
    List<String> added = new ArrayList<>(onlyB);
    added.removeAll(renamedTo);
    List<String> removed = new ArrayList<>(onlyA);
    removed.removeAll(renamed.keySet());

    // overlaps over the papers of both runs, so that growth alone does not lower them
    Set<String> common = new HashSet<>(b);
    common.removeAll(added);
    List<List<String>> ca =
        communitiesA.communities().stream()
            .map(
                c ->
                    c.members().stream()
                        .map(id -> renamed.getOrDefault(id, id))
                        .filter(common::contains)
                        .toList())
            .toList();
    List<List<String>> cb =
        communitiesB.communities().stream()
            .map(c -> c.members().stream().filter(common::contains).toList())
            .toList();
    Map<Integer, List<Integer>> forward = new HashMap<>();
    Map<Integer, List<Integer>> backward = new HashMap<>();
    Map<Long, Double> jac = new HashMap<>();
    for (CommunityMatching.Overlap o : CommunityMatching.overlaps(ca, cb)) {
      if (o.jaccard() >= threshold) {
        forward.computeIfAbsent(o.a(), k -> new ArrayList<>()).add(o.b());
        backward.computeIfAbsent(o.b(), k -> new ArrayList<>()).add(o.a());
        jac.put(((long) o.a() << 32) | o.b(), o.jaccard());
      }
    }
    List<Change> changes = new ArrayList<>();
    Set<Integer> reportedB = new HashSet<>();
    for (int i = 0; i < ca.size(); i++) {
      List<Integer> to = sorted(forward.getOrDefault(i, List.of()));
      if (to.isEmpty()) {
        changes.add(new Change(Kind.VANISHED, List.of(i), List.of(), 0));
      } else if (to.size() > 1) {
        changes.add(new Change(Kind.SPLIT, List.of(i), to, best(jac, List.of(i), to)));
      } else {
        int j = to.get(0);
        List<Integer> from = sorted(backward.get(j));
        if (from.size() > 1) {
          if (reportedB.add(j)) {
            changes.add(new Change(Kind.MERGED, from, List.of(j), best(jac, from, List.of(j))));
          }
        } else {
          int sa = communitiesA.communities().get(i).size();
          int sb = communitiesB.communities().get(j).size();
          Kind k =
              sb > sa * (1 + SIZE_CHANGE)
                  ? Kind.GROWN
                  : sb < sa * (1 - SIZE_CHANGE) ? Kind.SHRUNK : Kind.KEPT;
          changes.add(new Change(k, List.of(i), List.of(j), jac.get(((long) i << 32) | j)));
        }
      }
    }
    for (int j = 0; j < cb.size(); j++) {
      if (!backward.containsKey(j)) {
        changes.add(new Change(Kind.APPEARED, List.of(), List.of(j), 0));
      }
    }

    Map<String, Integer> rankA =
        ranks(rankingA.stream().map(id -> renamed.getOrDefault(id, id)).toList());
    Map<String, Integer> rankB = ranks(rankingB);
    List<Move> moves = new ArrayList<>();
    rankA.forEach(
        (id, r) -> {
          Integer r2 = rankB.get(id);
          if (r2 != null && !r2.equals(r)) {
            moves.add(new Move(id, r, r2));
          }
        });
    moves.sort(
        Comparator.<Move>comparingInt(m -> -Math.abs(m.gain())).thenComparing(Move::paperId));
    return new WorkspaceDiff(
        List.copyOf(added),
        List.copyOf(removed),
        Collections.unmodifiableMap(renamed),
        List.copyOf(changes),
        List.copyOf(moves));
  }

  private static List<Integer> sorted(List<Integer> xs) {
    return xs == null ? List.of() : xs.stream().sorted().toList();
  }

  private static double best(Map<Long, Double> jac, List<Integer> as, List<Integer> bs) {
    double best = 0;
    for (int x : as) {
      for (int y : bs) {
        best = Math.max(best, jac.getOrDefault(((long) x << 32) | y, 0.0));
      }
    }
    return best;
  }

  private static Map<String, Integer> ranks(List<String> ranking) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < ranking.size(); i++) {
      out.put(ranking.get(i), i + 1);
    }
    return out;
  }

  /** Papers of the second run not in the first, sorted by id. */
  public List<String> added() {
    return added;
  }

  /** Papers of the first run not in the second, sorted by id. */
  public List<String> removed() {
    return removed;
  }

  /** Papers whose id changed between the runs: first-run id to second-run id, by first-run id. */
  public Map<String, String> renamed() {
    return renamed;
  }

  /** What became of each community: first-run communities in id order, then those that appeared. */
  public List<Change> changes() {
    return changes;
  }

  /** Papers in both runs whose rank changed, largest move first (ties by id). */
  public List<Move> moves() {
    return moves;
  }
}
