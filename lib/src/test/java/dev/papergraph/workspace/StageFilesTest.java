package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Measure;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageFilesTest {

  @TempDir Path tmp;

  /**
   * The files' numbers read back as the same double, and are the text {@link Double#toString} gives
   * for the numbers a workspace holds: scores and cosines in [-1, 1], products of two float weights
   * (shared terms' contributions), centralities and layout coordinates over many magnitudes.
   */
  @Test
  void numbersAreDoubleToStringAndReadBackExactly() {
    Random random = new Random(5);
    for (int i = 0; i < 300_000; i++) {
      double v =
          switch (i % 4) {
            case 0 -> random.nextDouble() * 2 - 1;
            case 1 -> (double) random.nextFloat() * random.nextFloat();
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(16) - 10);
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(6));
          };
      String s = StageFiles.number(v);
      assertEquals(Double.toString(v), s, "digits of " + v);
      assertEquals(
          Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(StageFiles.parseNumber(s)));
    }
    for (double v :
        new double[] {
          0.0, -0.0, 1.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e-3, 1e7, 0.1
        }) {
      assertEquals(Double.toString(v), StageFiles.number(v));
      assertEquals(
          Double.doubleToRawLongBits(v),
          Double.doubleToRawLongBits(StageFiles.parseNumber(StageFiles.number(v))));
    }
  }

  /**
   * The files' parser gives the JDK's double for any text Double.toString writes (every bit pattern
   * sampled, subnormals and infinities included) and for numbers written with fewer or more digits.
   */
  @Test
  void numbersParseAsTheJdkParsesThem() {
    Random random = new Random(7);
    for (int i = 0; i < 300_000; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(v)) {
        continue;
      }
      for (String s :
          new String[] {
            Double.toString(v),
            String.format(java.util.Locale.ROOT, "%.20e", v),
            String.format(java.util.Locale.ROOT, "%.3g", v)
          }) {
        assertEquals(
            Double.doubleToRawLongBits(Double.parseDouble(s)),
            Double.doubleToRawLongBits(StageFiles.parseNumber(s)),
            s);
      }
    }
    assertTrue(Double.isNaN(StageFiles.parseNumber("NaN")));
    assertThrows(NumberFormatException.class, () -> StageFiles.parseNumber("lots"));
  }

  @Test
  void linksRoundTripWithTheirExplanations() throws Exception {
    List<Link> links =
        List.of(
            new Link(
                "arxiv:1",
                "arxiv:2",
                new EdgeExplanation(
                    0.41,
                    0.52,
                    0.2,
                    0,
                    0.1,
                    0,
                    List.of(
                        new SharedTerm("quantiz", "quantization", 0.3),
                        new SharedTerm("post train", "post-training", 0.1)),
                    List.of("cs.LG"),
                    List.of("doi:10.1/x"))),
            new Link("arxiv:1", "title:ff", EdgeExplanation.ofScore(0.1 + 0.2)));
    Path f = tmp.resolve("edges.tsv");
    StageFiles.writeLinks(f, links);
    assertEquals(links, StageFiles.readLinks(tmp, f));
    assertEquals(3, Files.readAllLines(f).size(), "a header, then one link a line");
  }

  /**
   * Edges (the queries' lazy form of the links, read from the file's bytes) have the links' ends,
   * scores and explanations, whatever the line ends; a row with a field missing is named.
   */
  @Test
  void edgesReadTheLinksFromBytesWithAnyLineEnd() throws Exception {
    List<Link> links =
        List.of(
            new Link(
                "arxiv:1",
                "title:caf\u00e9\ttab",
                new EdgeExplanation(
                    0.41,
                    0.52,
                    0.2,
                    0,
                    0.1,
                    0,
                    List.of(
                        new SharedTerm("quantiz", "quantizaci\u00f3n \u2013 \ud83d\ude00", 0.3)),
                    List.of("cs.LG"),
                    List.of("doi:10.1/x"))),
            new Link("arxiv:2", "title:ff", EdgeExplanation.ofScore(0.1 + 0.2)));
    Path f = tmp.resolve("edges.tsv");
    StageFiles.writeLinks(f, links);
    String text = Files.readString(f);
    for (String content : List.of(text, text.replace("\n", "\r\n"), text.strip())) {
      Files.writeString(f, content);
      List<dev.papergraph.graph.SimilarityEdge> edges =
          StageFiles.readEdges(tmp, "edges.tsv", Files.newInputStream(f), links.size());
      assertEquals(links.size(), edges.size());
      for (int i = 0; i < links.size(); i++) {
        assertEquals(links.get(i).a(), edges.get(i).first());
        assertEquals(links.get(i).b(), edges.get(i).second());
        assertEquals(links.get(i).explanation().score(), edges.get(i).score());
        assertEquals(links.get(i).explanation(), edges.get(i).explanation());
      }
    }
    Files.writeString(f, text.replace("\tcs.LG", "cs.LG"));
    var e =
        assertThrows(
            WorkspaceException.class,
            () -> StageFiles.readEdges(tmp, "edges.tsv", Files.newInputStream(f), 2));
    assertTrue(e.getMessage().contains("line 2 has 12 fields, not 13"), e.getMessage());
  }

  @Test
  void centralitiesRoundTripBitForBit() throws Exception {
    Map<Measure, Map<String, Double>> overall = new EnumMap<>(Measure.class);
    Map<Measure, Map<String, Double>> within = new EnumMap<>(Measure.class);
    overall.put(Measure.PAGERANK, ordered("a", 0.1 + 0.2, "b", 1.0 / 3));
    overall.put(Measure.DEGREE, ordered("a", 1.0, "b", 0.0));
    within.put(Measure.PAGERANK, ordered("a", Double.MIN_VALUE, "b", 0.5));
    Centralities c = new Centralities(overall, within);
    Path f = tmp.resolve("centralities.tsv");
    StageFiles.writeCentralities(f, List.of("a", "b"), c);
    assertEquals(c, StageFiles.readCentralities(tmp, f));
    assertEquals("id\tpagerank\tdegree\twithin.pagerank", Files.readAllLines(f).get(0));
    Centralities pagerank =
        StageFiles.readCentralities(
            tmp, f.getFileName().toString(), Files.newInputStream(f), 2, Set.of(Measure.PAGERANK));
    assertEquals(
        new Centralities(
            Map.of(Measure.PAGERANK, overall.get(Measure.PAGERANK)),
            Map.of(Measure.PAGERANK, within.get(Measure.PAGERANK))),
        pagerank);
    Centralities degree =
        StageFiles.readCentralities(
            tmp, f.getFileName().toString(), Files.newInputStream(f), 2, Set.of(Measure.DEGREE));
    assertEquals(new Centralities(Map.of(Measure.DEGREE, overall.get(Measure.DEGREE))), degree);
  }

  @Test
  void layoutRoundTrips() throws Exception {
    Map<String, Layout.Point> p = new LinkedHashMap<>();
    p.put("b", new Layout.Point(-1.5, 2e-9));
    p.put("a", new Layout.Point(0.1 + 0.2, 7));
    Layout layout = new Layout(p);
    Path f = tmp.resolve("layout.tsv");
    StageFiles.writeLayout(f, List.of("b", "a"), layout);
    assertEquals(layout, StageFiles.readLayout(tmp, f));
  }

  @Test
  void finding4_tabsAndLineBreaksInValuesRoundTrip() throws Exception {
    List<Link> links =
        List.of(
            new Link(
                "a",
                "b",
                new EdgeExplanation(
                    0.5,
                    0.5,
                    0,
                    0,
                    0,
                    0,
                    List.of(new SharedTerm("x", "two\twords", 0.5)),
                    List.of("topic\nline"),
                    List.of())));
    Path f = tmp.resolve("edges.tsv");
    StageFiles.writeLinks(f, links);
    EdgeExplanation back = StageFiles.readLinks(tmp, f).get(0).explanation();
    assertEquals("two\twords", back.sharedTerms().get(0).display());
    assertEquals(List.of("topic\nline"), back.sharedTopics());
  }

  /**
   * A value without a character to escape is written as it is (the same string); every other one
   * escapes exactly its backslashes, control characters, DEL and unpaired surrogates, and reads
   * back.
   */
  @Test
  void escapeRewritesOnlyWhatNeedsItAndRoundTrips() {
    String plain = "arxiv:2401.00001 caf\u00e9 \u6570\u636e \ud83d\ude00 ~";
    assertSame(plain, StageFiles.escape(plain));
    assertEquals("a\\\\b", StageFiles.escape("a\\b"));
    assertEquals("x\\ty\\nz\\r", StageFiles.escape("x\ty\nz\r"));
    assertEquals("\\u0000\\u001e\\u001f\\u007f", StageFiles.escape("\u0000\u001e\u001f\u007f"));
    assertEquals("lone \\ud800 end", StageFiles.escape("lone \ud800 end"));
    assertEquals("\\udc00 first", StageFiles.escape("\udc00 first"));
    assertEquals("pair \ud83d\ude00 \\ud83d", StageFiles.escape("pair \ud83d\ude00 \ud83d"));
    for (String s :
        List.of(
            plain, "a\\b", "x\ty\nz\r", "\u0000\u001e\u001f\u007f", "lone \ud800 end", "\udc00")) {
      assertEquals(s, StageFiles.unescape(StageFiles.escape(s)));
    }
  }

  @Test
  void linksWithTextBeyondLatin1RoundTrip() throws Exception {
    List<Link> links =
        List.of(
            new Link(
                "id:caf\u00e9",
                "id:\u6570\u636e",
                new EdgeExplanation(
                    0.25,
                    0.5,
                    0,
                    0,
                    0,
                    0,
                    List.of(new SharedTerm("\u6570\u636e", "\u6570\u636e \ud83d\ude00", 0.125)),
                    List.of("cs.\u00c9"),
                    List.of())));
    Path f = tmp.resolve("edges.tsv");
    StageFiles.writeLinks(f, links);
    Link back = StageFiles.readLinks(tmp, f).get(0);
    assertEquals("id:caf\u00e9", back.a());
    assertEquals("id:\u6570\u636e", back.b());
    assertEquals("\u6570\u636e \ud83d\ude00", back.explanation().sharedTerms().get(0).display());
    assertEquals(List.of("cs.\u00c9"), back.explanation().sharedTopics());
    assertTrue(
        new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8)
            .contains("\u6570\u636e \ud83d\ude00"));
  }

  @Test
  void catalogRoundTripsWithCommunitiesYearsAndCitations() throws Exception {
    var p1 =
        Paper.builder()
            .title("A title\twith a tab")
            .ids(ExternalIds.of("10.1/x", "2101.00001", null, null, null))
            .date(PartialDate.ofYear(2021))
            .build();
    // cites p1 by its arXiv id, and a paper outside the corpus
    var p2 =
        Paper.builder()
            .title("Plain")
            .references(List.of("arxiv:2101.00001", "doi:10.9999/elsewhere"))
            .build();
    Path f = tmp.resolve("catalog.tsv");
    StageFiles.writeCatalog(f, PaperRef.catalog(List.of(p1, p2), Map.of(p1.id(), 3)));
    StageFiles.CatalogRows back = StageFiles.readCatalog(tmp, f);
    assertTrue(back.complete());
    assertEquals(
        List.of(
            new PaperRef(p1.id(), "A title\twith a tab", p1.ids(), 3, 2021, List.of()),
            new PaperRef(p2.id(), "Plain", p2.ids(), -1, null, List.of(p1.id()))),
        back.refs());
  }

  @Test
  void catalogWithoutYearsAndCitationsReadsAsIncomplete() throws Exception {
    Path f =
        Files.writeString(
            tmp.resolve("catalog.tsv"),
            "id\tcommunity\tdoi\tarxiv\topenalex\ts2\tpmid\ttitle\n"
                + "doi:10.1234/x\t3\t10.1234/x\t\t\t\t\tA title\n");
    StageFiles.CatalogRows back = StageFiles.readCatalog(tmp, f);
    assertFalse(back.complete());
    PaperRef r = back.refs().get(0);
    assertEquals("doi:10.1234/x", r.id());
    assertEquals("A title", r.title());
    assertEquals("10.1234/x", r.ids().doi());
    assertEquals(3, r.community());
    assertNull(r.year());
    assertEquals(List.of(), r.cites());
  }

  @Test
  void damagedColumnFileNamesFileAndLine() throws Exception {
    Path f = Files.writeString(tmp.resolve("centralities.tsv"), "id\tpagerank\na\t0.5\nb\tlots\n");
    var e = assertThrows(WorkspaceException.class, () -> StageFiles.readCentralities(tmp, f));
    assertTrue(
        e.getMessage()
            .startsWith("damaged workspace: centralities.tsv (line 3 is not a row of numbers"),
        e.getMessage());
  }

  private static Map<String, Double> ordered(String k1, double v1, String k2, double v2) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
