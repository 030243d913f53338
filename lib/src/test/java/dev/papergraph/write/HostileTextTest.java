package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.papergraph.model.Paper;
import dev.papergraph.text.TextCleaner;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * Issue 12 #27 (every output is well-formed for any input text) and #22 (CSV cells a spreadsheet
 * would run as formulas are neutralised): papers whose titles, abstracts and authors hold
 * characters XML 1.0 forbids (U+FFFE, U+FFFF, NUL, ESC), lone surrogates, {@code </script>},
 * U+2028, backslash escapes and formula starts, exported in every format and read back by strict
 * parsers.
 */
class HostileTextTest {

  static final String TITLE_FORMULA = "=HYPERLINK(\"evil.example\",\"click\") hostile quantization";
  static final String TITLE_ILLEGAL =
      "Noncharacters \uFFFE\uFFFF and a lone \uD800 high hostile quantization";

  /**
   * Exports carry the readable abstract ({@link TextCleaner#readable}), so the hostile parts are
   * ones that survive cleaning: the script tags are escaped three times over, and the cleaner's
   * three entity passes turn them back into tags.
   */
  static final String ABSTRACT =
      "@SUM(1+1) lone low \uDC00 nul \u0000 esc \u001b[31m red "
          + "&amp;amp;lt;/script&amp;amp;gt;&amp;amp;lt;script&amp;amp;gt;alert(1)"
          + "&amp;amp;lt;/script&amp;amp;gt; &amp;amp;lt;!-- line\u2028sep para\u2029sep"
          + " \u202Ebidi\u202C na\"ive end";

  static final String ABSTRACT_READABLE =
      "@SUM(1+1) lone low \uDC00 nul \u0000 esc \u001b[31m red </script><script>alert(1)</script>"
          + " <!-- line\u2028sep para\u2029sep \u202Ebidi\u202C na\"ive end";

  static final String TITLE_MINUS = "-2+3 hostile quantization of models";

  /** Authors are exported as the source gave them: the backslashes Gephi's CSV reader needs. */
  static final String AUTHOR_BACKSLASH = "na\\\"ive \\n \\ end";

  @TempDir Path dir;

  static AnalysedGraph hostile() {
    List<Paper> papers = new ArrayList<>(TestAnalyses.extraPapers());
    papers.add(
        Paper.builder()
            .id("s2:formula")
            .title(TITLE_FORMULA)
            .abstractText(ABSTRACT)
            .authors(List.of("+cmd|' /C calc'!A0", "@user", AUTHOR_BACKSLASH))
            .build());
    papers.add(
        Paper.builder().id("s2:illegal").title(TITLE_ILLEGAL).abstractText(ABSTRACT).build());
    papers.add(Paper.builder().id("s2:minus").title(TITLE_MINUS).build());
    papers.add(Paper.builder().id("-s2:dash\uD800").title("Dash id hostile quantization").build());
    return TestAnalyses.analyse(papers, 7);
  }

  // strict UTF-8: a lone surrogate written as CESU-8 or '?' would either fail here or be caught
  // below
  static String utf8(Path file) throws Exception {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
        .toString();
  }

  @Test
  void theHostileTextSurvivesCleaning() {
    // otherwise the test below would no longer reach the writers' escaping
    assertEquals(TITLE_FORMULA, TextCleaner.readable(TITLE_FORMULA));
    assertEquals(TITLE_ILLEGAL, TextCleaner.readable(TITLE_ILLEGAL));
    assertEquals(TITLE_MINUS, TextCleaner.readable(TITLE_MINUS));
    assertEquals(ABSTRACT_READABLE, TextCleaner.readable(ABSTRACT));
  }

  @Test
  void everyFormatIsWellFormedForTextXmlForbidsAndLoneSurrogates() throws Exception {
    AnalysedGraph a = hostile();
    int papers = a.graph().papers().size();
    assertTrue(a.graph().similarity().edgeSet().size() > 0);
    ObjectMapper strict =
        JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    for (ExportFormat f : ExportFormat.values()) {
      for (Path file :
          Exports.write(
              a, f, dir.resolve("hostile-" + f.key() + f.extension()), WriteOptions.defaults())) {
        String text = utf8(file);
        assertFalse(text.contains("\uD800") || text.contains("\uDC00"), f + ": no lone surrogate");
        switch (f) {
          case GRAPHML, GEXF -> {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            var doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
            assertEquals(papers, doc.getElementsByTagName("node").getLength(), f.key());
            assertFalse(
                text.contains("\uFFFE") || text.contains("\uFFFF") || text.contains("\u0000"),
                f.key());
          }
          case JSON -> {
            JsonNode root = strict.readTree(text);
            assertEquals(papers, root.get("nodes").size());
            JsonNode formula = find(root.get("nodes"), "id", "s2:formula");
            assertEquals(
                TITLE_FORMULA,
                formula.get("label").asText(),
                "JSON keeps the text (no spreadsheet)");
            assertEquals(
                ABSTRACT_READABLE.replace('\uDC00', '\uFFFD'),
                formula.get("abstract").asText(),
                "the readable abstract, only the lone surrogate replaced");
            assertEquals(
                TITLE_ILLEGAL.replace('\uD800', '\uFFFD'),
                find(root.get("nodes"), "id", "s2:illegal").get("label").asText());
          }
          case VOSVIEWER -> assertEquals(papers, strict.readTree(text).at("/network/items").size());
          case DOT -> {
            Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
            DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
            importer.setVertexFactory(id -> id);
            importer.importGraph(g, new StringReader(text));
            assertEquals(papers, g.vertexSet().size());
            assertEquals(a.graph().similarity().edgeSet().size(), g.edgeSet().size());
          }
          case CSV -> {
            if (file.getFileName().toString().endsWith("-nodes.csv")) {
              assertEquals(papers + 1, OtherFormatsTest.csvRecords(text.replace("\\\\", "")));
              // formula starts neutralised, in ids, titles, abstracts and joined authors alike
              assertTrue(
                  text.contains(
                      "\r\ns2:formula,\"'=HYPERLINK(\"\"evil.example\"\",\"\"click\"\") hostile"),
                  text.substring(0, 400));
              assertTrue(text.contains(",'-2+3 hostile quantization of models,"));
              assertTrue(
                  text.contains("\"'@SUM(1+1) lone low \uFFFD nul"),
                  text.substring(text.indexOf("@SUM") - 5, text.indexOf("@SUM") + 40));
              assertTrue(
                  text.contains(",\"'+cmd|' /C calc'!A0; @user; na\\\\\"\"ive \\\\n \\\\ end\","),
                  "neutralised, quoted, backslashes doubled for Gephi");
              assertTrue(text.contains("\r\n'-s2:dash\uFFFD,"));
              assertTrue(
                  text.contains("na\\\\\"\"ive \\\\n \\\\ end"), "backslashes doubled for Gephi");
            } else {
              assertTrue(
                  text.contains("'-s2:dash\uFFFD"), "edge ends neutralised like the node ids");
            }
          }
          case HTML -> {
            // the data cannot close its script element, nor end a line inside the script
            int from = text.indexOf("id=\"papergraph-data\">");
            String json = text.substring(from, text.indexOf("</script>", from));
            assertFalse(
                json.contains("<") || json.contains("\u2028") || json.contains("\u2029"),
                "escaped");
            JsonNode d = HtmlWriterTest.data(text);
            assertEquals(papers, d.get("papers").size());
            JsonNode formula = find(d.get("papers"), "id", "s2:formula");
            assertEquals(TITLE_FORMULA, formula.get("title").asText());
            assertEquals(
                ABSTRACT_READABLE.replace('\uDC00', '\uFFFD'), formula.get("abstract").asText());
            assertEquals(
                4,
                text.split("<script", -1).length - 1,
                "the policy watch, the data, the library, the map");
          }
        }
      }
    }
  }

  @Test
  void csvCellsNeutraliseTheOwaspFormulaStartsOnly() {
    for (String risky : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertTrue(CsvCells.isRisky(risky), risky);
      assertEquals("'" + risky, CsvCells.neutralise(risky));
    }
    for (String safe : List.of("", "a=b", " =1", "'=1", "1-2", "x@y")) {
      assertEquals(safe, CsvCells.neutralise(safe), safe);
    }
    assertEquals(null, CsvCells.neutralise(null));
  }

  @Test
  void csvNumbersAreNotNeutralised() throws Exception {
    // negative coordinates are numbers papergraph wrote, not text from the input
    AnalysedGraph a = hostile();
    List<Path> files =
        Exports.write(a, ExportFormat.CSV, dir.resolve("n.csv"), WriteOptions.defaults());
    String nodes = Files.readString(files.get(0));
    assertTrue(a.layout().positions().values().stream().anyMatch(p -> p.x() < 0 || p.y() < 0));
    assertFalse(
        nodes.contains(",'-0.")
            || nodes.contains(",'-1")
            || nodes.contains(",'-2.")
            || nodes.contains(",'-3"),
        "no neutralised number");
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    throw new AssertionError(value + " not found");
  }
}
