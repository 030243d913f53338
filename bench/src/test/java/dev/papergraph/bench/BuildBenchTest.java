package dev.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench times a build with the JVM options the launcher gives the user's build. */
class BuildBenchTest {

  @Test
  void timedBuildsUseTheLaunchersCompilerThresholds() throws IOException {
    // the launcher at the project root; tests run in the module's folder
    List<String> launcher = Files.readAllLines(Path.of("..", "papergraph"));
    List<String> defined = launcher.stream().filter(line -> line.startsWith("BUILD_JIT=")).toList();
    assertEquals(1, defined.size(), "one BUILD_JIT line in the launcher: " + defined);
    assertEquals("BUILD_JIT=(" + String.join(" ", BuildBench.BUILD_JIT) + ")", defined.get(0));
    assertTrue(
        launcher.stream()
            .anyMatch(
                line -> line.contains("opts=(\"${BUILD_JIT[@]}\" \"${thp[@]}\" \"${opts[@]}\")")),
        "the launcher passes BUILD_JIT and its huge-page option to a build that is not small");
    assertTrue(
        launcher.contains("  thp=(-XX:+UseTransparentHugePages)")
            && launcher.stream().anyMatch(line -> line.contains("\\[(always|madvise)\\]")),
        "the launcher asks for huge pages under the test BuildBench.transparentHugePages mirrors");
  }

  @Test
  void timedLargeBuildsStartWithTheLaunchersHeap() throws IOException {
    List<String> launcher = Files.readAllLines(Path.of("..", "papergraph"));
    assertTrue(
        launcher.contains("LARGE_BUILD_KB=" + BuildBench.LARGE_BUILD_KB),
        "the launcher's large-build size is the bench's");
    assertTrue(
        launcher.contains(
            "LARGE_BUILD_HEAP=(" + String.join(" ", BuildBench.LARGE_BUILD_HEAP) + ")"),
        "the launcher's large-build heap options are the bench's");
    assertTrue(
        launcher.stream()
            .anyMatch(
                line ->
                    line.contains(
                        "opts=(\"${BUILD_JIT[@]}\" \"${LARGE_BUILD_HEAP[@]}\" \"${thp[@]}\""
                            + " \"${opts[@]}\")")),
        "the launcher passes them to a large build");
  }
}
