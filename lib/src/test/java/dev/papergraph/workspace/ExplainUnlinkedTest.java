package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.TermSource;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.PaperSimilarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} of a pair that is not linked reads the term vectors (and embeddings) the build
 * saved instead of analysing every paper's text again (issue 14), and gives what an engine built
 * afresh from the papers gives.
 */
class ExplainUnlinkedTest {

  @TempDir Path tmp;

  /** The first pair (in corpus order) that is not an edge of the graph, with some shared term. */
  private static String[] unlinkedPair(Workspace ws) throws Exception {
    List<Paper> papers = ws.papers();
    for (int j = 1; j < papers.size(); j++) {
      String a = papers.get(0).id(), b = papers.get(j).id();
      if (ws.edge(a, b).isEmpty()) {
        return new String[] {a, b};
      }
    }
    throw new AssertionError("every paper is linked to the first");
  }

  /** The explanation an engine built afresh from the workspace's papers gives. */
  private static Workspace.PairExplanation check(Path dir) throws Exception {
    Workspace ws = Workspace.open(dir);
    String[] pair = unlinkedPair(ws);
    Workspace.PairExplanation got = ws.explain(pair[0], pair[1]);
    assertFalse(got.linked());
    // the saved embeddings only: a folder with the workspace's term vectors would give them back
    Path embeddingsOnly = Files.createTempDirectory(dir.getParent(), "embeddings-only");
    Path saved = dir.resolve(EmbeddingStore.FOLDER);
    if (Files.isDirectory(saved)) {
      PaperIndex.linkOrCopyFiles(saved, embeddingsOnly.resolve(EmbeddingStore.FOLDER));
    }
    SemanticStage.Outcome stage =
        SemanticStage.run(ws.papers(), ws.engineOptions(), embeddingsOnly, Progress.NONE);
    assertTrue(stage.textsAnalysed());
    PaperSimilarity fresh = stage.similarity();
    assertEquals(fresh.explain(pair[0], pair[1]), got.explanation());
    assertEquals(fresh.explain(pair[1], pair[0]), ws.explain(pair[1], pair[0]).explanation());
    assertEquals(
        TermSource.of(fresh.vectors()).termCounts(pair[0]),
        ws.terms().termCounts(pair[0]),
        "the terms community labels are made of too");
    return got;
  }

  /** A workspace of the first seed file, lexical only. */
  private Path lexicalWorkspace() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace.build(
        dir,
        Seeds.sources().subList(0, 1),
        BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly()),
        Progress.NONE);
    return dir;
  }

  @Test
  void unlinkedPairIsExplainedFromTheSavedVectorsAsAFreshEngineExplainsIt() throws Exception {
    Path dir = lexicalWorkspace();
    assertTrue(Files.size(dir.resolve(StageFile.VECTORS.fileName())) > 0);
    Workspace ws = Workspace.open(dir);
    String[] pair = unlinkedPair(ws);
    var e = ws.explain(pair[0], pair[1]);
    assertEquals(0, ws.textAnalyses(), "no paper's text was analysed");
    assertTrue(e.explanation().text() > 0 || e.explanation().sharedTerms().isEmpty());
    check(dir);
  }

  @Test
  void withTheSemanticPartTheSavedEmbeddingsAreFusedAsTheBuildFusedThem() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace.build(dir, Seeds.sources().subList(0, 1), BuildOptions.DEFAULTS, Progress.NONE);
    Workspace ws = Workspace.open(dir);
    String[] pair = unlinkedPair(ws);
    var e = ws.explain(pair[0], pair[1]);
    assertEquals(0, ws.textAnalyses(), "no paper's text was analysed");
    if (ws.manifest().parameters().get("semantic.status").equals("on")) {
      assertTrue(e.explanation().semantic() != 0, "the semantic component is there");
    }
    check(dir);
  }

  @Test
  void aWorkspaceWithoutSavedVectorsAnalysesTheTextsOnceAndExplainsTheSame() throws Exception {
    Path dir = lexicalWorkspace();
    var expected = check(dir);
    // as a workspace written before the vectors were saved: no file, not in the marker
    WorkspaceStore store = WorkspaceStore.open(dir);
    Map<StageFile, Long> rows = new EnumMap<>(StageFile.class);
    for (StageFile f : StageFile.values()) {
      if (store.rows(f) >= 0) {
        rows.put(f, store.rows(f));
      }
    }
    Files.delete(dir.resolve(StageFile.VECTORS.fileName()));
    WorkspaceStore.seal(dir, store.papers(), rows, null);
    Workspace ws = Workspace.open(dir);
    String[] pair = unlinkedPair(ws);
    assertEquals(expected.explanation(), ws.explain(pair[0], pair[1]).explanation());
    assertEquals(1, ws.textAnalyses(), "the texts were analysed once");
    ws.explain(pair[1], pair[0]);
    assertEquals(1, ws.textAnalyses());
  }
}
