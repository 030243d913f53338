package dev.papergraph.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.text.TextCleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jgrapht.Graph;

/**
 * An analysis flattened into what every writer exports, computed once: papers in corpus order,
 * edges sorted by (first, second) id, the node, edge and graph attributes with their types, and the
 * visual variables (colour by community, size by a centrality, position from the layout).
 *
 * <p>Titles and abstracts are exported as users read them ({@link TextCleaner#readable}: entities
 * decoded, markup, LaTeX and URLs removed), whatever the format; the workspace keeps the source's
 * text. Every writer takes them from {@link #title} and {@link #abstractText}.
 *
 * <p>Node attributes, in order: {@code label} (readable title), {@code x}, {@code y}, {@code size},
 * {@code r}, {@code g}, {@code b} (0-255), {@code community}, {@code community_label}, each
 * computed centrality other than degree by its {@link Measure#key()}, {@code degree}, then, when
 * any paper has them: {@code year}, {@code date} (ISO, possibly partial), {@code upvotes}, {@code
 * cited_by}, {@code authors} ("; "-joined), {@code author_count}, {@code organisation}, {@code
 * venue}, {@code doi}, {@code arxiv}, {@code openalex}, {@code s2}, {@code pmid}, {@code topics}
 * ("; "-joined), {@code abstract} (readable). Edge attributes: {@code weight} (combined score),
 * {@code text}, {@code topic}, {@code direct}, {@code coupling}, {@code cocitation}, {@code
 * shared_terms} ("; "-joined top terms), and when any edge has them {@code shared_topics}, {@code
 * shared_references}.
 *
 * <p>Scope: an export of a part of the map ({@link AnalysedGraphs#restrict}, e.g. an ego graph)
 * names each measure by the graph it was computed on: the centralities come from the whole graph
 * and are called {@code pagerank_global}, {@code betweenness_global}, ... ({@code degree_global}
 * when the analysis computed degree), while {@code degree_ego} is the degree within the exported
 * papers. Graph-level data ({@link #graphData()}) always describes the file's own graph: its
 * papers, edges and communities present, with {@code scope} saying "whole graph" or "subset", and
 * the community detection's modularity and quality of the whole graph named {@code
 * modularity_global}, {@code quality_global} in a subset.
 */
public final class ExportModel {

  /** Separator of list values flattened into one string attribute. */
  public static final String LIST_SEPARATOR = "; ";

  private final AnalysedGraph analysis;
  private final WriteOptions options;
  private final List<String> ids;
  private final List<SimilarityEdge> edges;
  private final Map<String, Integer> index = new HashMap<>();
  private final String[] titles;
  private final String[] abstracts;
  private final int[] rgb;
  private final double[] size;
  private final List<Column<String>> nodeColumns;
  private final List<Column<SimilarityEdge>> edgeColumns;
  private final Map<String, Object> graphData;
  private final boolean subset;

  /** Flattens an analysis for export. */
  public ExportModel(AnalysedGraph analysis, WriteOptions options) {
    this.analysis = analysis;
    this.options = options;
    this.subset = AnalysedGraphs.isSubset(analysis);
    this.ids = List.copyOf(analysis.graph().papers().keySet());
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    Graph<String, SimilarityEdge> g = analysis.graph().similarity();
    this.edges =
        g.edgeSet().stream()
            .sorted(
                Comparator.comparing(SimilarityEdge::first).thenComparing(SimilarityEdge::second))
            .toList();
    this.titles = new String[ids.size()];
    this.abstracts = new String[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      Paper p = paper(ids.get(i));
      titles[i] = TextCleaner.readable(p.title());
      abstracts[i] = TextCleaner.readable(p.abstractText());
    }
    this.rgb = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      // by community id only, so that a subset (ego graph) keeps the colours of the full map
      rgb[i] = Palette.colour(communityOf(ids.get(i)).map(Community::id).orElse(-1));
    }
    this.size = sizes();
    this.nodeColumns = buildNodeColumns();
    this.edgeColumns = buildEdgeColumns();
    this.graphData = buildGraphData();
  }

  /** Whether the export is a part of the map (an ego graph, a community), see the class comment. */
  public boolean isSubset() {
    return subset;
  }

  /** The attribute name of a whole-graph measure: its key, with {@code _global} in a subset. */
  public String measureName(Measure m) {
    return subset ? m.key() + "_global" : m.key();
  }

  /**
   * The attribute name of the degree within the exported graph: {@code degree}, or {@code
   * degree_ego}.
   */
  public String degreeName() {
    return subset ? "degree_ego" : "degree";
  }

  /** The analysis exported. */
  public AnalysedGraph analysis() {
    return analysis;
  }

  /** The paper ids, in corpus order. */
  public List<String> ids() {
    return ids;
  }

  /** The 0-based position of a paper id in {@link #ids()}. */
  public int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("not a paper of this export: " + id);
    }
    return i;
  }

  /** The similarity edges, sorted by first then second id. */
  public List<SimilarityEdge> edges() {
    return edges;
  }

  /** The weight of an edge. */
  public double weight(SimilarityEdge e) {
    return analysis.graph().similarity().getEdgeWeight(e);
  }

  /** The node attributes (values by paper id). */
  public List<Column<String>> nodeColumns() {
    return nodeColumns;
  }

  /** The edge attributes. */
  public List<Column<SimilarityEdge>> edgeColumns() {
    return edgeColumns;
  }

  /** Graph-level data: tool, created, counts, community parameters, the manifest as JSON. */
  public Map<String, Object> graphData() {
    return graphData;
  }

  /** The type of a graph-level value. */
  public static AttrType typeOf(Object value) {
    if (value instanceof Integer) return AttrType.INT;
    if (value instanceof Long) return AttrType.LONG;
    if (value instanceof Double) return AttrType.DOUBLE;
    if (value instanceof Boolean) return AttrType.BOOLEAN;
    return AttrType.STRING;
  }

  /** The colour of a paper, {@code 0xRRGGBB}. */
  public int rgb(String id) {
    return rgb[indexOf(id)];
  }

  /** The size of a paper, 5 to 50 (square root of its normalised centrality). */
  public double size(String id) {
    return size[indexOf(id)];
  }

  /** The position of a paper. */
  public Layout.Point position(String id) {
    return analysis.layout().of(id);
  }

  /** The paper with this id. */
  public Paper paper(String id) {
    return analysis.graph().papers().get(id);
  }

  /** The title of a paper as users read it ({@link TextCleaner#readable}), not the source's. */
  public String title(String id) {
    return titles[indexOf(id)];
  }

  /**
   * The abstract of a paper as users read it ({@link TextCleaner#readable}), {@code null} when the
   * paper has none.
   */
  public String abstractText(String id) {
    return abstracts[indexOf(id)];
  }

  /** The community of a paper, if any. */
  public Optional<Community> communityOf(String id) {
    return analysis.communities().of(id);
  }

  /** The run manifest as one line of JSON (keys sorted). */
  public String manifestJson() {
    try {
      return MAPPER.writeValueAsString(analysis.manifest());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the run manifest cannot be written as JSON", e);
    }
  }

  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private double[] sizes() {
    double[] values = new double[ids.size()];
    Map<String, Double> scores = analysis.centralities().scores().get(options.sizeBy());
    for (int i = 0; i < ids.size(); i++) {
      values[i] =
          scores != null
              ? scores.getOrDefault(ids.get(i), 0.0)
              : analysis.graph().similarity().degreeOf(ids.get(i));
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] sizes = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double t = max > min ? (values[i] - min) / (max - min) : 0;
      sizes[i] = round(5 + 45 * Math.sqrt(t), 1e4);
    }
    return sizes;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }

  private List<Column<String>> buildNodeColumns() {
    List<Column<String>> c = new ArrayList<>();
    c.add(new Column<>("label", AttrType.STRING, this::title));
    c.add(new Column<>("x", AttrType.DOUBLE, id -> position(id).x()));
    c.add(new Column<>("y", AttrType.DOUBLE, id -> position(id).y()));
    c.add(new Column<>("size", AttrType.DOUBLE, this::size));
    c.add(new Column<>("r", AttrType.INT, id -> (rgb(id) >> 16) & 0xFF));
    c.add(new Column<>("g", AttrType.INT, id -> (rgb(id) >> 8) & 0xFF));
    c.add(new Column<>("b", AttrType.INT, id -> rgb(id) & 0xFF));
    c.add(
        new Column<>(
            "community", AttrType.INT, id -> communityOf(id).map(Community::id).orElse(null)));
    c.add(
        new Column<>(
            "community_label",
            AttrType.STRING,
            id -> communityOf(id).map(Community::label).orElse(null)));
    for (Measure m : Measure.values()) {
      Map<String, Double> scores = analysis.centralities().scores().get(m);
      if (scores != null && (m != Measure.DEGREE || subset)) {
        c.add(new Column<>(measureName(m), AttrType.DOUBLE, id -> scores.getOrDefault(id, 0.0)));
      }
    }
    c.add(
        new Column<>(degreeName(), AttrType.INT, id -> analysis.graph().similarity().degreeOf(id)));
    List<Column<String>> optional = new ArrayList<>();
    optional.add(new Column<>("year", AttrType.INT, id -> paper(id).year().orElse(null)));
    optional.add(
        new Column<>(
            "date",
            AttrType.STRING,
            id -> paper(id).dateIfKnown().map(Object::toString).orElse(null)));
    optional.add(new Column<>("upvotes", AttrType.INT, id -> paper(id).upvotes()));
    optional.add(new Column<>("cited_by", AttrType.INT, id -> paper(id).citedByCount()));
    optional.add(
        new Column<>(
            "authors", AttrType.STRING, id -> joined(paper(id).authors(), Function.identity())));
    optional.add(
        new Column<>(
            "author_count", AttrType.INT, id -> paper(id).knownAuthorCount().orElse(null)));
    optional.add(new Column<>("organisation", AttrType.STRING, id -> paper(id).organisation()));
    optional.add(new Column<>("venue", AttrType.STRING, id -> paper(id).venue()));
    optional.add(new Column<>("doi", AttrType.STRING, id -> paper(id).ids().doi()));
    optional.add(new Column<>("arxiv", AttrType.STRING, id -> paper(id).ids().arxiv()));
    optional.add(new Column<>("openalex", AttrType.STRING, id -> paper(id).ids().openalex()));
    optional.add(new Column<>("s2", AttrType.STRING, id -> paper(id).ids().s2()));
    optional.add(new Column<>("pmid", AttrType.STRING, id -> paper(id).ids().pmid()));
    optional.add(
        new Column<>("topics", AttrType.STRING, id -> joined(paper(id).topics(), Topic::term)));
    if (options.abstracts()) {
      optional.add(new Column<>("abstract", AttrType.STRING, this::abstractText));
    }
    for (Column<String> col : optional) {
      if (ids.stream().anyMatch(id -> col.of(id) != null)) {
        c.add(col);
      }
    }
    return List.copyOf(c);
  }

  private List<Column<SimilarityEdge>> buildEdgeColumns() {
    List<Column<SimilarityEdge>> c = new ArrayList<>();
    c.add(new Column<>("weight", AttrType.DOUBLE, this::weight));
    c.add(new Column<>("text", AttrType.DOUBLE, e -> e.explanation().text()));
    c.add(new Column<>("lexical", AttrType.DOUBLE, e -> e.explanation().lexical()));
    c.add(new Column<>("semantic", AttrType.DOUBLE, e -> e.explanation().semantic()));
    c.add(new Column<>("topic", AttrType.DOUBLE, e -> e.explanation().topic()));
    c.add(new Column<>("direct", AttrType.DOUBLE, e -> e.explanation().direct()));
    c.add(new Column<>("coupling", AttrType.DOUBLE, e -> e.explanation().coupling()));
    c.add(new Column<>("cocitation", AttrType.DOUBLE, e -> e.explanation().cocitation()));
    int k = options.sharedTerms();
    c.add(
        new Column<>(
            "shared_terms",
            AttrType.STRING,
            e -> {
              List<SharedTerm> terms = e.explanation().sharedTerms();
              String s = joined(terms.subList(0, Math.min(k, terms.size())), SharedTerm::display);
              return s == null ? "" : s;
            }));
    Column<SimilarityEdge> topics =
        new Column<>(
            "shared_topics",
            AttrType.STRING,
            e -> joined(e.explanation().sharedTopics(), Function.identity()));
    Column<SimilarityEdge> refs =
        new Column<>(
            "shared_references",
            AttrType.STRING,
            e -> joined(e.explanation().sharedReferences(), Function.identity()));
    for (Column<SimilarityEdge> col : List.of(topics, refs)) {
      if (edges.stream().anyMatch(e -> col.of(e) != null)) {
        c.add(col);
      }
    }
    return List.copyOf(c);
  }

  private Map<String, Object> buildGraphData() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("tool", analysis.manifest().tool());
    d.put("created", analysis.manifest().created());
    d.put("papers", ids.size());
    d.put("edges", edges.size());
    d.put("scope", subset ? "subset" : "whole graph");
    d.put(
        "communities",
        (int)
            analysis.communities().communities().stream()
                .filter(c -> c.members().stream().anyMatch(index::containsKey))
                .count());
    d.put(subset ? "modularity_global" : "modularity", analysis.communities().modularity());
    d.put(subset ? "quality_global" : "quality", analysis.communities().quality());
    d.put("resolution", analysis.communities().resolution());
    d.put("seed", analysis.communities().seed());
    d.put("manifest", manifestJson());
    d.values().removeIf(Objects::isNull);
    return Collections.unmodifiableMap(d);
  }

  private static <T> String joined(List<T> values, Function<T, String> text) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.stream().map(text).collect(Collectors.joining(LIST_SEPARATOR));
  }
}
