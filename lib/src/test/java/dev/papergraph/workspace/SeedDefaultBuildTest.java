package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed acceptance checks (issue 13) on the build a user gets with every default: lexical and
 * semantic fused, shared terms from the cleaned text. (The third, all ten post-training
 * quantization papers in one community, does not hold on the fused build: the two on diffusion
 * models join the diffusion community; see docs/BENCHMARKS.md section 3.)
 */
class SeedDefaultBuildTest {

  @TempDir static Path tmp;

  private static Workspace ws;

  @BeforeAll
  static void build() throws IOException {
    ws = Workspace.build(tmp.resolve("ws"), Seeds.sources(), BuildOptions.DEFAULTS, Progress.NONE);
    assertEquals("on", ws.manifest().parameters().get("semantic.status"), "the default is fused");
  }

  private static Paper byTitle(String title) throws IOException {
    return ws.papers().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void grokkingAtTheEdgeHasGrokkingPapersAsNearestNeighbours() throws IOException {
    Paper edge = byTitle("Grokking at the Edge of Numerical Stability");
    List<String> top = new ArrayList<>();
    for (String id : ws.neighbourhoods().ego(edge.id(), 1, 5).papers()) {
      if (!id.equals(edge.id())) {
        top.add(ws.title(id));
      }
    }
    assertEquals(5, top.size(), "top 5: " + top);
    long grok = top.stream().filter(t -> t.toLowerCase(Locale.ROOT).contains("grok")).count();
    assertTrue(grok >= 4, "top 5: " + top);
  }

  @Test
  void noSharedTermOfAnyEdgeIsANumber() throws IOException {
    List<Link> links = ws.links();
    assertTrue(links.size() > 1000, "links " + links.size());
    for (Link l : links) {
      for (SharedTerm t : l.explanation().sharedTerms()) {
        for (String word : t.display().split("\\s+")) {
          // a number: digits (with signs, points, percent) and no letter
          boolean number =
              word.codePoints().anyMatch(Character::isDigit)
                  && word.codePoints().noneMatch(Character::isLetter);
          assertFalse(number, l.a() + " - " + l.b() + ": shared term '" + t.display() + "'");
        }
      }
    }
  }
}
