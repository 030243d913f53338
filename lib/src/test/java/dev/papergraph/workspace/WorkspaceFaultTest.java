package dev.papergraph.workspace;

import static dev.papergraph.workspace.WorkspaceSafetyTest.names;
import static dev.papergraph.workspace.WorkspaceSafetyTest.small;
import static dev.papergraph.workspace.WorkspaceSafetyTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's fault tests for the workspace: a build or {@code --add} killed with SIGKILL at every
 * stage (a child JVM, {@link KilledBuildMain}), a full disk, an I/O error while saving. After each,
 * the previous workspace is byte for byte what it was, and the next build leaves nothing behind.
 */
class WorkspaceFaultTest {

  @TempDir Path tmp;

  static List<String> buildPoints() {
    List<String> points =
        new ArrayList<>(
            List.of(
                "start:read",
                "start:similarity",
                "start:graph",
                "start:analysis",
                "start:layout",
                "start:save"));
    for (int i = 1; i <= 7; i++) {
      points.add("save:" + i);
    }
    return points;
  }

  static List<String> addPoints() {
    return List.of(
        "start:read",
        "start:similarity",
        "start:analysis",
        "start:save",
        "save:1",
        "save:4",
        "save:7");
  }

  @ParameterizedTest(name = "build killed at {0}")
  @MethodSource("buildPoints")
  void faultKilledBuildLeavesThePreviousWorkspaceAndTheNextBuildCleansUp(String point)
      throws Exception {
    killedAt("build", point);
  }

  @ParameterizedTest(name = "--add killed at {0}")
  @MethodSource("addPoints")
  void faultKilledAddLeavesThePreviousWorkspaceAndTheNextBuildCleansUp(String point)
      throws Exception {
    killedAt("add", point);
  }

  private void killedAt(String mode, String point) throws Exception {
    Path dir = tmp.resolve("ws");
    List<Paper> papers = small(dir).papers();
    Map<String, String> before = snapshot(dir);
    Process child = start(mode, dir, point);
    try {
      awaitPause(child, point);
      if (point.equals("start:read")) {
        // the child holds the lock from before it reads: a build in another process is refused
        var e = assertThrows(WorkspaceException.class, () -> small(dir));
        assertTrue(
            e.getMessage()
                .startsWith(
                    "another papergraph build is writing this workspace (process "
                        + child.pid()
                        + ")"),
            e.getMessage());
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    assertEquals(before, snapshot(dir), "the previous workspace is untouched");
    assertEquals(papers, Workspace.open(dir).papers());
    small(dir);
    assertEquals(List.of("child.log", "ws"), names(tmp), "the next build removed every leftover");
  }

  private Process start(String mode, Path dir, String point) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            KilledBuildMain.class.getName(),
            mode,
            dir.toString(),
            point,
            tmp.resolve("paused").toString())
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile())
        .start();
  }

  private void awaitPause(Process child, String point) throws Exception {
    Path flag = tmp.resolve("paused");
    for (int i = 0; i < 2400 && !Files.exists(flag); i++) {
      if (!child.isAlive()) {
        throw new AssertionError(
            "the child ended before " + point + ":\n" + Files.readString(tmp.resolve("child.log")));
      }
      Thread.sleep(50);
    }
    assertTrue(Files.exists(flag), "the child never reached " + point);
    Files.delete(flag);
  }

  @Test
  void faultIoErrorWhileSavingLeavesThePreviousWorkspaceAndNoLeftover() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Map<String, String> before = snapshot(dir);
    Progress failing =
        new Progress() {
          private String stage = "";
          private int saved;

          @Override
          public void start(String s, long total) {
            stage = s;
          }

          @Override
          public void advance(long units) {
            if (stage.equals("save") && ++saved == 3) {
              throw new UncheckedIOException(new IOException("No space left on device"));
            }
          }

          @Override
          public void finish() {}
        };
    assertThrows(
        UncheckedIOException.class,
        () -> Workspace.build(dir, Seeds.sources().subList(0, 1), BuildOptions.DEFAULTS, failing));
    assertEquals(before, snapshot(dir));
    assertEquals(List.of("ws"), names(tmp));
  }

  @Test
  void faultFullDiskLeavesThePreviousWorkspaceAndNoLeftover() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    Assumptions.assumeTrue(
        mounted,
        "a small tmpfs cannot be mounted here (needs root): "
            + new String(mount.getInputStream().readAllBytes()));
    try {
      Path dir = disk.resolve("ws");
      small(dir);
      Map<String, String> before = snapshot(dir);
      var e =
          assertThrows(
              WorkspaceException.class,
              () -> Workspace.build(dir, Seeds.sources(), BuildOptions.DEFAULTS, Progress.NONE));
      assertTrue(e.getMessage().startsWith("could not write the new workspace ("), e.getMessage());
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      assertTrue(
          e.getMessage().contains("the previous workspace, if any, is unchanged"), e.getMessage());
      assertEquals(before, snapshot(dir));
      try (Stream<Path> s = Files.list(disk)) {
        assertEquals(List.of("ws"), s.map(p -> p.getFileName().toString()).toList());
      }
    } finally {
      new ProcessBuilder("umount", disk.toString())
          .inheritIO()
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    }
  }
}
