package dev.papergraph.viz;

import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Titles;
import dev.papergraph.text.TextCleaner;
import dev.papergraph.workspace.PaperLookup;
import dev.papergraph.write.AnalysedGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgrapht.Graph;

/**
 * The state of the viewer, without any Swing: which papers are shown (community filter), which
 * edges are drawn (minimum weight, edge cap), which paper is selected and what the side panel says
 * about it, which papers are faded (neighbourhood focus), which measure sizes the papers, and what
 * the search box finds. {@link #scene()} turns the state into what to draw; the GraphStream view
 * and the pictures only draw scenes.
 *
 * <p>Not thread-safe: the viewer uses it on the Swing thread only. Listeners are told after every
 * change of state.
 *
 * <p>Cost: a state change is O(1); {@link #scene()} is O(n + m) over papers and edges (edges are
 * sorted by weight once, at construction, in O(m log m)); a focus adds a breadth-first search.
 */
public final class ViewerModel {

  /** Default maximum number of edges drawn; beyond it only the strongest are drawn. */
  public static final int EDGE_CAP_DEFAULT = 5000;

  /** Default number of most central papers labelled. */
  public static final int LABELS_DEFAULT = 12;

  /** Number of strongest neighbours the side panel lists. */
  public static final int NEIGHBOURS_SHOWN = 10;

  /** Largest number of hops a focus may have. */
  public static final int FOCUS_HOPS_MAX = 10;

  /** Longest label drawn next to a paper, in characters. */
  public static final int LABEL_CHARS = 48;

  private final AnalysedGraph analysis;
  private final int edgeCap;
  private final int labelCount;

  // papers in corpus order; index i is papers[i]
  private final Paper[] papers;
  private final Map<String, Integer> index = new HashMap<>();
  private final PaperLookup lookup;
  private final int[] community;
  private final String[] titleKeys;
  // the titles people see: TextCleaner.readable (entities decoded, markup and LaTeX removed)
  private final String[] titles;
  private final double[] xs;
  private final double[] ys;
  // edges, strongest first (ties by ids) so that the edge cap is a prefix
  private final int[] edgeA;
  private final int[] edgeB;
  private final double[] edgeW;
  private final SimilarityEdge[] edgeObj;
  // edge indices at every paper, strongest first
  private final int[][] incident;
  private final EnumMap<Measure, double[]> scores = new EnumMap<>(Measure.class);
  private double frameMinX;
  private double frameMinY;
  private double frameMaxX;
  private double frameMaxY;

  private int selected = -1;
  private int focusHops;
  private BitSet communityFilter; // null: every community shown
  private double minWeight;
  private Measure sizeMeasure;
  private FreeTextSearch freeText;
  private long centreRequests;
  private Scene scene;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** A model with the default edge cap and label count. */
  public ViewerModel(AnalysedGraph analysis) {
    this(analysis, EDGE_CAP_DEFAULT, LABELS_DEFAULT);
  }

  /**
   * A model over an analysis.
   *
   * @param edgeCap the most edges drawn (the selection's edges are drawn in addition)
   * @param labelCount how many of the most central shown papers get a label
   * @throws IllegalArgumentException if edgeCap is not positive or labelCount is negative
   */
  public ViewerModel(AnalysedGraph analysis, int edgeCap, int labelCount) {
    if (edgeCap < 1) {
      throw new IllegalArgumentException("edge cap must be positive: " + edgeCap);
    }
    if (labelCount < 0) {
      throw new IllegalArgumentException("label count cannot be negative: " + labelCount);
    }
    this.analysis = analysis;
    this.edgeCap = edgeCap;
    this.labelCount = labelCount;

    Collection<Paper> all = analysis.graph().papers().values();
    int n = all.size();
    papers = all.toArray(new Paper[0]);
    lookup = PaperLookup.of(all);
    community = new int[n];
    titleKeys = new String[n];
    titles = new String[n];
    xs = new double[n];
    ys = new double[n];
    Layout layout = analysis.layout();
    for (int i = 0; i < n; i++) {
      String id = papers[i].id();
      index.put(id, i);
      community[i] = analysis.communities().membership().getOrDefault(id, -1);
      titleKeys[i] = Titles.normalize(papers[i].title());
      titles[i] = TextCleaner.readable(papers[i].title());
      Layout.Point p = layout.of(id);
      xs[i] = p.x();
      ys[i] = p.y();
    }

    Graph<String, SimilarityEdge> g = analysis.graph().similarity();
    List<SimilarityEdge> edges = new ArrayList<>(g.edgeSet());
    edges.sort(
        Comparator.comparingDouble((SimilarityEdge e) -> -g.getEdgeWeight(e))
            .thenComparing(SimilarityEdge::first)
            .thenComparing(SimilarityEdge::second));
    int m = edges.size();
    edgeA = new int[m];
    edgeB = new int[m];
    edgeW = new double[m];
    edgeObj = edges.toArray(new SimilarityEdge[0]);
    int[] degree = new int[n];
    for (int e = 0; e < m; e++) {
      edgeA[e] = index.get(edgeObj[e].first());
      edgeB[e] = index.get(edgeObj[e].second());
      edgeW[e] = g.getEdgeWeight(edgeObj[e]);
      degree[edgeA[e]]++;
      degree[edgeB[e]]++;
    }
    frame(degree);
    incident = new int[n][];
    for (int i = 0; i < n; i++) {
      incident[i] = new int[degree[i]];
    }
    int[] fill = new int[n];
    for (int e = 0; e < m; e++) {
      incident[edgeA[e]][fill[edgeA[e]]++] = e;
      incident[edgeB[e]][fill[edgeB[e]]++] = e;
    }

    analysis
        .centralities()
        .scores()
        .forEach(
            (measure, byId) -> {
              if (!byId.isEmpty()) {
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                  s[i] = byId.getOrDefault(papers[i].id(), 0.0);
                }
                scores.put(measure, s);
              }
            });
    if (!scores.containsKey(Measure.DEGREE)) {
      // degree needs no analysis; it keeps sizing possible before centralities are computed
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = degree[i];
      }
      scores.put(Measure.DEGREE, s);
    }
    sizeMeasure =
        scores.containsKey(Measure.PAGERANK) ? Measure.PAGERANK : scores.keySet().iterator().next();
  }

  // ------------------------------------------------------------------ state changes

  /**
   * Selects a paper (a click, or a neighbour clicked in the side panel). A paper whose community is
   * filtered out is shown again by adding its community to the filter.
   *
   * @throws IllegalArgumentException if no paper has this id
   */
  public void select(String id) {
    int i = require(id);
    if (communityFilter != null && !isShownIndex(i)) {
      if (community[i] >= 0) {
        communityFilter.set(community[i]);
      } else {
        communityFilter = null;
      }
    }
    selected = i;
    changed();
  }

  /** Selects a paper and asks the view to centre on it ({@link #centreRequests()} grows). */
  public void selectAndCentre(String id) {
    select(id);
    centreRequests++;
    changed();
  }

  /** Clears the selection; a focus ends with it. */
  public void clearSelection() {
    selected = -1;
    focusHops = 0;
    changed();
  }

  /**
   * Focuses on the neighbourhood of the selected paper: papers more than {@code hops} hops away
   * (over the edges at or above the minimum weight among shown papers) are faded.
   *
   * @throws IllegalStateException if no paper is selected
   * @throws IllegalArgumentException if hops is not in 1..{@value #FOCUS_HOPS_MAX}
   */
  public void focus(int hops) {
    if (hops < 1 || hops > FOCUS_HOPS_MAX) {
      throw new IllegalArgumentException("focus hops must be 1.." + FOCUS_HOPS_MAX + ": " + hops);
    }
    if (selected < 0) {
      throw new IllegalStateException("select a paper before focusing on its neighbourhood");
    }
    focusHops = hops;
    changed();
  }

  /** Ends the focus: nothing is faded. */
  public void clearFocus() {
    focusHops = 0;
    changed();
  }

  /**
   * Shows only the papers of these communities (and their edges).
   *
   * @throws IllegalArgumentException if a community id does not exist
   */
  public void showCommunities(Collection<Integer> ids) {
    BitSet f = new BitSet();
    for (int c : ids) {
      if (c < 0 || c >= analysis.communities().communities().size()) {
        throw new IllegalArgumentException(
            "no community "
                + c
                + " (there are "
                + analysis.communities().communities().size()
                + ")");
      }
      f.set(c);
    }
    communityFilter = f;
    changed();
  }

  /** Shows every community again. */
  public void showAllCommunities() {
    communityFilter = null;
    changed();
  }

  /**
   * Draws only edges of at least this weight.
   *
   * @throws IllegalArgumentException if the weight is negative or not finite
   */
  public void setMinEdgeWeight(double weight) {
    if (!Double.isFinite(weight) || weight < 0) {
      throw new IllegalArgumentException(
          "minimum edge weight must be finite and non-negative: " + weight);
    }
    minWeight = weight;
    changed();
  }

  /**
   * Sizes papers by this measure.
   *
   * @throws IllegalArgumentException if the analysis has no scores for it (see {@link
   *     #sizeMeasures()})
   */
  public void setSizeMeasure(Measure measure) {
    if (!scores.containsKey(measure)) {
      throw new IllegalArgumentException(
          "no "
              + measure.key()
              + " scores in this analysis; available: "
              + sizeMeasures().stream().map(Measure::key).toList());
    }
    sizeMeasure = measure;
    changed();
  }

  /** Plugs in free-text search for queries that match no title (null to remove it). */
  public void setFreeTextSearch(FreeTextSearch search) {
    freeText = search;
  }

  /** Called after every change of state. */
  public void addChangeListener(Runnable listener) {
    listeners.add(listener);
  }

  // ------------------------------------------------------------------ search

  /**
   * Papers matching a query, best first: the paper it names as the command line's {@link
   * PaperLookup} finds it (papergraph id, DOI or arXiv id in any usual spelling, exact title); then
   * papers whose title contains the query as a fragment (case, accents and punctuation ignored;
   * exact titles first, then titles starting with it, then by the size measure); then, when
   * free-text search is plugged in and fewer than {@code limit} titles matched, its results.
   */
  public List<SearchHit> search(String query, int limit) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty() || limit < 1) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<SearchHit> hits = new ArrayList<>();
    // ids in any spelling (a bare DOI, an arXiv URL) and exact titles resolve as on the command
    // line
    if (lookup.find(q) instanceof PaperLookup.Found found) {
      Integer byId = index.get(found.paper().id());
      if (byId != null) {
        seen.add(found.paper().id());
        hits.add(new SearchHit(found.paper().id(), titles[byId], SearchHit.How.TITLE));
      }
    }
    String key = Titles.normalize(q);
    if (!key.isEmpty()) {
      double[] s = scores.get(sizeMeasure);
      List<Integer> matches = new ArrayList<>();
      for (int i = 0; i < papers.length; i++) {
        if (titleKeys[i].contains(key)) {
          matches.add(i);
        }
      }
      matches.sort(
          Comparator.comparingInt(
                  (Integer i) ->
                      titleKeys[i].equals(key) ? 0 : titleKeys[i].startsWith(key) ? 1 : 2)
              .thenComparingDouble(i -> -s[i])
              .thenComparing(i -> papers[i].id()));
      for (int i : matches) {
        if (hits.size() >= limit) {
          break;
        }
        if (seen.add(papers[i].id())) {
          hits.add(new SearchHit(papers[i].id(), titles[i], SearchHit.How.TITLE));
        }
      }
    }
    if (freeText != null && hits.size() < limit) {
      for (String id : freeText.search(q, limit)) {
        Integer i = index.get(id);
        if (hits.size() >= limit) {
          break;
        }
        if (i != null && seen.add(id)) {
          hits.add(new SearchHit(id, titles[i], SearchHit.How.TEXT));
        }
      }
    }
    return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
  }

  /**
   * The search box: selects and centres the best hit of a query.
   *
   * @return the hit selected, empty when nothing matched (the state is then unchanged)
   */
  public Optional<SearchHit> searchAndSelect(String query) {
    List<SearchHit> hits = search(query, 1);
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    selectAndCentre(hits.get(0).id());
    return Optional.of(hits.get(0));
  }

  // ------------------------------------------------------------------ queries

  /** The analysis shown. */
  public AnalysedGraph analysis() {
    return analysis;
  }

  /**
   * The title of a paper as people see it (entities decoded, markup and LaTeX removed).
   *
   * @throws IllegalArgumentException if the id is not a paper of the analysis
   */
  public String title(String id) {
    return titles[require(id)];
  }

  /** The selected paper's id. */
  public Optional<String> selected() {
    return selected < 0 ? Optional.empty() : Optional.of(papers[selected].id());
  }

  /** The number of hops of the focus, empty when there is no focus. */
  public Optional<Integer> focusHops() {
    return focusHops > 0 && selected >= 0 ? Optional.of(focusHops) : Optional.empty();
  }

  /** The communities shown, empty when all are shown. */
  public Optional<Set<Integer>> communityFilter() {
    if (communityFilter == null) {
      return Optional.empty();
    }
    Set<Integer> s = new TreeSet<>();
    communityFilter.stream().forEach(s::add);
    return Optional.of(s);
  }

  /** The minimum weight of a drawn edge. */
  public double minEdgeWeight() {
    return minWeight;
  }

  /** The largest edge weight in the graph (0 without edges), the top of a weight slider. */
  public double maxEdgeWeight() {
    return edgeW.length == 0 ? 0 : edgeW[0];
  }

  /** The measure that sizes papers. */
  public Measure sizeMeasure() {
    return sizeMeasure;
  }

  /** The measures papers can be sized by, in {@link Measure} order. */
  public List<Measure> sizeMeasures() {
    return List.copyOf(scores.keySet());
  }

  /** The edge cap. */
  public int edgeCap() {
    return edgeCap;
  }

  /** How many times the view was asked to centre on the selection (search, side-panel click). */
  public long centreRequests() {
    return centreRequests;
  }

  /** The position to centre on: the selected paper's. */
  public Optional<Layout.Point> centre() {
    return selected < 0
        ? Optional.empty()
        : Optional.of(new Layout.Point(xs[selected], ys[selected]));
  }

  /**
   * Where a paper is drawn: its layout position, on the frame's border when the layout put it far
   * outside (see {@link Scene#minX()}).
   *
   * @throws IllegalArgumentException if no paper has this id
   */
  public Layout.Point position(String id) {
    int i = require(id);
    return new Layout.Point(xs[i], ys[i]);
  }

  /** True when the paper passes the community filter. */
  public boolean isShown(String id) {
    return isShownIndex(require(id));
  }

  /** True when the paper is shown but outside the focus. */
  public boolean isFaded(String id) {
    int i = require(id);
    BitSet focus = focusSet();
    return focus != null && isShownIndex(i) && !focus.get(i);
  }

  /** The ids of the shown papers, in corpus order. */
  public List<String> shownPapers() {
    return scene().nodes().stream().map(Scene.Node::id).toList();
  }

  /** The side-panel content of the selected paper. */
  public Optional<PaperDetails> details() {
    return selected().map(this::details);
  }

  /**
   * The side-panel content of any paper.
   *
   * @throws IllegalArgumentException if no paper has this id
   */
  public PaperDetails details(String id) {
    int i = require(id);
    Paper p = papers[i];
    Map<Measure, Double> c = new EnumMap<>(Measure.class);
    analysis
        .centralities()
        .scores()
        .forEach(
            (measure, byId) -> {
              if (byId.containsKey(id)) {
                c.put(measure, byId.get(id));
              }
            });
    if (!c.containsKey(Measure.DEGREE)) {
      c.put(Measure.DEGREE, (double) incident[i].length);
    }
    List<PaperDetails.Neighbour> neighbours = new ArrayList<>();
    for (int k = 0; k < Math.min(NEIGHBOURS_SHOWN, incident[i].length); k++) {
      int e = incident[i][k];
      int other = edgeA[e] == i ? edgeB[e] : edgeA[e];
      neighbours.add(
          new PaperDetails.Neighbour(
              papers[other].id(), titles[other], edgeW[e], edgeObj[e].explanation().summary()));
    }
    int com = community[i];
    String label = com >= 0 ? analysis.communities().communities().get(com).label() : "";
    return new PaperDetails(
        id,
        titles[i],
        p.authors(),
        p.knownAuthorCount(),
        Optional.ofNullable(p.organisation()),
        p.dateIfKnown().map(d -> d.display()),
        Optional.ofNullable(p.upvotes()),
        p.abstractIfKnown().map(TextCleaner::readable),
        com,
        label,
        c,
        neighbours);
  }

  /** What to draw now (cached until the state changes). */
  public Scene scene() {
    if (scene == null) {
      scene = buildScene();
    }
    return scene;
  }

  // ------------------------------------------------------------------ internals

  // Force layouts push isolated papers far away, which would shrink the connected map to a dot: the
  // frame is the box of the connected papers (all papers when none is connected) plus a tenth on
  // every side, and papers outside it are drawn on its border.
  private void frame(int[] degree) {
    int n = papers.length;
    boolean anyConnected = Arrays.stream(degree).anyMatch(d -> d > 0);
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (!anyConnected || degree[i] > 0) {
        x0 = Math.min(x0, xs[i]);
        y0 = Math.min(y0, ys[i]);
        x1 = Math.max(x1, xs[i]);
        y1 = Math.max(y1, ys[i]);
      }
    }
    if (n == 0) {
      return;
    }
    double pad = 0.1 * Math.max(x1 - x0, y1 - y0);
    frameMinX = x0 - pad;
    frameMinY = y0 - pad;
    frameMaxX = x1 + pad;
    frameMaxY = y1 + pad;
    for (int i = 0; i < n; i++) {
      xs[i] = Math.max(frameMinX, Math.min(frameMaxX, xs[i]));
      ys[i] = Math.max(frameMinY, Math.min(frameMaxY, ys[i]));
    }
  }

  private Scene buildScene() {
    int n = papers.length;
    BitSet focus = focusSet();
    double[] s = scores.get(sizeMeasure);
    double max = 0;
    for (double v : s) {
      max = Math.max(max, v);
    }

    // labels: the selection and the most central shown, unfaded papers
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (isShownIndex(i) && (focus == null || focus.get(i))) {
        candidates.add(i);
      }
    }
    candidates.sort(
        Comparator.comparingDouble((Integer i) -> -s[i]).thenComparing(i -> papers[i].id()));
    BitSet labelled = new BitSet(n);
    candidates.stream().limit(labelCount).forEach(labelled::set);
    if (selected >= 0) {
      labelled.set(selected);
    }

    List<Scene.Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!isShownIndex(i)) {
        continue;
      }
      boolean faded = focus != null && !focus.get(i);
      Scene.State state =
          i == selected ? Scene.State.SELECTED : faded ? Scene.State.FADED : Scene.State.NORMAL;
      int rgb = state == Scene.State.FADED ? Palette.FADED : colour(community[i]);
      double size = max > 0 ? Math.sqrt(Math.max(0, s[i]) / max) : 0.3;
      Optional<String> label = labelled.get(i) ? Optional.of(shorten(titles[i])) : Optional.empty();
      nodes.add(
          new Scene.Node(papers[i].id(), xs[i], ys[i], community[i], rgb, size, state, label));
    }

    // edges: a prefix of the strongest-first order, plus the selection's own edges
    List<Integer> drawn = new ArrayList<>();
    int eligible = 0;
    for (int e = 0; e < edgeW.length; e++) {
      if (edgeW[e] >= minWeight && isShownIndex(edgeA[e]) && isShownIndex(edgeB[e])) {
        eligible++;
        if (drawn.size() < edgeCap || edgeA[e] == selected || edgeB[e] == selected) {
          drawn.add(e);
        }
      }
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int e : drawn) {
      lo = Math.min(lo, edgeW[e]);
      hi = Math.max(hi, edgeW[e]);
    }
    List<Scene.Edge> edges = new ArrayList<>(drawn.size());
    for (int e : drawn) {
      boolean faded = focus != null && !(focus.get(edgeA[e]) && focus.get(edgeB[e]));
      double shade = hi > lo ? (edgeW[e] - lo) / (hi - lo) : 1;
      edges.add(
          new Scene.Edge(
              papers[edgeA[e]].id(),
              papers[edgeB[e]].id(),
              edgeW[e],
              shade,
              faded ? Palette.FADED_EDGE : Palette.edge(shade),
              faded));
    }

    List<String> notices = new ArrayList<>();
    if (eligible > edgeCap) {
      notices.add(
          String.format(
              Locale.ROOT,
              "Showing the %,d strongest of %,d edges (edge cap); raise the minimum weight or filter a community to see more.",
              edgeCap,
              eligible));
    }
    return new Scene(nodes, edges, legend(), notices, frameMinX, frameMinY, frameMaxX, frameMaxY);
  }

  private List<Scene.LegendEntry> legend() {
    List<Scene.LegendEntry> entries = new ArrayList<>();
    int rest = 0;
    int restGroups = 0;
    for (Community c : analysis.communities().communities()) {
      if (hasOwnColour(c.id())) {
        entries.add(new Scene.LegendEntry(c.id(), Palette.community(c.id()), c.label(), c.size()));
      } else {
        rest += c.size();
        restGroups++;
      }
    }
    int without = (int) Arrays.stream(community).filter(c -> c < 0).count();
    rest += without;
    if (rest > 0) {
      String what =
          restGroups > 0
              ? String.format(
                  Locale.ROOT,
                  "isolated papers and tiny groups (%d below the minimum community size)",
                  restGroups)
              : "papers without a community";
      entries.add(new Scene.LegendEntry(-1, Palette.OTHER, what, rest));
    }
    return entries;
  }

  /**
   * True when a community is drawn in its own colour and listed in the legend on its own: every
   * community of normal size (as {@code papergraph communities} lists it), none of those the
   * analysis marked {@link Community#small()} (isolated papers and tiny groups it could not merge).
   */
  public boolean hasOwnColour(int communityId) {
    if (communityId < 0 || communityId >= analysis.communities().communities().size()) {
      return false;
    }
    Community c = analysis.communities().communities().get(communityId);
    return !c.small() && c.size() >= 2;
  }

  // the papers within focusHops of the selection, or null when nothing is faded
  private BitSet focusSet() {
    if (focusHops <= 0 || selected < 0) {
      return null;
    }
    BitSet seen = new BitSet(papers.length);
    seen.set(selected);
    ArrayDeque<Integer> frontier = new ArrayDeque<>();
    frontier.add(selected);
    for (int hop = 0; hop < focusHops && !frontier.isEmpty(); hop++) {
      ArrayDeque<Integer> next = new ArrayDeque<>();
      for (int u : frontier) {
        for (int e : incident[u]) {
          if (edgeW[e] < minWeight) {
            break; // incident edges are strongest first
          }
          int v = edgeA[e] == u ? edgeB[e] : edgeA[e];
          if (!seen.get(v) && isShownIndex(v)) {
            seen.set(v);
            next.add(v);
          }
        }
      }
      frontier = next;
    }
    return seen;
  }

  // isolated papers and tiny groups share the grey of the rest, so that every colour drawn is in
  // the legend
  private int colour(int communityId) {
    return hasOwnColour(communityId) ? Palette.community(communityId) : Palette.OTHER;
  }

  private boolean isShownIndex(int i) {
    return communityFilter == null || (community[i] >= 0 && communityFilter.get(community[i]));
  }

  private int require(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no paper with id " + id);
    }
    return i;
  }

  private void changed() {
    scene = null;
    for (Runnable l : listeners) {
      l.run();
    }
  }

  static String shorten(String title) {
    return title.length() <= LABEL_CHARS
        ? title
        : title.substring(0, LABEL_CHARS - 1).strip() + "\u2026";
  }
}
