package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommunityMatchingTest {

  static Communities partition(List<List<String>> groups) {
    Map<String, Integer> membership = new LinkedHashMap<>();
    List<Community> cs = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      for (String id : groups.get(i)) {
        membership.put(id, i);
      }
      cs.add(new Community(i, groups.get(i), List.of("t" + i), List.of()));
    }
    return new Communities(membership, cs, 0.5, "modularity", 1, 42);
  }

  @Test
  void grownCommunitiesKeepTheirNumbersAndANewOneTakesAFreeNumber() {
    // before: 0 = a b c, 1 = d e, 2 = x y (gone now)
    Map<String, Integer> before = Map.of("a", 0, "b", 0, "c", 0, "d", 1, "e", 1, "x", 2, "y", 2);
    // fresh (largest first): d e f g, then a b c, then the new p q
    Communities fresh =
        partition(List.of(List.of("d", "e", "f", "g"), List.of("a", "b", "c"), List.of("p", "q")));
    Communities r = CommunityMatching.renumber(fresh, before);
    assertEquals(List.of("a", "b", "c"), r.communities().get(0).members());
    assertEquals(
        List.of("t1"), r.communities().get(0).labelTerms(), "labels travel with the members");
    assertEquals(List.of("d", "e", "f", "g"), r.communities().get(1).members());
    assertEquals(List.of("p", "q"), r.communities().get(2).members());
    assertEquals(1, r.membership().get("f"));
    assertEquals(0, r.membership().get("a"));
    assertEquals(2, r.membership().get("q"));
  }

  @Test
  void overlapsAreJaccardHighestFirst() {
    var o =
        CommunityMatching.overlaps(
            List.of(List.of("a", "b", "c"), List.of("d")),
            List.of(List.of("a", "b"), List.of("c", "d", "e")));
    assertEquals(3, o.size());
    assertEquals(new CommunityMatching.Overlap(0, 0, 2, 2 / 3.0), o.get(0));
    assertEquals(new CommunityMatching.Overlap(1, 1, 1, 1 / 3.0), o.get(1));
    assertEquals(new CommunityMatching.Overlap(0, 1, 1, 1 / 5.0), o.get(2));
  }

  @Test
  void aSplitCommunityGivesItsNumberToTheLargerPart() {
    Map<String, Integer> before = Map.of("a", 0, "b", 0, "c", 0, "d", 0, "e", 0, "f", 1);
    Communities fresh = partition(List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of("f")));
    Communities r = CommunityMatching.renumber(fresh, before);
    assertEquals(List.of("a", "b", "c"), r.communities().get(0).members());
    assertEquals(List.of("f"), r.communities().get(1).members());
    assertEquals(List.of("d", "e"), r.communities().get(2).members());
  }
}
