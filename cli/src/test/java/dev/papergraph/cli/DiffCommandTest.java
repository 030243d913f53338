package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.analysis.Community;
import dev.papergraph.model.Paper;
import dev.papergraph.testdata.SharedData;
import dev.papergraph.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} of the seed workspace built from three listing files against the one built from all
 * five.
 */
class DiffCommandTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void diffOfThreeFilesAgainstFiveReportsTheAddedPapersAndMatchesCommunities(@TempDir Path tmp)
      throws Exception {
    Path listings =
        SharedData.projectRoot().resolve("testdata/src/main/resources/papergraph/seed/hf-papers");
    List<String> files;
    try (Stream<Path> s = Files.list(listings)) {
      files = s.map(Path::toString).filter(f -> f.endsWith(".txt")).sorted().toList();
    }
    assertEquals(5, files.size());
    Path a = tmp.resolve("three");
    List<String> args = new ArrayList<>(List.of("-q", "build", "-w", a.toString()));
    args.addAll(files.subList(0, 3));
    Cli.Result built = Cli.run(args.toArray(new String[0]));
    assertEquals(0, built.code(), built::toString);
    Path b = SeedWorkspace.dir();

    // the added papers, independently: papers of the five-file build with no record in the first
    // three files
    // (a paper of the first three files whose title id gained a year from a later record is
    // renamed, not added)
    Set<String> firstThree = new HashSet<>();
    files.subList(0, 3).forEach(f -> firstThree.add(Path.of(f).getFileName().toString()));
    TreeSet<String> expected = new TreeSet<>();
    for (Paper p : Workspace.open(b).papers()) {
      if (p.provenance().stream()
          .noneMatch(w -> firstThree.contains(Path.of(w.file()).getFileName().toString()))) {
        expected.add(p.id());
      }
    }
    Cli.Result r = Cli.run("diff", a.toString(), b.toString(), "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = JSON.readTree(r.out());
    List<String> added = new ArrayList<>();
    doc.get("added").forEach(x -> added.add(x.asText()));
    assertEquals(new ArrayList<>(expected), added);
    assertEquals(0, doc.get("removed").size());
    Set<String> idsA = new HashSet<>();
    Workspace.open(a).catalog().forEach(p -> idsA.add(p.id()));
    doc.get("renamed")
        .properties()
        .forEach(
            e -> {
              assertTrue(idsA.contains(e.getKey()), e::toString);
              assertTrue(!expected.contains(e.getValue().asText()), e::toString);
            });

    // every community of A and of B is accounted for; one-to-one links carry the Jaccard of their
    // members
    List<Community> ca = Workspace.open(a).communities().communities();
    List<Community> cb = Workspace.open(b).communities().communities();
    Set<Integer> seenA = new HashSet<>();
    Set<Integer> seenB = new HashSet<>();
    int linked = 0;
    for (JsonNode c : doc.get("communities")) {
      String before = c.get("before").asText("");
      String after = c.get("after").asText("");
      for (String x : before.isEmpty() ? new String[0] : before.split("\\+"))
        seenA.add(Integer.parseInt(x));
      for (String x : after.isEmpty() ? new String[0] : after.split("\\+"))
        seenB.add(Integer.parseInt(x));
      String kind = c.get("change").asText();
      if (List.of("kept", "grown", "shrunk").contains(kind)) {
        linked++;
        // Jaccard over the papers of both runs (renamed papers under their new id)
        Set<String> x = new HashSet<>();
        ca.get(Integer.parseInt(before))
            .members()
            .forEach(m -> x.add(doc.get("renamed").path(m).asText(m)));
        Set<String> y = new HashSet<>(cb.get(Integer.parseInt(after)).members());
        y.removeAll(expected);
        int sizeA = x.size();
        int sizeB = cb.get(Integer.parseInt(after)).size();
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        double jaccard = both.size() / (double) (x.size() + y.size() - both.size());
        assertEquals(jaccard, c.get("jaccard").asDouble(), 1e-12, c::toString);
        assertTrue(jaccard >= 0.3);
        assertEquals(
            sizeB > sizeA * 1.1 ? "grown" : sizeB < sizeA * 0.9 ? "shrunk" : "kept",
            kind,
            c::toString);
      }
    }
    assertEquals(ca.size(), seenA.size());
    assertEquals(cb.size(), seenB.size());
    assertTrue(linked >= 3, "most communities carry over: " + r.out());

    Cli.Result table = Cli.run("diff", a.toString(), b.toString());
    assertEquals(0, table.code(), table::toString);
    assertTrue(table.out().contains(expected.size() + " papers added, 0 removed"), table::toString);
  }
}
