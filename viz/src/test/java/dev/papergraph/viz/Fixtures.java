package dev.papergraph.viz;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.write.AnalysedGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** AnalysedGraphs for the viewer tests, built by hand and from the bundled seed corpus. */
final class Fixtures {

  private static PipelineFixture.Result seed;

  private Fixtures() {}

  /**
   * Seven papers: a - b - c in community 0 (weights 0.9, 0.5), d - e - g in community 1 (0.8, 0.3),
   * the bridge c - d (0.2), f alone in community 2; plus a - c (0.4). PageRank is made up so that b
   * is the most central, degree makes c the most central.
   */
  static AnalysedGraph tiny() {
    List<Paper> papers =
        List.of(
            paper("a", "Grokking at the Edge of Stability"),
            Paper.builder()
                .id("b")
                .title("Post-Training Quantization for Large Models")
                // as some sources give it: escaped HTML, TeX math and a LaTeX command
                .abstractText("&lt;b&gt;We&lt;/b&gt; quantize $x^2$ \\emph{models} after training.")
                .authors(List.of("Ada Lovelace", "Alan Turing"))
                .organisation("Analytical Engines")
                .date(PartialDate.of(2024, 4, 29))
                .upvotes(42)
                .build(),
            paper("c", "Calibration Sets for post training quantization"),
            paper("d", "Diffusion Models Beat GANs"),
            paper("e", "Efficient Diffusion Sampling"),
            paper("f", "A Lonely Paper on Topology"),
            paper("g", "Guided Diffusion"));
    List<Link> links =
        List.of(
            link("a", "b", 0.9, "grokk"),
            link("b", "c", 0.5, "quantiz"),
            link("a", "c", 0.4, "train"),
            link("c", "d", 0.2, "model"),
            link("d", "e", 0.8, "diffus"),
            link("e", "g", 0.3, "sampl"));
    PaperGraph graph = PaperGraph.of(papers, links);
    Map<String, Integer> membership = new LinkedHashMap<>();
    for (String id : List.of("a", "b", "c")) membership.put(id, 0);
    for (String id : List.of("d", "e", "g")) membership.put(id, 1);
    membership.put("f", 2);
    Communities communities =
        new Communities(
            membership,
            List.of(
                new Community(
                    0,
                    List.of("a", "b", "c"),
                    List.of("quantization", "grokking", "calibration"),
                    List.of("b")),
                new Community(
                    1,
                    List.of("d", "e", "g"),
                    List.of("diffusion", "sampling", "guidance"),
                    List.of("e")),
                new Community(2, List.of("f"), List.of(), List.of("f"))),
            0.31,
            "modularity",
            1.0,
            42);
    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    scores.put(
        Measure.PAGERANK,
        ordered("a", 0.15, "b", 0.30, "c", 0.20, "d", 0.12, "e", 0.11, "f", 0.02, "g", 0.10));
    scores.put(
        Measure.DEGREE,
        ordered("a", 2.0, "b", 2.0, "c", 3.0, "d", 2.0, "e", 2.0, "f", 0.0, "g", 1.0));
    Map<String, Layout.Point> pos = new LinkedHashMap<>();
    pos.put("a", new Layout.Point(0, 0));
    pos.put("b", new Layout.Point(1, 1));
    pos.put("c", new Layout.Point(2, 0));
    pos.put("d", new Layout.Point(4, 0));
    pos.put("e", new Layout.Point(5, 1));
    pos.put("f", new Layout.Point(3, 3));
    pos.put("g", new Layout.Point(6, 0));
    RunManifest manifest =
        new RunManifest("test", "1970-01-01T00:00:00Z", List.of(), Map.of(), Map.of(), Map.of());
    return new AnalysedGraph(
        graph, communities, new Centralities(scores), new Layout(pos), manifest);
  }

  /**
   * {@code k} communities of two linked papers each (ids {@code c<i>a}, {@code c<i>b}), then one
   * community the analysis marked small (an isolated paper, {@code lone}).
   */
  static AnalysedGraph pairs(int k) {
    List<Paper> papers = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    Map<String, Integer> membership = new LinkedHashMap<>();
    List<Community> communities = new ArrayList<>();
    Map<String, Layout.Point> pos = new LinkedHashMap<>();
    Map<String, Double> pagerank = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      String a = "c" + i + "a";
      String b = "c" + i + "b";
      papers.add(paper(a, "Paper " + a));
      papers.add(paper(b, "Paper " + b));
      links.add(link(a, b, 0.5, "term" + i));
      membership.put(a, i);
      membership.put(b, i);
      communities.add(new Community(i, List.of(a, b), List.of("topic" + i), List.of(a)));
      pos.put(a, new Layout.Point(i, 0));
      pos.put(b, new Layout.Point(i, 1));
      pagerank.put(a, 0.01);
      pagerank.put(b, 0.01);
    }
    papers.add(paper("lone", "A lone paper"));
    membership.put("lone", k);
    communities.add(new Community(k, List.of("lone"), List.of(), List.of("lone"), true));
    pos.put("lone", new Layout.Point(k, 2));
    pagerank.put("lone", 0.001);
    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.PAGERANK, pagerank);
    RunManifest manifest =
        new RunManifest("test", "1970-01-01T00:00:00Z", List.of(), Map.of(), Map.of(), Map.of());
    return new AnalysedGraph(
        PaperGraph.of(papers, links),
        new Communities(membership, communities, 0.5, "modularity", 1.0, 42),
        new Centralities(scores),
        new Layout(pos),
        manifest);
  }

  /** The pipeline's analysis of the bundled seed corpus (computed once). */
  static AnalysedGraph seed() {
    return seedRun().analysis();
  }

  /**
   * The pipeline's analysis of the bundled seed corpus with its free-text search (computed once).
   */
  static synchronized PipelineFixture.Result seedRun() {
    if (seed == null) {
      try {
        var corpus =
            Readers.standard()
                .load(
                    Readers.bundled(Fixtures.class.getClassLoader(), "papergraph/seed/hf-papers"),
                    null);
        seed = PipelineFixture.run(corpus.papers());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seed;
  }

  private static Paper paper(String id, String title) {
    return Paper.builder().id(id).title(title).build();
  }

  private static Link link(String a, String b, double w, String term) {
    return Link.of(
        a,
        b,
        new EdgeExplanation(
            w, w, 0, 0, 0, 0, List.of(new SharedTerm(term, term, w)), List.of(), List.of()));
  }

  private static Map<String, Double> ordered(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }

  // communities of papers on a ring of blobs, each paper linked to its next two in the blob
  static Scene synthetic(int n, int communities) {
    Random random = new Random(7);
    List<Scene.Node> nodes = new ArrayList<>();
    List<Scene.Edge> edges = new ArrayList<>();
    List<Scene.LegendEntry> legend = new ArrayList<>();
    for (int c = 0; c < communities; c++) {
      legend.add(
          new Scene.LegendEntry(
              c, Palette.community(c), "topic " + c + " / words", n / communities));
    }
    for (int i = 0; i < n; i++) {
      int c = i % communities;
      double angle = 2 * Math.PI * c / communities;
      nodes.add(
          new Scene.Node(
              "p" + i,
              10 * Math.cos(angle) + random.nextGaussian() * 3,
              10 * Math.sin(angle) + random.nextGaussian() * 3,
              c,
              Palette.community(c),
              random.nextDouble(),
              Scene.State.NORMAL,
              i < 40 ? Optional.of("A paper title number " + i) : Optional.empty()));
      if (i >= 2 * communities) {
        for (int back = 1; back <= 2; back++) {
          edges.add(
              new Scene.Edge(
                  "p" + (i - back * communities),
                  "p" + i,
                  0.5,
                  random.nextDouble(),
                  Palette.edge(0.5),
                  false));
        }
      }
    }
    return new Scene(nodes, edges, legend, List.of(), -20, -20, 20, 20);
  }
}
