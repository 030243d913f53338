package dev.papergraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BuildRunTest {

  @TempDir Path tmp;

  /**
   * Warm repeats rebuild the workspace in the same JVM, each with its own extra stop word (so the
   * texts are analysed again), and report each rebuild's times and stages beside the first build.
   */
  @Test
  void warmRepeatsRebuildWithAWordOfTheirOwnAndReportEach() throws Exception {
    // the bundled seed listings (tests run in the module's folder)
    Path seeds =
        Path.of("..", "testdata", "src", "main", "resources", "papergraph", "seed", "hf-papers");
    List<String> args = new ArrayList<>();
    try (Stream<Path> files = Files.list(seeds)) {
      files
          .filter(f -> f.toString().endsWith(".txt"))
          .sorted()
          .forEach(f -> args.add(f.toString()));
    }
    Path ws = tmp.resolve("ws");
    Path json = tmp.resolve("figures.json");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new BuildRun());
    cli.setOut(new PrintWriter(out));
    args.addAll(
        List.of(
            "--workspace",
            ws.toString(),
            "--no-semantic",
            "--threads",
            "2",
            "--extra-stop-word",
            "zzzqqq",
            "--warm-repeats",
            "2",
            "--json-out",
            json.toString()));
    assertEquals(0, cli.execute(args.toArray(String[]::new)));
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    JsonNode repeats = figures.get("warm_repeats");
    assertEquals(2, repeats.size());
    for (JsonNode r : repeats) {
      assertTrue(r.get("build_cpu_s").asDouble() > 0, r.toString());
      assertTrue(r.get("stages").has("similarity"), r.toString());
      assertTrue(r.get("stages").has("analysis"), r.toString());
    }
    String options = Files.readString(ws.resolve("engine-options.json"));
    assertTrue(options.contains("zzzqqq2"), "the last rebuild's own word: " + options);
    assertFalse(options.contains("\"zzzqqq\""), "not the first build's word any more");
  }
}
