package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.read.InputSource;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build asked to keep an up-to-date workspace returns it as it is exactly when a build would
 * write it again: the same code, parameters and input bytes, every file in place, no semantic
 * fallback; any difference builds, and what it builds is what a build without the check writes.
 */
class UpToDateBuildTest {

  @TempDir Path tmp;

  private static final BuildOptions LEXICAL =
      BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly());

  private static List<InputSource> seeds() throws IOException {
    return Seeds.sources().subList(0, 2);
  }

  private static Workspace build(Path dir, List<InputSource> in, BuildOptions options)
      throws IOException {
    return Workspace.build(dir, in, options, Progress.NONE, true);
  }

  private static BuiltFrom builtFrom(Path dir) throws IOException {
    return WorkspaceStore.readMarker(dir.resolve(WorkspaceStore.MARKER)).orElseThrow().builtFrom();
  }

  private static byte[] marker(Path dir) throws IOException {
    return Files.readAllBytes(dir.resolve(WorkspaceStore.MARKER));
  }

  @Test
  void theSameBuildAgainKeepsTheWorkspaceAsItIsAndForcedWritesTheSameFiles() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace first = build(dir, seeds(), LEXICAL);
    assertFalse(first.upToDate());
    BuiltFrom recorded = builtFrom(dir);
    assertEquals(64, recorded.settings().length());
    assertEquals(64, recorded.inputs().length());
    byte[] marker = marker(dir);
    String created = Workspace.open(dir).manifest().created();
    Map<String, byte[]> files = RebuildAnalysisTest.files(dir);

    // the same inputs as other sources of the same names and bytes
    List<InputSource> copies = new ArrayList<>();
    for (InputSource s : seeds()) {
      try (InputStream in = s.opener().open()) {
        copies.add(InputSource.ofBytes(s.name(), in.readAllBytes()));
      }
    }
    Workspace again = build(dir, copies, LEXICAL.withEngine(LEXICAL.engine().withThreads(1)));
    assertTrue(again.upToDate());
    assertEquals(Workspace.SemanticState.OFF, again.semantic().state());
    assertArrayEquals(marker, marker(dir), "nothing written");
    assertEquals(created, Workspace.open(dir).manifest().created());
    assertEquals(first.links().size(), again.links().size());
    assertEquals(first.communities().membership(), again.communities().membership());

    Workspace forced = Workspace.build(dir, seeds(), LEXICAL, Progress.NONE, false);
    assertFalse(forced.upToDate());
    assertNotEquals(created, Workspace.open(dir).manifest().created());
    assertEquals(recorded, builtFrom(dir));
    RebuildAnalysisTest.assertSameFiles(files, RebuildAnalysisTest.files(dir));
  }

  @Test
  void otherParametersInputsOrOrderBuild() throws Exception {
    Path dir = tmp.resolve("ws");
    List<InputSource> in = seeds();
    build(dir, in, LEXICAL);
    BuiltFrom first = builtFrom(dir);

    Workspace k = build(dir, in, LEXICAL.withEngine(LEXICAL.engine().withK(7)));
    assertFalse(k.upToDate());
    assertNotEquals(first.settings(), builtFrom(dir).settings());
    assertEquals(first.inputs(), builtFrom(dir).inputs());

    TextOptions thesaurus =
        LEXICAL.engine().text().withThesaurus(new TreeMap<>(Map.of("diffusion", "")));
    BuildOptions dropped = LEXICAL.withEngine(LEXICAL.engine().withText(thesaurus));
    assertFalse(build(dir, in, dropped).upToDate());
    assertTrue(build(dir, in, dropped).upToDate());
    assertFalse(build(dir, in, LEXICAL).upToDate());

    List<InputSource> edited = List.of(RebuildAnalysisTest.editedSeeds(), in.get(1));
    assertFalse(build(dir, edited, LEXICAL).upToDate());
    assertEquals(first.settings(), builtFrom(dir).settings());
    assertNotEquals(first.inputs(), builtFrom(dir).inputs());

    List<InputSource> swapped = List.of(in.get(1), in.get(0));
    assertFalse(build(dir, swapped, LEXICAL).upToDate());
    assertFalse(build(dir, in, LEXICAL).upToDate());
    assertEquals(first, builtFrom(dir));
    assertTrue(build(dir, in, LEXICAL).upToDate());
  }

  @Test
  void aMissingOrResizedFileBuildsAgain() throws Exception {
    Path dir = tmp.resolve("ws");
    build(dir, seeds(), LEXICAL);
    Map<String, byte[]> files = RebuildAnalysisTest.files(dir);

    Files.delete(dir.resolve(StageFile.LAYOUT.fileName()));
    assertFalse(build(dir, seeds(), LEXICAL).upToDate());
    RebuildAnalysisTest.assertSameFiles(files, RebuildAnalysisTest.files(dir));

    Files.writeString(dir.resolve(StageFile.CATALOG.fileName()), "id\n");
    assertFalse(build(dir, seeds(), LEXICAL).upToDate());
    RebuildAnalysisTest.assertSameFiles(files, RebuildAnalysisTest.files(dir));
    assertTrue(build(dir, seeds(), LEXICAL).upToDate());
  }

  @Test
  void aSemanticFallbackOrAGrownWorkspaceBuildsAgain() throws Exception {
    Path dir = tmp.resolve("ws");
    build(dir, seeds(), LEXICAL);
    BuiltFrom recorded = builtFrom(dir);

    // a manifest that says the model could not load, sealed as a build would have sealed it
    Path manifest = dir.resolve(StageFile.MANIFEST.fileName());
    String json = Files.readString(manifest);
    String off = "\"" + SemanticStage.STATUS + "\" : \"off\"";
    assertTrue(json.contains(off), json);
    Files.writeString(
        manifest,
        json.replace(
            off, "\"" + SemanticStage.STATUS + "\" : \"" + SemanticStage.UNAVAILABLE + ": test\""));
    WorkspaceStore store = WorkspaceStore.open(dir);
    Map<StageFile, Long> rows = new java.util.EnumMap<>(StageFile.class);
    for (StageFile f : StageFile.values()) {
      if (store.rows(f) >= 0) {
        rows.put(f, store.rows(f));
      }
    }
    WorkspaceStore.seal(dir, store.papers(), rows, recorded);
    assertEquals(Optional.of(recorded), WorkspaceStore.open(dir).builtFrom());
    assertFalse(build(dir, seeds(), LEXICAL).upToDate());
    assertTrue(build(dir, seeds(), LEXICAL).upToDate());

    // grown by --add: what it holds is no build's output, so the next build builds
    Workspace.add(dir, Seeds.sources().subList(2, 3), Optional.empty(), Progress.NONE);
    assertNull(builtFrom(dir));
    assertFalse(build(dir, seeds(), LEXICAL).upToDate());
    assertEquals(recorded, builtFrom(dir));
  }
}
