package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.read.InputSource;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild of the same papers' texts with the same text options takes the term vectors the saved
 * workspace holds instead of analysing the texts again ({@link TermVectorFile#reusable}), and
 * writes the files a first build writes, byte for byte; other texts or options analyse them again.
 */
class RebuildAnalysisTest {

  @TempDir Path tmp;

  private static final BuildOptions LEXICAL =
      BuildOptions.DEFAULTS.withEngine(EngineOptions.defaults().lexicalOnly());

  /** Every file of a workspace but those written anew by each build, by path in the folder. */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        if (name.equals("manifest.json")
            || name.equals(WorkspaceStore.MARKER)
            || name.startsWith(WorkspaceStore.INDEX + "/")) {
          continue;
        }
        out.put(name, Files.readAllBytes(f));
      }
    }
    return out;
  }

  static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), name);
    }
  }

  /** The first bundled seed file with one word of its text changed. */
  static InputSource editedSeeds() throws IOException {
    InputSource seeds = Seeds.sources().get(0);
    String text;
    try (InputStream in = seeds.opener().open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int at = text.indexOf(" model");
    assertTrue(at > 0);
    String edited = text.substring(0, at) + " modal" + text.substring(at + 6);
    return InputSource.ofBytes(seeds.name(), edited.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRebuildOfTheSameTextsTakesTheSavedAnalysisAndWritesWhatTheFirstBuildWrote()
      throws Exception {
    List<InputSource> in = Seeds.sources().subList(0, 2);
    Path dir = tmp.resolve("ws");
    assertEquals(1, Workspace.build(dir, in, LEXICAL, Progress.NONE).textAnalyses());
    Map<String, byte[]> first = files(dir);
    assertTrue(first.containsKey(StageFile.VECTORS.fileName()));

    Workspace again = Workspace.build(dir, in, LEXICAL, Progress.NONE);
    assertEquals(0, again.textAnalyses(), "the saved analysis was taken");
    assertSameFiles(first, files(dir));
    // and again from the rebuild's own files
    assertEquals(0, Workspace.build(dir, in, LEXICAL, Progress.NONE).textAnalyses());
    assertSameFiles(first, files(dir));
  }

  @Test
  void withTheSemanticPartTheRebuildFusesTheSameVectorsAsTheFirstBuild() throws Exception {
    List<InputSource> in = Seeds.sources().subList(0, 1);
    Path dir = tmp.resolve("ws");
    Workspace built = Workspace.build(dir, in, BuildOptions.DEFAULTS, Progress.NONE);
    assertEquals(1, built.textAnalyses());
    Map<String, byte[]> first = files(dir);

    Workspace again = Workspace.build(dir, in, BuildOptions.DEFAULTS, Progress.NONE);
    assertEquals(0, again.textAnalyses(), "the saved analysis was taken");
    // every paper's embedding found under the key the first build saved it under
    assertEquals(77, built.manifest().parameters().get("semantic.embedded"));
    assertEquals(0, again.manifest().parameters().get("semantic.embedded"));
    Map<String, Object> firstParameters = new TreeMap<>(built.manifest().parameters());
    Map<String, Object> againParameters = new TreeMap<>(again.manifest().parameters());
    firstParameters.remove("semantic.embedded");
    againParameters.remove("semantic.embedded");
    assertEquals(firstParameters, againParameters);
    assertSameFiles(first, files(dir));
  }

  @Test
  void anotherStopWordListIsAnalysedAgainAsInAFirstBuild() throws Exception {
    List<InputSource> in = Seeds.sources().subList(0, 1);
    Path dir = tmp.resolve("ws");
    BuildOptions stop =
        LEXICAL.withEngine(
            LEXICAL.engine().withText(TextOptions.DEFAULTS.withStopWords(List.of("model"))));
    Workspace.build(dir, in, stop, Progress.NONE);
    // the same number of words, one other: only the list's contents differ
    BuildOptions other =
        LEXICAL.withEngine(
            LEXICAL.engine().withText(TextOptions.DEFAULTS.withStopWords(List.of("models"))));
    assertEquals(1, Workspace.build(dir, in, other, Progress.NONE).textAnalyses());
    Path fresh = tmp.resolve("fresh");
    Workspace.build(fresh, in, other, Progress.NONE);
    assertSameFiles(files(fresh), files(dir));
  }

  @Test
  void vectorsSavedFromOtherInputsOrCodeAreNotTaken() throws Exception {
    List<InputSource> in = Seeds.sources().subList(0, 1);
    Path dir = tmp.resolve("ws");
    Workspace.build(dir, in, LEXICAL, Progress.NONE);
    Map<String, byte[]> first = files(dir);
    // another fingerprint (as another build of the code would write), the marker sealed over it
    Path vectors = dir.resolve(StageFile.VECTORS.fileName());
    byte[] bytes = Files.readAllBytes(vectors);
    bytes[8] ^= 1;
    Files.write(vectors, bytes);
    WorkspaceStore store = WorkspaceStore.open(dir);
    Map<StageFile, Long> rows = new EnumMap<>(StageFile.class);
    for (StageFile f : StageFile.values()) {
      if (store.rows(f) >= 0) {
        rows.put(f, store.rows(f));
      }
    }
    WorkspaceStore.seal(dir, store.papers(), rows, null);
    assertEquals(1, Workspace.build(dir, in, LEXICAL, Progress.NONE).textAnalyses());
    assertSameFiles(first, files(dir));
    assertEquals(0, Workspace.build(dir, in, LEXICAL, Progress.NONE).textAnalyses());
  }

  @Test
  void otherTextOptionsOrAnotherTextAreAnalysedAgainAsInAFirstBuild() throws Exception {
    List<InputSource> in = Seeds.sources().subList(0, 1);
    Path dir = tmp.resolve("ws");
    Workspace.build(dir, in, LEXICAL, Progress.NONE);

    BuildOptions boosted =
        LEXICAL.withEngine(
            LEXICAL.engine().withText(TextOptions.DEFAULTS.withTitleBoost(3).withMinDf(1)));
    assertEquals(1, Workspace.build(dir, in, boosted, Progress.NONE).textAnalyses());
    Map<String, byte[]> rebuilt = files(dir);
    Path fresh = tmp.resolve("fresh");
    Workspace.build(fresh, in, boosted, Progress.NONE);
    assertSameFiles(files(fresh), rebuilt);

    List<InputSource> edited = List.of(editedSeeds());
    assertEquals(1, Workspace.build(dir, edited, boosted, Progress.NONE).textAnalyses());
    Map<String, byte[]> editedFiles = files(dir);
    Path freshEdited = tmp.resolve("fresh-edited");
    Workspace.build(freshEdited, edited, boosted, Progress.NONE);
    assertSameFiles(files(freshEdited), editedFiles);
    assertNotEquals(
        Arrays.hashCode(rebuilt.get(StageFile.VECTORS.fileName())),
        Arrays.hashCode(editedFiles.get(StageFile.VECTORS.fileName())),
        "the edit changed the vectors");
  }
}
