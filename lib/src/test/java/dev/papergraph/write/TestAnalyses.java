package dev.papergraph.write;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TermVectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;

/**
 * AnalysedGraphs for export tests, built without the similarity engine or the analysis stage: the
 * seed corpus plus three hand-made papers (awkward characters, dates of each precision, external
 * ids), linked by title-word Jaccard (top 5 per paper, at least 0.2), communities = connected
 * components, PageRank and betweenness from JGraphT, ForceAtlas2 layout.
 */
final class TestAnalyses {

  /**
   * The title of the paper full of characters that break naive writers. Exports carry its readable
   * form ({@link #TRICKY_TITLE_READABLE}), which keeps the quotes, {@code &}, {@code <}, {@code >}
   * and control characters for the writers to escape.
   */
  static final String TRICKY_TITLE =
      "Ünïcödé “quotes” \"double\" 'single' <b>bold</b> & ampersand p<0.05 数据 \u0001ctrl\u0007 quantization";

  /** {@link #TRICKY_TITLE} as users read it: only the {@code <b>} tags go. */
  static final String TRICKY_TITLE_READABLE =
      "Ünïcödé “quotes” \"double\" 'single' bold & ampersand p<0.05 数据 \u0001ctrl\u0007 quantization";

  static final String TRICKY_ABSTRACT =
      "Line one\nLine two\r\nLine three\rTabbed\there \"quoted\" <tag attr='1'> & </tag> 1 < 2 > 0 \u0000nul \uD83D\uDE00 emoji \u202Ebidi\u202C";

  /** {@link #TRICKY_ABSTRACT} as users read it: the tag goes, white space collapses. */
  static final String TRICKY_ABSTRACT_READABLE =
      "Line one Line two Line three Tabbed here \"quoted\" & 1 < 2 > 0 \u0000nul \uD83D\uDE00 emoji \u202Ebidi\u202C";

  /**
   * The venue of the tricky paper: a field exports carry as the source gave it, so line breaks,
   * tabs and tags reach every writer's escaping through it.
   */
  static final String TRICKY_VENUE =
      "Line one\nLine two\r\nLine three\rTabbed\there \"quoted\" <tag attr='1'> & </tag> \u0000nul \uD83D\uDE00 emoji";

  static final String TRICKY_ID = "doi:10.1234/tricky<&>";

  private static AnalysedGraph seed;
  private static AnalysedGraph pipeline;

  /**
   * The seed corpus through the real pipeline with default options: similarity engine, graph,
   * analysis stage (Leiden communities, centralities, labels), ForceAtlas2 layout (cached).
   */
  static synchronized AnalysedGraph pipeline() {
    if (pipeline == null) {
      List<Paper> papers = Seeds.corpus().papers();
      SimilarityEngine engine = SimilarityEngine.of(papers, EngineOptions.defaults());
      PaperGraph graph = PaperGraph.of(papers, engine.links());
      TermVectors v = engine.vectors();
      TermSource terms =
          new TermSource() {
            @Override
            public Map<String, Double> termCounts(String paperId) {
              return v.doc(paperId).isPresent()
                  ? v.termCounts(v.doc(paperId).getAsInt())
                  : Map.of();
            }

            @Override
            public Map<String, String> display(Collection<String> ts) {
              Map<String, String> out = new LinkedHashMap<>();
              for (String t : ts)
                out.put(t, v.termId(t).isPresent() ? v.display(v.termId(t).getAsInt()) : t);
              return out;
            }
          };
      AnalysisStage.Result r =
          new AnalysisStage(AnalysisStage.Options.defaults())
              .analyze(graph, engine.neighbourDocs(), terms);
      Layout layout = Layouts.compute(graph, r.communities().membership(), 42);
      RunManifest manifest =
          new RunManifest(
              "papergraph 0.1.0-SNAPSHOT",
              "2026-11-23T08:00:00Z",
              List.of(),
              Map.of(
                  "papers",
                  (long) papers.size(),
                  "edges",
                  (long) graph.similarity().edgeSet().size()),
              new TreeMap<>(r.parameters()),
              Map.of());
      pipeline = new AnalysedGraph(graph, r.communities(), r.centralities(), layout, manifest);
    }
    return pipeline;
  }

  private TestAnalyses() {}

  /** The seed corpus analysis (cached; 418 papers). */
  static synchronized AnalysedGraph seed() {
    if (seed == null) {
      List<Paper> papers = new ArrayList<>(Seeds.corpus().papers());
      papers.addAll(extraPapers());
      seed = analyse(papers, 42);
    }
    return seed;
  }

  static List<Paper> extraPapers() {
    Paper tricky =
        Paper.builder()
            .id(TRICKY_ID)
            .title(TRICKY_TITLE)
            .abstractText(TRICKY_ABSTRACT)
            .venue(TRICKY_VENUE)
            .ids(ExternalIds.of("10.1234/tricky<&>", "2401.00001", null, null, null))
            .date(PartialDate.of(2024, 3, 5))
            .upvotes(7)
            .authors(List.of("Zoë O'Brien", "李 雷", "A \"Quoted\" Name"))
            .addTopic(new Topic("cs.LG", 1, TopicSource.CATEGORY))
            .addTopic(new Topic("post-training quantization", 0.5, TopicSource.KEYWORD))
            .build();
    Paper yearOnly =
        Paper.builder()
            .id("arxiv:2101.00002")
            .title("Year only post-training quantization of language models")
            .ids(ExternalIds.of(null, "2101.00002", null, null, null))
            .date(PartialDate.ofYear(2021))
            .build();
    Paper yearMonth =
        Paper.builder()
            .id("openalex:W123")
            .title("Year and month grokking study of large language models")
            .ids(ExternalIds.of(null, null, "W123", null, null))
            .date(new PartialDate(2022, 7, null))
            .citedByCount(12)
            .build();
    return List.of(tricky, yearOnly, yearMonth);
  }

  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "with", "from", "are", "its", "into", "via", "using", "towards",
          "through", "of", "on", "in", "a", "an", "to", "is", "by", "at", "as", "or");

  static Set<String> words(String title) {
    Set<String> w = new TreeSet<>();
    for (String t : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (t.length() >= 3 && !STOP.contains(t)) {
        w.add(t);
      }
    }
    return w;
  }

  /** Links: for each paper its 5 most similar titles by word Jaccard, at least 0.2. */
  static List<Link> links(List<Paper> papers) {
    List<Set<String>> words = papers.stream().map(p -> words(p.title())).toList();
    Map<String, Link> links = new TreeMap<>();
    for (int i = 0; i < papers.size(); i++) {
      List<double[]> best = new ArrayList<>();
      for (int j = 0; j < papers.size(); j++) {
        if (i == j) continue;
        Set<String> inter = new TreeSet<>(words.get(i));
        inter.retainAll(words.get(j));
        if (inter.isEmpty()) continue;
        Set<String> union = new TreeSet<>(words.get(i));
        union.addAll(words.get(j));
        double jac = (double) inter.size() / union.size();
        if (jac >= 0.2) best.add(new double[] {jac, j});
      }
      best.sort(Comparator.<double[]>comparingDouble(d -> -d[0]).thenComparingDouble(d -> d[1]));
      for (double[] b : best.subList(0, Math.min(5, best.size()))) {
        int j = (int) b[1];
        Set<String> inter = new TreeSet<>(words.get(i));
        inter.retainAll(words.get(j));
        List<SharedTerm> terms = new ArrayList<>();
        for (String t : inter) {
          terms.add(new SharedTerm(t, t, b[0] / inter.size()));
        }
        double score = Math.round(b[0] * 1e6) / 1e6;
        EdgeExplanation ex =
            new EdgeExplanation(score, score, 0, 0, 0, 0, terms, List.of(), List.of());
        Link l = Link.of(papers.get(i).id(), papers.get(j).id(), ex);
        links.putIfAbsent(l.a() + "\u0000" + l.b(), l);
      }
    }
    return new ArrayList<>(links.values());
  }

  static AnalysedGraph analyse(List<Paper> papers, long seed) {
    PaperGraph graph = PaperGraph.of(papers, links(papers));
    Graph<String, SimilarityEdge> g = graph.similarity();
    List<Set<String>> components = new ArrayList<>(new ConnectivityInspector<>(g).connectedSets());
    components.sort(
        Comparator.<Set<String>>comparingInt(s -> -s.size())
            .thenComparing(s -> new TreeSet<>(s).first()));
    Map<String, Integer> membership = new LinkedHashMap<>();
    List<Community> communities = new ArrayList<>();
    Map<String, Double> pagerank = new PageRank<>(g).getScores();
    for (int c = 0; c < components.size(); c++) {
      List<String> members = new ArrayList<>(new TreeSet<>(components.get(c)));
      Map<String, Integer> counts = new TreeMap<>();
      for (String m : members) {
        membership.put(m, c);
        for (String w : words(graph.papers().get(m).title())) counts.merge(w, 1, Integer::sum);
      }
      List<String> label =
          counts.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(3)
              .map(Map.Entry::getKey)
              .toList();
      List<String> central =
          members.stream()
              .sorted(
                  Comparator.<String>comparingDouble(pagerank::get)
                      .reversed()
                      .thenComparing(s -> s))
              .limit(3)
              .toList();
      communities.add(new Community(c, members, label, central));
    }
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (String id : graph.papers().keySet()) ordered.put(id, membership.get(id));
    Communities comms = new Communities(ordered, communities, 0.5, "components", 1.0, seed);
    Map<Measure, Map<String, Double>> scores = new EnumMap<>(Measure.class);
    scores.put(Measure.PAGERANK, sorted(graph, pagerank));
    scores.put(
        Measure.BETWEENNESS, sorted(graph, new BetweennessCentrality<>(g, true).getScores()));
    Map<String, Double> degree = new LinkedHashMap<>();
    for (String id : graph.papers().keySet()) degree.put(id, (double) g.degreeOf(id));
    scores.put(Measure.DEGREE, degree);
    Layout layout = Layouts.compute(graph, ordered, seed);
    RunManifest manifest =
        new RunManifest(
            "papergraph 0.1.0-SNAPSHOT",
            "2026-11-23T08:00:00Z",
            List.of(new RunManifest.Input("seed/hf-papers", "hf", 1234, "ab".repeat(32))),
            Map.of("papers", (long) papers.size(), "edges", (long) g.edgeSet().size()),
            Map.of("similarity.k", 5, "layout.seed", seed, "note", "<test> & \"manifest\""),
            Map.of("jgrapht", "1.5.3"));
    return new AnalysedGraph(graph, comms, new Centralities(scores), layout, manifest);
  }

  private static Map<String, Double> sorted(PaperGraph graph, Map<String, Double> scores) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String id : graph.papers().keySet()) m.put(id, scores.get(id));
    return m;
  }
}
