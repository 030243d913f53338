package dev.papergraph.viz;

import dev.papergraph.analysis.Analysis;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.graphstream.graph.Graph;
import org.graphstream.graph.implementations.SingleGraph;
import org.graphstream.ui.graphicGraph.GraphPosLengthUtils;
import org.graphstream.ui.layout.springbox.implementations.SpringBox;
import org.jgrapht.alg.scoring.PageRank;

/**
 * A small, self-contained analysis of a list of papers, so that the viewer and {@code render} can
 * show something before the workspace (issue 6) stores the real one: TF-IDF cosine over title and
 * abstract words (top {@value #K} neighbours per paper, score at least {@value #MIN_SCORE}), Leiden
 * communities (CWTS networkanalysis, modularity, seed {@value #SEED}) labelled by their heaviest
 * terms, weighted PageRank, degree and strength, and a GraphStream SpringBox layout (seeded).
 *
 * <p>It is deliberately simple: the real engine, analysis and layout (issues 3, 4, 5) replace it;
 * the viewer itself only reads the {@link Analysis} contract. Cost: O(n * candidates) for the
 * similarity with an inverted index, O(m) per Leiden iteration, O(n log n) per layout step.
 */
public final class SketchAnalysis {

  /** Neighbours kept per paper. */
  public static final int K = 6;
  /** Smallest cosine kept as an edge. */
  public static final double MIN_SCORE = 0.12;
  /** Seed of Leiden and the layout. */
  public static final long SEED = 42;
  /** Layout steps at most. */
  public static final int LAYOUT_STEPS = 400;

  private static final Set<String> STOP = Set.of(
      "the", "and", "for", "with", "that", "this", "from", "are", "our", "which", "these", "their", "such",
      "into", "can", "has", "have", "been", "was", "were", "its", "not", "but", "also", "both", "more", "than",
      "while", "when", "where", "how", "what", "over", "via", "using", "use", "used", "based", "new", "show",
      "shows", "propose", "proposed", "approach", "method", "methods", "paper", "work", "results", "result",
      "model", "models", "existing", "however", "without", "across", "each", "through", "between", "only",
      "they", "them", "then", "there", "here", "well", "other", "able", "different", "large", "language",
      "data", "performance", "task", "tasks", "first", "significantly", "demonstrate", "achieve", "achieves",
      "further", "including", "introduce", "present", "novel", "state", "art", "code", "available", "github",
      "https", "com", "http", "www", "two", "one", "three", "may", "many", "most", "all", "any", "some",
      "will", "whether", "within", "under", "upon", "often", "even", "thus", "therefore", "study", "effective",
      "recent", "significant", "improve", "improves", "improved", "better", "framework");

  private SketchAnalysis() {}

  /**
   * Analyses papers.
   *
   * @param papers the papers, ids unique, in corpus order
   */
  public static Analysis of(List<Paper> papers) {
    int n = papers.size();
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    List<Map<String, Integer>> tfs = new ArrayList<>(n);
    for (Paper p : papers) {
      Map<String, Integer> tf = new TreeMap<>();
      for (String t : p.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
        String term = t.endsWith("s") && t.length() > 4 ? t.substring(0, t.length() - 1) : t;
        if (term.length() >= 3 && !STOP.contains(t) && !STOP.contains(term) && !term.chars().allMatch(Character::isDigit)) {
          tf.merge(term, 1, Integer::sum);
        }
      }
      tfs.add(tf);
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    Map<String, List<double[]>> postings = new HashMap<>(); // {paper, weight}
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = new TreeMap<>();
      double norm = 0;
      for (Map.Entry<String, Integer> e : tfs.get(i).entrySet()) {
        int d = df.get(e.getKey());
        if (d < 2) {
          continue; // a term of one paper links nothing
        }
        double w = (1 + Math.log(e.getValue())) * Math.log((double) n / d);
        if (w > 0) {
          v.put(e.getKey(), w);
          norm += w * w;
        }
      }
      double len = Math.sqrt(norm);
      v.replaceAll((t, w) -> w / len);
      vectors.add(v);
      final int fi = i;
      v.forEach((t, w) -> postings.computeIfAbsent(t, x -> new ArrayList<>()).add(new double[] {fi, w}));
    }

    // top-K cosine neighbours of every paper through the inverted index
    Map<String, Link> links = new TreeMap<>();
    double[] acc = new double[n];
    for (int i = 0; i < n; i++) {
      List<Integer> touched = new ArrayList<>();
      for (Map.Entry<String, Double> e : vectors.get(i).entrySet()) {
        for (double[] posting : postings.get(e.getKey())) {
          int j = (int) posting[0];
          if (j != i) {
            if (acc[j] == 0) {
              touched.add(j);
            }
            acc[j] += e.getValue() * posting[1];
          }
        }
      }
      final int fi = i;
      // the K best by a partial selection: K passes are cheaper than sorting every candidate
      List<Integer> best = new ArrayList<>();
      for (int r = 0; r < K; r++) {
        int top = -1;
        for (int j : touched) {
          if (!best.contains(j) && (top < 0 || acc[j] > acc[top]
              || (acc[j] == acc[top] && papers.get(j).id().compareTo(papers.get(top).id()) < 0))) {
            top = j;
          }
        }
        if (top >= 0) {
          best.add(top);
        }
      }
      for (int j : best) {
        if (acc[j] >= MIN_SCORE) {
          Link l = Link.of(papers.get(fi).id(), papers.get(j).id(), explain(vectors.get(fi), vectors.get(j), acc[j]));
          links.putIfAbsent(l.a() + "\t" + l.b(), l);
        }
      }
      for (int j : touched) {
        acc[j] = 0;
      }
    }
    PaperGraph graph = PaperGraph.of(papers, links.values());

    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(papers.get(i).id(), i);
    }
    Communities communities = communities(graph, papers, index, vectors);
    Centralities centralities = centralities(graph);
    Layout layout = layout(graph, communities.membership());
    RunManifest manifest = new RunManifest("papergraph viz sketch", java.time.Instant.EPOCH.toString(), List.of(),
        Map.of("papers", (long) n, "edges", (long) links.size(), "communities", (long) communities.communities().size()),
        Map.of("sketch.k", K, "sketch.minScore", MIN_SCORE, "sketch.seed", SEED), Map.of("graphstream", "2.0"));
    return new Analysis(graph, communities, centralities, layout, manifest);
  }

  private static EdgeExplanation explain(Map<String, Double> a, Map<String, Double> b, double score) {
    List<SharedTerm> shared = new ArrayList<>();
    a.forEach((t, w) -> {
      Double v = b.get(t);
      if (v != null) {
        shared.add(new SharedTerm(t, t, w * v));
      }
    });
    shared.sort(Comparator.comparingDouble((SharedTerm s) -> -s.contribution()).thenComparing(SharedTerm::term));
    double s = Math.min(1, score);
    return new EdgeExplanation(s, s, 0, 0, 0, 0, shared.subList(0, Math.min(5, shared.size())), List.of(), List.of());
  }

  private static Communities communities(PaperGraph graph, List<Paper> papers, Map<String, Integer> index,
      List<Map<String, Double>> vectors) {
    int n = papers.size();
    List<SimilarityEdge> edges = graph.similarity().edgeSet().stream()
        .sorted(Comparator.comparing(SimilarityEdge::first).thenComparing(SimilarityEdge::second)).toList();
    LargeIntArray from = new LargeIntArray(edges.size());
    LargeIntArray to = new LargeIntArray(edges.size());
    LargeDoubleArray w = new LargeDoubleArray(edges.size());
    for (int e = 0; e < edges.size(); e++) {
      from.set(e, index.get(edges.get(e).first()));
      to.set(e, index.get(edges.get(e).second()));
      w.set(e, edges.get(e).score());
    }
    Network network = new Network(n, true, new LargeIntArray[] {from, to}, w, false, true);
    double resolution = 1.0 / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
    LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, 10, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(SEED));
    Clustering clustering = new Clustering(n);
    if (edges.size() > 0) {
      leiden.improveClustering(network, clustering);
    }
    clustering.orderClustersByNNodes();
    int[] cluster = clustering.getClusters();
    int k = clustering.getNClusters();

    PageRank<String, SimilarityEdge> pr = new PageRank<>(graph.similarity());
    List<List<String>> members = new ArrayList<>();
    List<Map<String, Double>> weights = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      members.add(new ArrayList<>());
      weights.add(new HashMap<>());
    }
    Map<String, Double> total = new HashMap<>();
    Map<String, Integer> membership = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      members.get(cluster[i]).add(papers.get(i).id());
      membership.put(papers.get(i).id(), cluster[i]);
      int c = cluster[i];
      vectors.get(i).forEach((t, v) -> {
        weights.get(c).merge(t, v, Double::sum);
        total.merge(t, v, Double::sum);
      });
    }
    List<Community> list = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      Map<String, Double> wc = weights.get(c);
      // heavy in the community and concentrated there
      List<String> terms = wc.keySet().stream()
          .sorted(Comparator.comparingDouble((String t) -> -wc.get(t) * wc.get(t) / total.get(t)).thenComparing(t -> t))
          .limit(3).toList();
      List<String> ms = members.get(c).stream().sorted().toList();
      List<String> central = ms.stream()
          .sorted(Comparator.comparingDouble((String id) -> -pr.getVertexScore(id)).thenComparing(id -> id))
          .limit(3).toList();
      list.add(new Community(c, ms, members.get(c).size() > 1 ? terms : List.of(), central));
    }
    double modularity = edges.isEmpty() ? 0 : modularity(graph, membership);
    return new Communities(membership, list, modularity, "modularity", 1.0, SEED);
  }

  private static double modularity(PaperGraph graph, Map<String, Integer> membership) {
    var g = graph.similarity();
    double m2 = 0;
    Map<Integer, Double> degreeSum = new HashMap<>();
    double inside = 0;
    for (SimilarityEdge e : g.edgeSet()) {
      double w = g.getEdgeWeight(e);
      m2 += 2 * w;
      if (membership.get(e.first()).equals(membership.get(e.second()))) {
        inside += 2 * w;
      }
      degreeSum.merge(membership.get(e.first()), w, Double::sum);
      degreeSum.merge(membership.get(e.second()), w, Double::sum);
    }
    double q = inside / m2;
    for (double d : degreeSum.values()) {
      q -= (d / m2) * (d / m2);
    }
    return q;
  }

  private static Centralities centralities(PaperGraph graph) {
    var g = graph.similarity();
    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    Map<String, Double> pagerank = new LinkedHashMap<>();
    Map<String, Double> degree = new LinkedHashMap<>();
    Map<String, Double> strength = new LinkedHashMap<>();
    PageRank<String, SimilarityEdge> pr = new PageRank<>(g);
    for (String v : g.vertexSet()) {
      pagerank.put(v, pr.getVertexScore(v));
      degree.put(v, (double) g.degreeOf(v));
      strength.put(v, g.edgesOf(v).stream().mapToDouble(g::getEdgeWeight).sum());
    }
    scores.put(Measure.PAGERANK, pagerank);
    scores.put(Measure.DEGREE, degree);
    scores.put(Measure.STRENGTH, strength);
    return new Centralities(scores);
  }

  /**
   * A force-directed layout with GraphStream's SpringBox, computed headlessly and seeded, so the
   * same graph gives the same positions. Papers start near a point of their community on a circle
   * (communities as {@code membership} gives them), so that the springs refine a readable map
   * instead of untangling a random start.
   */
  public static Layout layout(PaperGraph graph, Map<String, Integer> membership) {
    Graph g = new SingleGraph("layout", false, true);
    SpringBox box = new SpringBox(false, new Random(SEED));
    g.addSink(box);
    box.addAttributeSink(g);
    for (String id : graph.similarity().vertexSet()) {
      g.addNode(id);
    }
    graph.links().forEach(l -> g.addEdge(l.a() + "\t" + l.b(), l.a(), l.b()));
    int k = 1 + membership.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Random random = new Random(SEED);
    for (String id : graph.similarity().vertexSet()) {
      int c = membership.getOrDefault(id, 0);
      double angle = 2 * Math.PI * c / Math.max(1, k) * 0.61803398875 * 7; // spread neighbours apart
      double radius = 1 + 0.5 * Math.sqrt(k);
      box.moveNode(id, radius * Math.cos(angle) + random.nextGaussian() * 0.2,
          radius * Math.sin(angle) + random.nextGaussian() * 0.2, 0);
    }
    box.setStabilizationLimit(0.95);
    for (int step = 0; step < LAYOUT_STEPS && box.getStabilization() < box.getStabilizationLimit(); step++) {
      box.compute();
    }
    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    for (String id : graph.similarity().vertexSet()) {
      double[] p = GraphPosLengthUtils.nodePosition(g, id);
      positions.put(id, new Layout.Point(p[0], p[1]));
    }
    return new Layout(positions);
  }
}
