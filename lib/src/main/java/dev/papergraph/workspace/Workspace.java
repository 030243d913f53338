package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Coverage;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Format;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.similarity.CitationIndex;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.PaperSimilarity;
import dev.papergraph.similarity.SemanticModelInfo;
import dev.papergraph.text.TermVectors;
import dev.papergraph.write.AnalysedGraph;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The on-disk workspace that ties the pipeline stages together, by default {@code ./.papergraph}:
 * the reader face of a saved workspace. {@link #open} loads one so that queries answer without
 * rebuilding; each part is read from disk the first time it is asked for, so a query pays only for
 * what it uses. {@link #build} and {@link #add} are the doors to {@code WorkspaceBuilder} (read the
 * inputs, run the {@link Pipeline}, save), which writes through {@code WorkspaceStore} (the folder
 * format: marker, checksums, ownership, lock, atomic swap, crash recovery).
 *
 * <p>Layout of the folder (every file written with {@link AtomicOutput}; a build writes a fresh
 * folder next to the old one and swaps it in, so a failed or killed build leaves the previous
 * workspace intact):
 *
 * <pre>
 * workspace.json      format id, layout version, papers, and size + CRC32C (+ rows) of every file
 * manifest.json       the run manifest: inputs with SHA-256, counts, parameters, versions
 * import-report.json  what happened to every input record
 * index/              the papers in a Lucene index ({@link PaperIndex}): every field, and the
 *                     analysed title and abstract for free-text search
 * catalog.tsv         id, community, external ids and title of every paper (for fast lookups)
 * edges.tsv           the similarity links, each with its explanation, by (first, second) id
 * communities.json    the labelled communities and the modularity
 * centralities.tsv    every measure of every paper, overall and within its community
 * layout.tsv          the position of every paper
 * engine-options.json the similarity engine's options, to explain pairs that are not linked
 * term-vectors.bin    every paper's term weights and counts ({@link TermVectorFile}), likewise;
 *                     a rebuild of the same texts with the same text options takes them
 * embeddings/         the papers' embeddings by text, with the semantic part ({@link EmbeddingStore})
 * </pre>
 */
public final class Workspace {

  /** The workspace folder used when none is named. */
  public static final String DEFAULT_DIR = ".papergraph";

  /** The value of {@code workspace.json}'s {@code format} field. */
  public static final String FORMAT_TAG = WorkspaceStore.FORMAT_TAG;

  /** The layout version written; {@link #open} reads this version. */
  public static final int VERSION = WorkspaceStore.VERSION;

  private static final String INDEX = WorkspaceStore.INDEX;

  private final Path dir;
  private final Lazy<WorkspaceStore> store;
  private final Lazy<RunManifest> manifest;
  private final Lazy<ImportReport> report;
  private final Lazy<List<Paper>> papers;
  private final Lazy<Map<String, Paper>> byId;
  private final Lazy<PaperLookup> lookup;
  private final Lazy<List<PaperRef>> catalog;
  private final Lazy<Map<String, PaperRef>> refs;
  private final Lazy<List<Link>> links;
  private final Lazy<PaperGraph> graph;
  private final Lazy<Communities> communities;
  private final Lazy<Centralities> centralities;
  private final Lazy<Layout> layout;
  private final Lazy<PaperSimilarity> engine;
  private final AtomicInteger textAnalyses = new AtomicInteger();

  /** Whether a build returned this saved workspace as it was (see {@link #upToDate}). */
  private volatile boolean upToDate;

  private final Lazy<EngineOptions> engineOptions;
  private final Lazy<Neighbourhoods> neighbourhoods;

  /** The similarity graph over catalog entries (no full papers, no citations), for queries. */
  private final Lazy<PaperGraph> similarityOnly;

  /** The links of a saved workspace as its links file holds them, or null for one just built. */
  private final Lazy<List<SimilarityEdge>> savedEdges;

  private Workspace(
      Path dir,
      Lazy<WorkspaceStore> store,
      Lazy<RunManifest> manifest,
      Lazy<ImportReport> report,
      Lazy<List<Paper>> papers,
      Lazy<List<PaperRef>> catalog,
      Lazy<List<Link>> links,
      Lazy<Communities> communities,
      Lazy<Centralities> centralities,
      Lazy<Layout> layout,
      Lazy<PaperSimilarity> engine,
      Lazy<EngineOptions> engineOptions,
      Lazy<List<SimilarityEdge>> savedEdges) {
    this.dir = dir;
    this.store = store;
    this.manifest = manifest;
    this.report = report;
    this.papers = papers;
    this.links = links;
    this.communities = communities;
    this.centralities = centralities;
    this.layout = layout;
    this.byId =
        new Lazy<>(
            () -> {
              Map<String, Paper> m = new LinkedHashMap<>();
              for (Paper p : this.papers.get()) {
                m.put(p.id(), p);
              }
              return Collections.unmodifiableMap(m);
            });
    this.catalog = catalog;
    this.refs =
        new Lazy<>(
            () -> {
              Map<String, PaperRef> m = new LinkedHashMap<>();
              for (PaperRef p : this.catalog.get()) {
                m.put(p.id(), p);
              }
              return Collections.unmodifiableMap(m);
            });
    this.lookup = new Lazy<>(() -> new PaperLookup(this.catalog.get()));
    this.graph = new Lazy<>(() -> PaperGraph.of(this.papers.get(), this.links.get()));
    this.engine = engine != null ? engine : new Lazy<>(this::savedSimilarity);
    this.engineOptions = engineOptions;
    this.savedEdges = savedEdges;
    this.similarityOnly =
        new Lazy<>(
            () -> {
              if (this.graph.isLoaded()) {
                return this.graph.get();
              }
              List<Paper> stubs = new ArrayList<>();
              for (PaperRef r : this.catalog.get()) {
                stubs.add(Paper.builder().id(r.id()).title(r.title()).ids(r.ids()).build());
              }
              // a saved workspace's edges explain themselves when asked (a query shows a few)
              return savedEdges == null || this.links.isLoaded()
                  ? PaperGraph.of(stubs, this.links.get())
                  : PaperGraph.ofEdges(stubs, savedEdges.get());
            });
    this.neighbourhoods = new Lazy<>(() -> new Neighbourhoods(this.similarityOnly.get()));
  }

  /**
   * Reads the inputs, runs every stage and saves the result as the workspace in {@code dir},
   * replacing the workspace there (if any) only once the new one is complete.
   *
   * <p>Nothing is replaced unless the build completes with at least one paper. The build runs under
   * the workspace's lock (a second build is refused) and first restores or deletes what killed
   * builds left beside the folder.
   *
   * @param dir the workspace folder; it must not exist, be empty, or hold a papergraph workspace
   *     (whose every file is papergraph's)
   * @param inputs the inputs, read in this order
   * @param options the format and stage parameters
   * @param progress receives the progress of each stage
   * @return the new workspace, with everything already in memory
   * @throws WorkspaceException if {@code dir} holds something other than a workspace, is read-only,
   *     or another build holds its lock
   * @throws NothingImportedException if the inputs give no paper
   * @throws dev.papergraph.read.CorpusFormatException if an input cannot be read at all
   * @throws IOException if reading or writing fails
   */
  public static Workspace build(
      Path dir, List<InputSource> inputs, BuildOptions options, Progress progress)
      throws IOException {
    return WorkspaceBuilder.build(dir, inputs, options, progress, false);
  }

  /**
   * {@link #build(Path, List, BuildOptions, Progress)}, or, when {@code keepIfUpToDate} and the
   * workspace in {@code dir} is already what it would write, that workspace as it is ({@link
   * #upToDate()} then says so). It is when a build by this same papergraph (the same jar, Lucene
   * and Java) made it with the same parameters (the stop words and thesaurus in full) from inputs
   * of the same names and bytes, in the same order, every file it records is in place, and its
   * semantic part did not fall back to lexical only. A build is deterministic, so building again
   * would write the same content but for the manifest's time and the index's segment ids. The
   * inputs are hashed first to find out (only when the rest matches), and then not again for the
   * manifest.
   *
   * @throws WorkspaceException as {@link #build(Path, List, BuildOptions, Progress)}
   * @throws NothingImportedException as {@link #build(Path, List, BuildOptions, Progress)}
   * @throws IOException as {@link #build(Path, List, BuildOptions, Progress)}
   */
  public static Workspace build(
      Path dir,
      List<InputSource> inputs,
      BuildOptions options,
      Progress progress,
      boolean keepIfUpToDate)
      throws IOException {
    return WorkspaceBuilder.build(dir, inputs, options, progress, keepIfUpToDate);
  }

  /**
   * Whether {@link #build(Path, List, BuildOptions, Progress, boolean)} returned this workspace as
   * it was saved, having found it up to date, instead of building it.
   */
  public boolean upToDate() {
    return upToDate;
  }

  /** Marks this saved workspace as found up to date by a build. */
  void markUpToDate() {
    upToDate = true;
  }

  /**
   * Adds the papers of more inputs to the workspace in {@code dir}, with the parameters it was
   * built with. The inputs it was built from are not read again: the new records merge into the
   * saved papers (as they would had all inputs been read together), only new and changed papers are
   * written to the Lucene index (a copy of the saved one, its files hard-linked where the file
   * system allows), and the import report and the manifest's inputs grow by the new files. The
   * similarity links, communities, centralities and layout are computed again over all papers: term
   * weights (IDF), every top-k list and the partition depend on the whole corpus, and exact lists
   * are the engine's promise. The result is the workspace a build of the old inputs followed by the
   * new ones gives. Like {@link #build}, the workspace is replaced only once complete.
   *
   * <p>Every saved file it reads is verified first: a damaged workspace is refused, never extended.
   * New inputs that give no record are refused too.
   *
   * @param format the format every new input is read as, or empty to detect each input's format
   * @return the updated workspace, with everything in memory
   * @throws WorkspaceException if {@code dir} holds no workspace or a damaged one
   * @throws NothingImportedException if the new inputs give no record
   */
  public static Workspace add(
      Path dir, List<InputSource> inputs, Optional<Format> format, Progress progress)
      throws IOException {
    return WorkspaceBuilder.add(dir, inputs, format, progress);
  }

  /** A workspace just built, everything in memory; its store is opened when first needed. */
  static Workspace built(
      Path target,
      RunManifest manifest,
      ImportReport report,
      List<Paper> papers,
      List<Link> links,
      Communities communities,
      Centralities centralities,
      Layout layout,
      PaperSimilarity engine,
      EngineOptions engineOptions,
      int textAnalyses) {
    List<PaperRef> catalog = PaperRef.catalog(papers, communities.membership());
    Workspace built =
        new Workspace(
            target,
            new Lazy<>(() -> WorkspaceStore.open(target)),
            Lazy.of(manifest),
            Lazy.of(report),
            Lazy.of(papers),
            Lazy.of(catalog),
            Lazy.of(links),
            Lazy.of(communities),
            Lazy.of(centralities),
            Lazy.of(layout),
            Lazy.of(engine),
            Lazy.of(engineOptions),
            null);
    built.textAnalyses.set(textAnalyses);
    return built;
  }

  /** The similarity engine's options the workspace was built with. */
  EngineOptions engineOptions() throws IOException {
    return engineOptions.get();
  }

  /** The folder of the saved papers' index, every file of it verified (to grow it). */
  Path verifiedIndex() throws IOException {
    return store.get().verifiedIndex();
  }

  /**
   * Opens a saved workspace. Only the marker file is read now; every part when first used, each
   * file checked against the size and checksum the marker records (the index files all at once,
   * when the papers are first needed). A workspace that a killed build left beside its folder is
   * restored first.
   *
   * @throws WorkspaceException if {@code dir} holds no workspace, one written by another papergraph
   *     layout version, or a damaged one (then naming the file and the damage)
   */
  public static Workspace open(Path dir) throws IOException {
    WorkspaceStore store = WorkspaceStore.open(dir);
    Path shown = store.shownDir();
    Lazy<RunManifest> manifest =
        new Lazy<>(() -> readJson(store, StageFile.MANIFEST, StageJson::manifest));
    Lazy<ImportReport> report =
        new Lazy<>(() -> readJson(store, StageFile.REPORT, ImportReport.class));
    Lazy<EngineOptions> engineOptions =
        new Lazy<>(() -> readJson(store, StageFile.ENGINE, EngineOptions.class));
    Lazy<List<Paper>> papers =
        new Lazy<>(
            () -> {
              try (PaperIndex index = openIndex(store, engineOptions.get())) {
                return index.papers();
              }
            });
    return new Workspace(
        store.dir(),
        Lazy.of(store),
        manifest,
        report,
        papers,
        new Lazy<>(
            () -> {
              StageFiles.CatalogRows rows =
                  StageFiles.readCatalog(
                      shown,
                      StageFile.CATALOG.fileName(),
                      store.open(StageFile.CATALOG),
                      store.rows(StageFile.CATALOG));
              if (rows.complete()) {
                return rows.refs();
              }
              // written before the catalog held years and citations: those come from the papers
              Map<String, Integer> membership = new HashMap<>();
              rows.refs().forEach(r -> membership.put(r.id(), r.community()));
              return PaperRef.catalog(papers.get(), membership);
            }),
        new Lazy<>(
            () ->
                StageFiles.readLinks(
                    shown,
                    StageFile.EDGES.fileName(),
                    store.open(StageFile.EDGES),
                    store.rows(StageFile.EDGES))),
        new Lazy<>(() -> readJson(store, StageFile.COMMUNITIES, StageJson::communities)),
        new Lazy<>(() -> readCentralities(store, EnumSet.allOf(Measure.class))),
        new Lazy<>(
            () ->
                StageFiles.readLayout(
                    shown,
                    StageFile.LAYOUT.fileName(),
                    store.open(StageFile.LAYOUT),
                    store.rows(StageFile.LAYOUT))),
        null,
        engineOptions,
        new Lazy<>(
            () ->
                StageFiles.readEdges(
                    shown,
                    StageFile.EDGES.fileName(),
                    store.open(StageFile.EDGES),
                    store.rows(StageFile.EDGES))));
  }

  /**
   * True when {@code dir} holds a papergraph workspace (its marker file, with papergraph's format
   * id).
   */
  public static boolean exists(Path dir) throws IOException {
    Path marker = dir.resolve(WorkspaceStore.MARKER);
    return Files.isRegularFile(marker) && WorkspaceStore.readMarker(marker).isPresent();
  }

  /** The workspace folder (absolute). */
  public Path dir() {
    return dir;
  }

  /** How the workspace was built. */
  public RunManifest manifest() throws IOException {
    return manifest.get();
  }

  /**
   * True when the build found the neighbours by the approximate top-k search ({@code --search
   * approximate}, or {@code auto} above its size), false when exact or not recorded.
   */
  public boolean approximateNeighbours() throws IOException {
    return "approximate".equals(manifest().parameters().get(SemanticStage.SEARCH_USED));
  }

  /**
   * What the semantic part of the links did in the run that returned this workspace: a build, or an
   * open (which reports the build that wrote it).
   *
   * @param state whether the links fused the semantic part, or why not
   * @param model the model's name when the part was on, else empty
   * @param embedded the papers whose text this run embedded: 0 when a build found the workspace up
   *     to date
   * @param reused the other papers, whose vectors came from the workspace's cache of embeddings (or
   *     from another paper of the same text)
   * @param reason why the model was unavailable, else empty
   */
  public record SemanticRun(
      SemanticState state, String model, long embedded, long reused, String reason) {}

  /** Whether the semantic part of the links ran. */
  public enum SemanticState {
    /** lexical and semantic scores fused */
    ON,
    /** lexical only, as asked ({@code --no-semantic} or a semantic weight of 0) */
    OFF,
    /** lexical only: the model could not load here */
    UNAVAILABLE,
    /** a workspace that does not record it */
    UNKNOWN
  }

  /** What the semantic part of the links did: see {@link SemanticRun}. */
  public SemanticRun semantic() throws IOException {
    RunManifest m = manifest();
    Object status = m.parameters().get(SemanticStage.STATUS);
    if ("off".equals(status)) {
      return new SemanticRun(SemanticState.OFF, "", 0, 0, "");
    }
    if (status instanceof String s && s.startsWith(SemanticStage.UNAVAILABLE)) {
      String reason = s.substring(SemanticStage.UNAVAILABLE.length());
      reason = reason.startsWith(": ") ? reason.substring(2) : reason;
      String tail = SemanticStage.UNAVAILABLE_TAIL;
      reason =
          reason.endsWith(tail) ? reason.substring(0, reason.length() - tail.length()) : reason;
      return new SemanticRun(SemanticState.UNAVAILABLE, "", 0, 0, reason);
    }
    if (!"on".equals(status)) {
      return new SemanticRun(SemanticState.UNKNOWN, "", 0, 0, "");
    }
    long papers = m.counts().getOrDefault("papers", 0L);
    long embedded =
        upToDate || !(m.parameters().get(SemanticStage.EMBEDDED) instanceof Number n)
            ? 0
            : Math.min(papers, n.longValue());
    String model = String.valueOf(m.parameters().getOrDefault(SemanticModelInfo.NAME_KEY, ""));
    return new SemanticRun(SemanticState.ON, model, embedded, papers - embedded, "");
  }

  /**
   * How much of the corpus each feature can use: saved by the build (computed from the papers for a
   * workspace written before it was saved).
   */
  public Coverage coverage() throws IOException {
    if (!store.isLoaded() || !store.get().has(StageFile.COVERAGE)) {
      List<Paper> all = papers();
      return Coverage.of(all, CitationIndex.of(all));
    }
    return readJson(store.get(), StageFile.COVERAGE, StageJson::coverage);
  }

  /** What happened to every input record. */
  public ImportReport importReport() throws IOException {
    return report.get();
  }

  /** The papers, in the order they were first read. */
  public List<Paper> papers() throws IOException {
    return papers.get();
  }

  /** The paper with this papergraph id. */
  public Optional<Paper> paper(String id) throws IOException {
    return Optional.ofNullable(byId.get().get(id));
  }

  /**
   * Every paper's id, title, external ids and community, in corpus order, without the full papers.
   */
  public List<PaperRef> catalog() throws IOException {
    return catalog.get();
  }

  /** The catalog entry of a paper. */
  public Optional<PaperRef> ref(String id) throws IOException {
    return Optional.ofNullable(refs.get().get(id));
  }

  /** The publication year of a paper, when known, from the catalog (no full paper is read). */
  public Optional<Integer> year(String id) throws IOException {
    return ref(id).map(PaperRef::year);
  }

  /**
   * Whether paper {@code a} cites paper {@code b} (a reference of {@code a} resolved to {@code b}),
   * from the catalog: the same answer as {@code graph().citations().containsEdge(a, b)} without
   * reading the full papers.
   */
  public boolean cites(String a, String b) throws IOException {
    return ref(a).map(r -> r.cites().contains(b)).orElse(false);
  }

  /**
   * The title of a paper of the workspace.
   *
   * @throws IllegalArgumentException if no paper has this id
   */
  public String title(String id) throws IOException {
    PaperRef p = refs.get().get(id);
    if (p == null) {
      throw new IllegalArgumentException("no paper with id " + id + " in the workspace");
    }
    return p.title();
  }

  /**
   * The papers nearest to free text (a few words or a whole abstract): BM25 over the index of
   * titles and abstracts, analysed as the similarity engine analyses them.
   *
   * @param n the most hits wanted, at least 1
   * @return the hits, best first
   */
  public List<PaperIndex.SearchHit> search(String text, int n) throws IOException {
    try (PaperIndex index = openIndex(store.get(), engineOptions.get())) {
      return index.search(text, n);
    }
  }

  /**
   * The analysed terms of every paper with their readable forms, the terms community labels are
   * made of. Read from the term vectors the build saved, once per workspace opened.
   */
  public TermSource terms() throws IOException {
    return TermSource.of(engine.get().vectors());
  }

  /**
   * The similarity model: of a workspace just built, the build's own, its top-k lists in memory (a
   * benchmark measures their recall); of an opened one, restored from the saved term vectors and
   * embeddings (it explains any pair; its lists would be searched again when asked for).
   */
  public PaperSimilarity similarity() throws IOException {
    return engine.get();
  }

  /** Finds papers by id, DOI, arXiv id or title fragment. */
  public PaperLookup lookup() throws IOException {
    return lookup.get();
  }

  /** The similarity links with their explanations, by (first, second) id. */
  public List<Link> links() throws IOException {
    return links.get();
  }

  /** The similarity (and citation) graph of the papers. */
  public PaperGraph graph() throws IOException {
    return graph.get();
  }

  /** The labelled communities. */
  public Communities communities() throws IOException {
    return communities.get();
  }

  /** The centralities of every paper, overall and within its community. */
  public Centralities centralities() throws IOException {
    return centralities.get();
  }

  /**
   * The centralities of one measure (overall and within communities; no other measure), for a
   * command that shows one: the file is read and verified whole, but the other measures' numbers
   * are not parsed. All of them when they are in memory already.
   */
  public Centralities centralities(Measure measure) throws IOException {
    return centralities.isLoaded()
        ? centralities.get()
        : readCentralities(store.get(), EnumSet.of(measure));
  }

  private static Centralities readCentralities(WorkspaceStore store, Set<Measure> wanted)
      throws IOException {
    return StageFiles.readCentralities(
        store.shownDir(),
        StageFile.CENTRALITIES.fileName(),
        store.open(StageFile.CENTRALITIES),
        store.rows(StageFile.CENTRALITIES),
        wanted);
  }

  /** The positions of the papers. */
  public Layout layout() throws IOException {
    return layout.get();
  }

  /** Everything the exports and the viewer need, as one value. */
  public AnalysedGraph analysis() throws IOException {
    return new AnalysedGraph(graph(), communities(), centralities(), layout(), manifest());
  }

  /**
   * Ego graphs and strongest paths over the similarity graph. Built from the catalog and the links
   * only, so it does not load the full papers (its graph's papers carry id, title and ids).
   */
  public Neighbourhoods neighbourhoods() throws IOException {
    return neighbourhoods.get();
  }

  /**
   * The ego graph of a paper ({@link Neighbourhoods#ego(String, int, int)}). A saved workspace
   * answers from its links grouped by paper, without building the similarity graph (which costs a
   * query more than the answer: every paper and link added to JGraphT); the same result.
   *
   * @throws IllegalArgumentException if no paper has this id, or depth or top is below 1
   */
  public Neighbourhoods.EgoGraph ego(String id, int depth, int top) throws IOException {
    if (!answersFromSavedLinks()) {
      return neighbourhoods().ego(id, depth, top);
    }
    if (!refs.get().containsKey(id)) {
      throw new IllegalArgumentException("no paper with id " + id + " in the graph");
    }
    // a saved workspace's links are its graph's edges: one per pair of papers
    Map<String, List<SimilarityEdge>> at = new HashMap<>();
    for (SimilarityEdge e : savedEdges.get()) {
      at.computeIfAbsent(e.first(), p -> new ArrayList<>()).add(e);
      at.computeIfAbsent(e.second(), p -> new ArrayList<>()).add(e);
    }
    return Neighbourhoods.ego(id, depth, top, p -> at.getOrDefault(p, List.of()));
  }

  /**
   * Whether a query about a few papers reads the saved links instead of the similarity graph: a
   * saved workspace whose graph and links are not in memory yet.
   */
  private boolean answersFromSavedLinks() {
    return savedEdges != null && !similarityOnly.isLoaded() && !links.isLoaded();
  }

  /** The explanation of the edge between two papers, when they are linked. */
  public Optional<EdgeExplanation> edge(String a, String b) throws IOException {
    SimilarityEdge e;
    if (!answersFromSavedLinks()) {
      e = similarityOnly.get().similarity().getEdge(a, b);
    } else {
      // one pair needs no graph (a saved workspace's graph costs more than reading its links): the
      // first link between the two, as the graph keeps it, each link's ends being in id order
      boolean ordered = a.compareTo(b) < 0;
      String first = ordered ? a : b;
      String second = ordered ? b : a;
      e = null;
      for (SimilarityEdge l : savedEdges.get()) {
        if (l.first().equals(first) && l.second().equals(second)) {
          e = l;
          break;
        }
      }
    }
    return e == null ? Optional.empty() : Optional.of(e.explanation());
  }

  /**
   * Why two papers are, or are not, linked: the saved explanation of their edge, or for a pair
   * without an edge the scores the engine gives them, computed from the term vectors (and
   * embeddings) the build saved: no text is analysed and no top-k list computed.
   *
   * @param linked whether the pair is an edge of the graph
   */
  public record PairExplanation(EdgeExplanation explanation, boolean linked) {}

  /**
   * Explains a pair of papers; see {@link PairExplanation}.
   *
   * @throws IllegalArgumentException if an id is not a paper of the workspace
   */
  public PairExplanation explain(String a, String b) throws IOException {
    if (ref(a).isEmpty() || ref(b).isEmpty()) {
      throw new IllegalArgumentException(
          "not a paper of the workspace: " + (ref(a).isEmpty() ? a : b));
    }
    Optional<EdgeExplanation> saved = edge(a, b);
    if (saved.isPresent()) {
      return new PairExplanation(saved.get(), true);
    }
    return new PairExplanation(engine.get().explain(a, b), false);
  }

  // ---- opening

  /**
   * The similarity of a saved workspace, which explains any pair: from its saved term vectors and
   * embeddings, or, for a workspace written before the vectors were saved, by analysing the text of
   * every paper again (counted by {@link #textAnalyses}).
   */
  private PaperSimilarity savedSimilarity() throws IOException {
    WorkspaceStore s = store.get();
    EngineOptions options = engineOptions.get();
    if (!s.has(StageFile.VECTORS)) {
      textAnalyses.incrementAndGet();
      return SemanticStage.run(papers(), options, dir, Progress.NONE).similarity();
    }
    TermVectors vectors;
    try (InputStream in = s.open(StageFile.VECTORS)) {
      vectors = TermVectorFile.read(in, s.bytes(StageFile.VECTORS), papers(), options.text());
    } catch (IllegalArgumentException e) {
      throw s.damaged(StageFile.VECTORS.fileName(), e.getMessage());
    }
    return SemanticStage.restore(vectors, options, dir);
  }

  /** Whether the full papers were read (from the index); queries that need none do not. */
  boolean papersLoaded() {
    return papers.isLoaded();
  }

  /** Whether the similarity graph of the queries was built; explaining a pair does not need it. */
  boolean similarityGraphLoaded() {
    return similarityOnly.isLoaded();
  }

  /**
   * How many times this workspace analysed the texts of all its papers (0 when it need not); for a
   * workspace a build returned, whether that build did (0 when it took the saved workspace's
   * analysis of the same texts).
   */
  int textAnalyses() {
    return textAnalyses.get();
  }

  private static <T> T readJson(WorkspaceStore store, StageFile file, Class<T> type)
      throws IOException {
    byte[] bytes = store.readAll(file);
    try {
      return WorkspaceStore.json().readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw WorkspaceStore.damaged(
          store.shownDir(), file.fileName(), "does not parse: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A stage file read the way {@code StageJson} reads it: {@code manifest}, {@code communities}.
   */
  private interface JsonReader<T> {
    T read(byte[] json) throws IOException;
  }

  private static <T> T readJson(WorkspaceStore store, StageFile file, JsonReader<T> reader)
      throws IOException {
    byte[] bytes = store.readAll(file);
    try {
      return reader.read(bytes);
    } catch (JsonProcessingException e) {
      throw WorkspaceStore.damaged(
          store.shownDir(), file.fileName(), "does not parse: " + e.getOriginalMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw WorkspaceStore.damaged(
          store.shownDir(), file.fileName(), "does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Opens the workspace's index for reading after checking every file of it against the marker, and
   * checks it holds as many papers as the marker says.
   */
  private static PaperIndex openIndex(WorkspaceStore store, EngineOptions options)
      throws IOException {
    Path folder = store.verifiedIndex();
    PaperIndex index;
    try {
      index = PaperIndex.openExisting(folder, options.text());
    } catch (IllegalArgumentException e) {
      throw WorkspaceStore.damaged(store.shownDir(), INDEX + "/", e.getMessage(), e);
    }
    if (index.size() != store.papers()) {
      long size = index.size();
      index.close();
      throw store.damaged(INDEX + "/", size + " papers, " + store.papers() + " expected");
    }
    return index;
  }

  /** A value computed (or read) on first use, then kept. */
  static final class Lazy<T> {
    interface Source<T> {
      T get() throws IOException;
    }

    private Source<T> source;
    private T value;

    Lazy(Source<T> source) {
      this.source = source;
    }

    static <T> Lazy<T> of(T value) {
      Lazy<T> l = new Lazy<>(null);
      l.value = value;
      return l;
    }

    synchronized boolean isLoaded() {
      return source == null;
    }

    synchronized T get() throws IOException {
      if (source != null) {
        value = source.get();
        source = null;
      }
      return value;
    }
  }
}
