package dev.papergraph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches the communities of two partitions of (mostly) the same papers by overlap, so that a
 * community keeps its number, and with it its colour, when the corpus grows ({@code build --add}),
 * and so that {@code diff} can say what became of each community.
 *
 * <p>The overlap of two communities is the Jaccard index of their member sets, {@code |A ∩ B| / |A
 * ∪ B|}. Pairs are matched greedily, highest Jaccard first (ties by the smaller ids), each
 * community at most once: a maximal matching, not necessarily the one of greatest total overlap,
 * but the obvious one for the user. Cost {@code O(papers + pairs log pairs)} for the pairs that
 * share a paper.
 */
public final class CommunityMatching {

  /**
   * Two communities that share papers.
   *
   * @param a the community of the first partition
   * @param b the community of the second partition
   * @param shared the papers in both
   * @param jaccard shared / papers in either
   */
  public record Overlap(int a, int b, int shared, double jaccard) {}

  private CommunityMatching() {}

  /**
   * Every pair of communities that share a paper, highest Jaccard first (ties by a, then b).
   *
   * @param first the communities of the first partition, by id
   * @param second the communities of the second partition, by id
   */
  public static List<Overlap> overlaps(
      List<? extends Collection<String>> first, List<? extends Collection<String>> second) {
    Map<String, Integer> inSecond = new HashMap<>();
    for (int b = 0; b < second.size(); b++) {
      for (String id : second.get(b)) {
        inSecond.put(id, b);
      }
    }
    List<Overlap> out = new ArrayList<>();
    for (int a = 0; a < first.size(); a++) {
      Map<Integer, Integer> shared = new TreeMap<>();
      for (String id : first.get(a)) {
        Integer b = inSecond.get(id);
        if (b != null) {
          shared.merge(b, 1, Integer::sum);
        }
      }
      for (var e : shared.entrySet()) {
        int union = first.get(a).size() + second.get(e.getKey()).size() - e.getValue();
        out.add(new Overlap(a, e.getKey(), e.getValue(), (double) e.getValue() / union));
      }
    }
    out.sort(
        (x, y) -> {
          int c = Double.compare(y.jaccard(), x.jaccard());
          if (c != 0) return c;
          c = Integer.compare(x.a(), y.a());
          return c != 0 ? c : Integer.compare(x.b(), y.b());
        });
    return out;
  }

  /**
   * The fresh partition with its communities renumbered after the previous one: a fresh community
   * matched (greedily, by Jaccard over the papers both partitions hold) to a previous community
   * takes its number when that number is below the number of fresh communities; the others take the
   * free numbers in increasing order, largest community first (fresh ids are by decreasing size).
   * Members, labels and central papers are kept; only ids change.
   *
   * @param fresh the new partition, ids 0..k-1
   * @param previous the community of each paper before (ids of papers not in {@code fresh} are
   *     ignored)
   */
  public static Communities renumber(Communities fresh, Map<String, Integer> previous) {
    int k = fresh.communities().size();
    int prevCount = previous.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<Set<String>> before = new ArrayList<>();
    for (int j = 0; j < prevCount; j++) {
      before.add(new HashSet<>());
    }
    previous.forEach(
        (id, c) -> {
          if (c >= 0) {
            before.get(c).add(id);
          }
        });
    // overlaps over the papers the previous partition knew, so that new papers do not weaken them
    List<List<String>> now =
        fresh.communities().stream()
            .map(c -> c.members().stream().filter(previous::containsKey).toList())
            .toList();
    int[] newId = new int[k];
    Arrays.fill(newId, -1);
    boolean[] taken = new boolean[Math.max(k, prevCount)];
    boolean[] prevUsed = new boolean[prevCount];
    for (Overlap o : overlaps(now, before)) {
      if (newId[o.a()] < 0 && !prevUsed[o.b()] && o.b() < k) {
        newId[o.a()] = o.b();
        prevUsed[o.b()] = true;
        taken[o.b()] = true;
      }
    }
    int next = 0;
    for (int i = 0; i < k; i++) {
      if (newId[i] < 0) {
        while (taken[next]) {
          next++;
        }
        newId[i] = next;
        taken[next] = true;
      }
    }
    Community[] renumbered = new Community[k];
    for (int i = 0; i < k; i++) {
      Community c = fresh.communities().get(i);
      renumbered[newId[i]] =
          new Community(newId[i], c.members(), c.labelTerms(), c.centralPapers(), c.small());
    }
    Map<String, Integer> membership = new LinkedHashMap<>();
    fresh.membership().forEach((id, c) -> membership.put(id, newId[c]));
    return new Communities(
        membership,
        Arrays.asList(renumbered),
        fresh.modularity(),
        fresh.quality(),
        fresh.resolution(),
        fresh.seed());
  }
}
