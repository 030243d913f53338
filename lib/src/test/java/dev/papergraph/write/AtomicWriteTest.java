package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.io.AtomicOutput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

  @TempDir Path dir;

  private List<String> listing() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writerKilledMidWayLeavesTheOldFileAndTheNextWriteRemovesItsTemporary() throws Exception {
    Path target = dir.resolve("map.graphml");
    byte[] old = "<old export/>\n".getBytes(StandardCharsets.UTF_8);
    Files.write(target, old);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriterMain.class.getName(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      // the JVM may print notices first (JAVA_TOOL_OPTIONS: "Picked up ..."): wait for the
      // handshake line itself
      List<String> before = new ArrayList<>();
      for (String line = out.readLine(); !"writing".equals(line); line = out.readLine()) {
        assertTrue(line != null, "the child ended without starting to write: " + before);
        before.add(line);
      }
      // wait until the temporary file holds a good part of the export (the whole one is ~3 MB)
      Path tmp = null;
      for (int i = 0; i < 600 && (tmp == null || Files.size(tmp) < 200_000); i++) {
        Thread.sleep(50);
        try (Stream<Path> s = Files.list(dir)) {
          tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).findFirst().orElse(null);
        }
      }
      assertTrue(
          tmp != null && Files.size(tmp) >= 200_000,
          "the child never got far enough: " + listing());
      assertTrue(child.isAlive(), "the child finished before it could be killed");
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }

    assertArrayEquals(old, Files.readAllBytes(target), "the old file is intact");
    List<String> left = listing();
    assertEquals(
        2, left.size(), "the killed writer's temporary stays until the next write: " + left);
    assertTrue(
        left.get(0).startsWith(".map.graphml.") && left.get(0).endsWith(".tmp"), left.toString());

    AnalysedGraph a = TestAnalyses.seed();
    Exports.write(a, ExportFormat.GRAPHML, target, WriteOptions.defaults().withOverwrite(true));
    assertEquals(List.of("map.graphml"), listing());
    assertEquals(GraphmlWriterTest.graphml(a, WriteOptions.defaults()), Files.readString(target));
  }

  @Test
  void existingFilesAreNotOverwrittenUnlessAsked() throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    for (ExportFormat f : ExportFormat.values()) {
      Path target = dir.resolve("out" + f.ordinal() + f.extension());
      List<Path> files = Exports.files(f, target);
      for (Path p : files) {
        Files.writeString(p, "keep me");
      }
      assertThrows(
          FileAlreadyExistsException.class,
          () -> Exports.write(a, f, target, WriteOptions.defaults()),
          f.key());
      for (Path p : files) {
        assertEquals("keep me", Files.readString(p), f.key());
      }
      assertEquals(files, Exports.write(a, f, target, WriteOptions.defaults().withOverwrite(true)));
      for (Path p : files) {
        assertFalse(Files.readString(p).equals("keep me"), f.key());
      }
    }
    assertTrue(listing().stream().noneMatch(n -> n.endsWith(".tmp")), listing().toString());
  }

  @Test
  void csvChecksBothFilesBeforeWritingEither() throws Exception {
    Path target = dir.resolve("graph.csv");
    Files.writeString(dir.resolve("graph-edges.csv"), "keep me");
    assertThrows(
        FileAlreadyExistsException.class,
        () ->
            Exports.write(TestAnalyses.seed(), ExportFormat.CSV, target, WriteOptions.defaults()));
    assertEquals(List.of("graph-edges.csv"), listing());
  }

  @Test
  void aWriteInProgressKeepsItsTemporary() throws Exception {
    Path target = dir.resolve("x.json");
    List<List<Path>> removedMeanwhile = new ArrayList<>();
    AtomicOutput.write(
        target,
        false,
        out -> {
          out.write('{');
          out.flush();
          removedMeanwhile.add(AtomicOutput.removeStaleTemporaries(target));
          out.write('}');
        });
    assertEquals(List.of(List.of()), removedMeanwhile);
    assertEquals("{}", Files.readString(target));
  }
}
