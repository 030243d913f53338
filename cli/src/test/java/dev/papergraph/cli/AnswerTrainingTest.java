package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerTrainingTest {

  @TempDir Path tmp;

  @Test
  void trainsEveryAnswerOnTheWorkspaceTheCommandUsedAndEachSucceeds() {
    String ws = SeedWorkspace.dir().toString();
    List<String[]> answers = AnswerTraining.answers("build", "-q", "-w", ws);
    assertEquals(
        List.of("rank", "communities", "info", "neighbors", "explain"),
        answers.stream().map(a -> a[0]).toList());
    for (String[] answer : answers) {
      var r = Cli.run(answer);
      assertEquals(0, r.code(), () -> String.join(" ", answer) + ": " + r);
      assertTrue(r.out().length() > 0, () -> String.join(" ", answer) + " printed nothing");
    }
    // the pair explained is linked: explain says so rather than scoring an unlinked pair
    var explain = Cli.run(answers.get(4));
    assertTrue(!explain.out().contains("not an edge"), explain::toString);
    // from an answer's command line, the same
    assertEquals(5, AnswerTraining.answers("--quiet", "rank", "--workspace", ws).size());
  }

  @Test
  void trainsNothingWithoutAWorkspace() {
    assertEquals(List.of(), AnswerTraining.answers("rank", "-w", tmp.resolve("none").toString()));
    assertEquals(List.of(), AnswerTraining.answers("--version"));
    assertEquals(List.of(), AnswerTraining.answers("rank", "--bogus"));
    assertEquals(List.of(), AnswerTraining.answers("help"));
  }
}
