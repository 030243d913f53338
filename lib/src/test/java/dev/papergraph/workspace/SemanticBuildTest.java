package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EdgeExplanation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default build fuses embeddings, keeps them in the workspace, and never embeds a text twice.
 */
class SemanticBuildTest {

  @TempDir Path tmp;

  @Test
  void secondBuildEmbedsNothingAndLexicalOnlyNeverLoadsTheModel() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace first = Workspace.build(dir, Seeds.sources(), BuildOptions.DEFAULTS, Progress.NONE);
    Map<String, Object> p = first.manifest().parameters();
    assertEquals("on", p.get("semantic.status"));
    assertTrue(
        ((Number) p.get("semantic.embedded")).intValue() > 100,
        "embedded " + p.get("semantic.embedded"));
    assertEquals(64, ((String) p.get("semantic.model.sha256")).length());
    assertTrue(p.containsKey("fusion.rule"));
    assertTrue(Files.list(dir.resolve(EmbeddingStore.FOLDER)).findAny().isPresent());
    EdgeExplanation e = first.links().get(0).explanation();
    assertTrue(e.semantic() != 0 && e.lexical() > 0, e.toString());

    // other parameters, same texts: every vector comes from the workspace
    Workspace second =
        Workspace.build(
            dir,
            Seeds.sources(),
            BuildOptions.DEFAULTS.withEngine(BuildOptions.DEFAULTS.engine().withK(5)),
            Progress.NONE);
    assertEquals(0, ((Number) second.manifest().parameters().get("semantic.embedded")).intValue());
    assertEquals(
        p.get("semantic.model.sha256"),
        second.manifest().parameters().get("semantic.model.sha256"));

    Workspace lexical =
        Workspace.build(
            tmp.resolve("lex"),
            Seeds.sources(),
            BuildOptions.DEFAULTS.withEngine(BuildOptions.DEFAULTS.engine().lexicalOnly()),
            Progress.NONE);
    assertEquals("off", lexical.manifest().parameters().get("semantic.status"));
    assertFalse(Files.exists(tmp.resolve("lex").resolve(EmbeddingStore.FOLDER)));
    assertEquals(0, lexical.links().get(0).explanation().semantic());
  }
}
