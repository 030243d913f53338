package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gephi itself (gephi-toolkit 0.10.1, headless ImportController + DefaultProcessor, as Gephi's
 * "open") reads every format Gephi knows: counts, undirected, labels, colours, positions, typed
 * columns; the seed CSV pair imports as the seed graph. Gephi runs in a child JVM ({@link
 * GephiProbe}) so that its bundled libraries stay off the test class path.
 */
class GephiImportTest {

  @TempDir Path dir;

  static JsonNode gephi(String nodeId, Path... files) throws Exception {
    String jar = System.getProperty("papergraph.gephi.jar");
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          jar != null && Files.isRegularFile(Path.of(jar)), "gephi-toolkit jar not given: skipped");
    }
    Path classes =
        Path.of(GephiProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.awt.headless=true",
                "-cp",
                jar + File.pathSeparator + classes,
                GephiProbe.class.getName(),
                nodeId));
    for (Path f : files) {
      cmd.add(f.toString());
    }
    Process p = new ProcessBuilder(cmd).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    String text = new String(out, StandardCharsets.UTF_8);
    return new ObjectMapper().readTree(text.substring(text.lastIndexOf("\n{") + 1));
  }

  @Test
  void gephiImportsTheSeedCsvPairAsTheUndirectedSeedGraph() throws Exception {
    AnalysedGraph a = TestAnalyses.pipeline();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    List<Path> csv =
        Exports.write(a, ExportFormat.CSV, dir.resolve("seeds.csv"), WriteOptions.defaults());
    String id = m.ids().get(0);
    JsonNode g = gephi(id, csv.get(0), csv.get(1));
    assertEquals(415, g.get("nodes").asInt(), g.toString());
    assertEquals(
        a.graph().similarity().edgeSet().size(),
        g.get("edges").asInt(),
        g.get("issues").toString());
    assertEquals(0, g.get("directed_edges").asInt(), "Type=Undirected");
    assertEquals(m.title(id), g.get("label").asText());
    assertEquals(
        Math.round(m.edges().stream().mapToDouble(m::weight).sum() * 1e6) / 1e6,
        Math.round(g.get("weight_sum").asDouble() * 1e6) / 1e6,
        1e-4);
    assertEquals("Double", g.at("/node_columns/pagerank").asText(), "typed by Gephi's detection");
    assertEquals("Integer", g.at("/node_columns/community").asText());
    assertEquals(0, g.get("issues").size(), g.get("issues").toString());
  }

  @Test
  void gephiReadsGraphmlGexfBothVersionsAndDotWithLabelsColoursPositionsAndTypes()
      throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    String id = TestAnalyses.TRICKY_ID;
    int rgb = m.rgb(id);
    Path graphml = dir.resolve("seed.graphml");
    Path gexf = dir.resolve("seed.gexf");
    Path gexf13 = dir.resolve("seed-13.gexf");
    Path dot = dir.resolve("seed.dot");
    Exports.write(a, ExportFormat.GRAPHML, graphml, WriteOptions.defaults());
    Exports.write(a, ExportFormat.GEXF, gexf, WriteOptions.defaults());
    Exports.write(
        a, ExportFormat.GEXF, gexf13, WriteOptions.defaults().withGexfVersion(GexfVersion.V1_3));
    Exports.write(a, ExportFormat.DOT, dot, WriteOptions.defaults());
    for (Path file : List.of(graphml, gexf, gexf13, dot)) {
      String name = file.getFileName().toString();
      JsonNode g = gephi(file == graphml ? GraphmlWriter.nodeId(id) : id, file);
      assertEquals(418, g.get("nodes").asInt(), name + " " + g.get("issues"));
      assertEquals(a.graph().similarity().edgeSet().size(), g.get("edges").asInt(), name);
      assertTrue(g.get("undirected").asBoolean(), name);
      assertEquals(
          "Ünïcödé “quotes” \"double\" 'single' bold & ampersand p<0.05 数据 ctrl quantization",
          g.get("label").asText(),
          name);
      assertEquals(
          List.of((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF),
          List.of(g.get("r").asInt(), g.get("g").asInt(), g.get("b").asInt()),
          name + " colour");
      // Gephi's DefaultScaler multiplies every position by one factor on import: the direction is
      // ours
      double x = a.layout().of(id).x();
      double y = a.layout().of(id).y();
      double scale = g.get("x").asDouble() / x;
      assertTrue(scale > 0, name + " x " + g.get("x"));
      assertEquals(
          y * scale, g.get("y").asDouble(), Math.abs(y * scale) * 1e-4 + 1e-3, name + " position");
      if (file != dot) {
        // DOT has no types: everything else is typed as written
        assertEquals("Double", g.at("/node_columns/pagerank").asText(), name);
        assertEquals("Integer", g.at("/node_columns/community").asText(), name);
        assertEquals("String", g.at("/node_columns/abstract").asText(), name);
      }
      if (file == graphml) {
        // the one warning left: Gephi keeps no graph-level GraphML data (GEXF keeps the manifest)
        assertTrue(g.get("issues").size() <= 1, g.get("issues").toString());
      } else {
        assertEquals(0, g.get("issues").size(), name + " " + g.get("issues"));
      }
    }
  }

  @Test
  void gephiImportsHostileTextInEveryFormatItKnows() throws Exception {
    AnalysedGraph a = HostileTextTest.hostile();
    int papers = a.graph().papers().size();
    int edges = a.graph().similarity().edgeSet().size();
    for (ExportFormat f :
        List.of(ExportFormat.GRAPHML, ExportFormat.GEXF, ExportFormat.DOT, ExportFormat.CSV)) {
      List<Path> files =
          Exports.write(a, f, dir.resolve("hostile" + f.extension()), WriteOptions.defaults());
      String id = f == ExportFormat.GRAPHML ? GraphmlWriter.nodeId("s2:formula") : "s2:formula";
      JsonNode g = gephi(id, files.toArray(Path[]::new));
      assertEquals(papers, g.get("nodes").asInt(), f + " " + g.get("issues"));
      assertEquals(edges, g.get("edges").asInt(), f + " " + g.get("issues"));
      String label =
          f == ExportFormat.CSV
              ? "'" + HostileTextTest.TITLE_FORMULA
              : HostileTextTest.TITLE_FORMULA;
      assertEquals(label, g.get("label").asText(), f.key());
    }
  }
}
