package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated 1 GiB JSON Lines file read through a 256 MiB heap, in a child JVM. Opt-in (it writes
 * 1 GiB and takes minutes on a shared machine): {@code -Dpapergraph.heapTest=true}.
 */
class StreamingHeapTest {

  @Test
  @EnabledIfSystemProperty(named = "papergraph.heapTest", matches = "true")
  void readsOneGibibyteOfJsonLinesWithA256MibHeap(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path file = dir.resolve("big.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StreamingCheck.class.getName(),
                    file.toString(),
                    Long.toString(1L << 30)))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    Matcher m =
        Pattern.compile(
                "records=(\\d+) rejected=(\\d+) bytes=(\\d+) maxHeapMiB=(\\d+) peakHeapMiB=(\\d+)")
            .matcher(out);
    assertTrue(m.find(), out);
    assertEquals(0, Long.parseLong(m.group(2)), out);
    assertTrue(Long.parseLong(m.group(3)) >= 1L << 30, out);
    assertTrue(Long.parseLong(m.group(1)) > 500_000, out);
    assertTrue(Long.parseLong(m.group(4)) <= 256, out);
    Files.deleteIfExists(file);
  }
}
