package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 75,000-paper analysis (5 random links each, 50 communities) laid out and written in every
 * format; opt-in because it takes a minute: {@code -Dpapergraph.bigExport=true}. Prints times and
 * sizes.
 */
class BigExportTest {

  @TempDir Path dir;

  @Test
  void layoutAndEveryFormatAtSeventyFiveThousandPapers() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("papergraph.bigExport"), "set -Dpapergraph.bigExport=true to run");
    int n = 75_000;
    Random r = new Random(5);
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      papers.add(
          Paper.builder()
              .id(String.format("arxiv:25%02d.%05d", i / 99_999 + 1, i % 99_999))
              .title("Paper number " + i + " on topic " + (i % 50))
              .abstractText("An abstract of paper " + i + ".")
              .build());
    }
    Map<String, Link> links = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 5; k++) {
        int j = r.nextInt(n);
        if (j == i) continue;
        double s = Math.round(r.nextDouble() * 1e4) / 1e4 + 0.01;
        Link l =
            Link.of(
                papers.get(i).id(),
                papers.get(j).id(),
                new EdgeExplanation(
                    s,
                    s,
                    0,
                    0,
                    0,
                    0,
                    List.of(new SharedTerm("topic", "topic", s)),
                    List.of(),
                    List.of()));
        links.putIfAbsent(l.a() + " " + l.b(), l);
      }
    }
    PaperGraph graph = PaperGraph.of(papers, links.values());
    Map<String, Integer> membership = new LinkedHashMap<>();
    List<List<String>> members = new ArrayList<>();
    for (int c = 0; c < 50; c++) members.add(new ArrayList<>());
    for (int i = 0; i < n; i++) {
      membership.put(papers.get(i).id(), i % 50);
      members.get(i % 50).add(papers.get(i).id());
    }
    List<Community> communities = new ArrayList<>();
    for (int c = 0; c < 50; c++)
      communities.add(new Community(c, members.get(c), List.of("topic " + c), List.of()));
    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    Map<String, Double> degree = new LinkedHashMap<>();
    for (Paper p : papers) degree.put(p.id(), (double) graph.similarity().degreeOf(p.id()));
    scores.put(Measure.DEGREE, degree);
    long t0 = System.nanoTime();
    Layout layout = Layouts.compute(graph, membership, 1);
    long t1 = System.nanoTime();
    System.out.printf(
        "layout: %d papers, %d edges: %d ms%n",
        n, graph.similarity().edgeSet().size(), (t1 - t0) / 1_000_000);
    AnalysedGraph a =
        new AnalysedGraph(
            graph,
            new Communities(membership, communities, 0, "none", 1, 1),
            new Centralities(scores),
            layout,
            new RunManifest(
                "papergraph", "2026-11-23T00:00:00Z", List.of(), Map.of(), Map.of(), Map.of()));
    for (ExportFormat f : ExportFormat.values()) {
      long s = System.nanoTime();
      List<Path> files =
          Exports.write(
              a, f, dir.resolve("big" + f.ordinal() + f.extension()), WriteOptions.defaults());
      long ms = (System.nanoTime() - s) / 1_000_000;
      long bytes = 0;
      for (Path p : files) bytes += Files.size(p);
      System.out.printf("%s: %d ms, %.1f MB%n", f.key(), ms, bytes / 1e6);
    }
    assertEquals(n, layout.positions().size());
  }
}
