package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.similarity.Link;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: ONNX Runtime's natives are unpacked once to a stable cache folder (no {@code
 * onnxruntime-java*} folder left in the temp folder), and on a platform the model cannot load on, a
 * build says so in one line, falls back to lexical only and records it in the manifest. Each case
 * runs in a child JVM ({@link ModelLoadingMain}) with its own temp and cache folders; the
 * unsupported platform is a real one ONNX Runtime ships no natives for ({@code os.arch=sparcv9}),
 * so the model fails where it would fail for a user.
 */
class ModelLoadingTest {

  @TempDir Path tmp;

  @Test
  void nativesAreUnpackedOnceToTheCacheAndNothingIsLeftInTheTempFolder() throws Exception {
    Path temp = Files.createDirectories(tmp.resolve("java-tmp"));
    Path cache = tmp.resolve("cache");
    Child first = run(temp, cache, List.of(), "embed");
    assertEquals(0, first.code, first.toString());
    Path natives = cache.resolve("papergraph").resolve("onnxruntime-1.23.2");
    List<String> out = first.stdout;
    assertEquals("384", out.get(out.size() - 2), first.toString());
    Path used = Path.of(out.get(out.size() - 1));
    assertTrue(used.startsWith(natives), "ONNX Runtime loaded from " + used);
    Path lib = used.resolve(System.mapLibraryName("onnxruntime"));
    assertTrue(Files.size(lib) > 1_000_000, lib.toString());
    assertEquals(List.of(), ortFolders(temp), "ONNX Runtime's own temp folders");

    FileTime unpacked = Files.getLastModifiedTime(lib);
    Thread.sleep(1100); // file times may be whole seconds
    Child second = run(temp, cache, List.of(), "embed");
    assertEquals(0, second.code, second.toString());
    assertEquals(unpacked, Files.getLastModifiedTime(lib), "unpacked once, reused after");
    assertEquals(List.of(), ortFolders(temp));
  }

  @Test
  void aModelThatCannotLoadGivesOneLineAndALexicalBuildThatSaysSo() throws Exception {
    Path temp = Files.createDirectories(tmp.resolve("java-tmp"));
    Path ws = tmp.resolve("ws");
    Child build =
        run(temp, tmp.resolve("cache"), List.of("-Dos.arch=sparcv9"), "build", ws.toString());
    assertEquals(0, build.code, build.toString());
    assertEquals(1, build.stderr.size(), "one line: " + build.stderr);
    String line = build.stderr.get(0);
    assertTrue(
        line.contains("embedding model cannot be loaded")
            && line.contains("sparcv9")
            && line.endsWith("links are lexical only"),
        line);
    assertEquals(List.of(), build.stdout, "data only on stdout, and a build has none");

    Workspace w = Workspace.open(ws);
    Map<String, Object> p = w.manifest().parameters();
    String status = String.valueOf(p.get("semantic.status"));
    assertTrue(status.startsWith("unavailable: ") && status.endsWith("; lexical only"), status);
    Workspace.SemanticRun semantic = w.semantic();
    assertEquals(Workspace.SemanticState.UNAVAILABLE, semantic.state());
    assertTrue(
        line.contains(semantic.reason())
            && semantic.reason().contains("sparcv9")
            && !semantic.reason().contains("lexical only"),
        semantic::toString);
    assertFalse(p.containsKey("fusion.rule"), "no fusion recorded: " + p.keySet());
    assertFalse(Files.exists(ws.resolve(EmbeddingStore.FOLDER)), "no embeddings saved");
    List<Link> links = w.links();
    assertTrue(links.size() > 10, "links: " + links.size());
    for (Link l : links) {
      assertEquals(0, l.explanation().semantic(), l.toString());
      assertTrue(l.explanation().lexical() > 0, l.toString());
    }
  }

  private record Child(int code, List<String> stdout, List<String> stderr) {}

  private static Child run(Path temp, Path cache, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-Djava.io.tmpdir=" + temp);
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ModelLoadingMain.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    // the JVM's own notices ("Picked up JAVA_TOOL_OPTIONS") would be lines of stderr too
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    Path out = Files.createTempFile(temp.getParent(), "out", ".txt");
    Path err = Files.createTempFile(temp.getParent(), "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not finish: " + Files.readString(err));
    }
    return new Child(
        p.exitValue(),
        Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readAllLines(err, StandardCharsets.UTF_8));
  }

  private static List<String> ortFolders(Path temp) throws IOException {
    try (Stream<Path> s = Files.list(temp)) {
      return s.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("onnxruntime-java"))
          .toList();
    }
  }
}
