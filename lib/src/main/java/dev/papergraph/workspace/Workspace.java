package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.papergraph.analysis.Analysis;
import dev.papergraph.analysis.Analyzer;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.LibraryVersions;
import dev.papergraph.analysis.Neighbourhoods;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.layout.ForceAtlas2;
import dev.papergraph.layout.Layout;
import dev.papergraph.layout.Layouts;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.CorpusBuilder;
import dev.papergraph.read.Format;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The on-disk workspace that ties the pipeline stages together, by default {@code ./.papergraph}.
 * {@link #build} runs the stages over the inputs and saves what each produced; {@link #add} adds the
 * papers of more inputs to a saved workspace without reading its inputs again; {@link #open} loads a
 * saved workspace so that queries answer without rebuilding. Each part is read from disk the first
 * time it is asked for, so a query pays only for what it uses.
 *
 * <p>Layout of the folder (every file written with {@link AtomicOutput}; a build writes a fresh
 * folder next to the old one and swaps it in, so a failed or killed build leaves the previous
 * workspace intact):
 *
 * <pre>
 * workspace.json      {"format":"papergraph-workspace","version":1}
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
 * </pre>
 */
public final class Workspace {

  /** The workspace folder used when none is named. */
  public static final String DEFAULT_DIR = ".papergraph";
  /** The value of {@code workspace.json}'s {@code format} field. */
  public static final String FORMAT_TAG = "papergraph-workspace";
  /** The layout version written; {@link #open} reads this version and older. */
  public static final int VERSION = 1;

  static final String MARKER = "workspace.json";
  static final String MANIFEST = "manifest.json";
  static final String REPORT = "import-report.json";
  static final String INDEX = "index";
  static final String EDGES = "edges.tsv";
  static final String CATALOG = "catalog.tsv";
  static final String COMMUNITIES = "communities.json";
  static final String CENTRALITIES = "centralities.tsv";
  static final String LAYOUT = "layout.tsv";
  static final String ENGINE = "engine-options.json";

  private static final String ADVICE_BUILD = "build one with `papergraph build [INPUT...]`";
  private static final String ADVICE_REBUILD = "rebuild it with `papergraph build`";
  private static final JsonFactory MARKER_FACTORY = new JsonFactory();

  /** The mapper of the JSON files, created on first use: queries that read only columns never pay for it. */
  private static final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  private final Path dir;
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
  private final Lazy<SimilarityEngine> engine;
  private final Lazy<EngineOptions> engineOptions;
  private final Lazy<Neighbourhoods> neighbourhoods;
  /** The similarity graph over catalog entries (no full papers, no citations), for queries. */
  private final Lazy<PaperGraph> similarityOnly;

  private Workspace(Path dir, Lazy<RunManifest> manifest, Lazy<ImportReport> report, Lazy<List<Paper>> papers,
      Lazy<List<PaperRef>> catalog,
      Lazy<List<Link>> links, Lazy<Communities> communities, Lazy<Centralities> centralities, Lazy<Layout> layout,
      Lazy<SimilarityEngine> engine, Lazy<EngineOptions> engineOptions) {
    this.dir = dir;
    this.manifest = manifest;
    this.report = report;
    this.papers = papers;
    this.links = links;
    this.communities = communities;
    this.centralities = centralities;
    this.layout = layout;
    this.byId = new Lazy<>(() -> {
      Map<String, Paper> m = new LinkedHashMap<>();
      for (Paper p : this.papers.get()) {
        m.put(p.id(), p);
      }
      return Collections.unmodifiableMap(m);
    });
    this.catalog = catalog;
    this.refs = new Lazy<>(() -> {
      Map<String, PaperRef> m = new LinkedHashMap<>();
      for (PaperRef p : this.catalog.get()) {
        m.put(p.id(), p);
      }
      return Collections.unmodifiableMap(m);
    });
    this.lookup = new Lazy<>(() -> new PaperLookup(this.catalog.get()));
    this.graph = new Lazy<>(() -> PaperGraph.of(this.papers.get(), this.links.get()));
    this.engine = engine;
    this.engineOptions = engineOptions;
    this.similarityOnly = new Lazy<>(() -> {
      if (this.graph.isLoaded()) {
        return this.graph.get();
      }
      List<Paper> stubs = new ArrayList<>();
      for (PaperRef r : this.catalog.get()) {
        stubs.add(Paper.builder().id(r.id()).title(r.title()).ids(r.ids()).build());
      }
      return PaperGraph.of(stubs, this.links.get());
    });
    this.neighbourhoods = new Lazy<>(() -> new Neighbourhoods(this.similarityOnly.get()));
  }

  /**
   * Reads the inputs, runs every stage and saves the result as the workspace in {@code dir},
   * replacing the workspace there (if any) only once the new one is complete.
   *
   * @param dir the workspace folder; it must not exist, be empty, or hold a papergraph workspace
   * @param inputs the inputs, read in this order
   * @param options the format and stage parameters
   * @param progress receives the progress of each stage
   * @return the new workspace, with everything already in memory
   * @throws WorkspaceException if {@code dir} holds something other than a workspace
   * @throws dev.papergraph.read.CorpusFormatException if an input cannot be read at all
   * @throws IOException if reading or writing fails
   */
  public static Workspace build(Path dir, List<InputSource> inputs, BuildOptions options, Progress progress)
      throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    checkReplaceable(target);
    Corpus corpus = read(new CorpusBuilder(), inputs, options, progress);
    RunManifest.Builder manifest = RunManifest.builder();
    hashInputs(manifest, inputs, corpus.report());
    return assemble(target, corpus.papers(), corpus.report(), manifest, options, progress, folder -> {
      try (PaperIndex index = PaperIndex.open(folder, options.engine().text())) {
        index.addOrUpdate(corpus.papers());
      }
    });
  }

  /**
   * Adds the papers of more inputs to the workspace in {@code dir}, with the parameters it was
   * built with. The inputs it was built from are not read again: the new records merge into the
   * saved papers (as they would had all inputs been read together), only new and changed papers
   * are written to the Lucene index (a copy of the saved one, its files hard-linked where the file
   * system allows), and the import report and the manifest's inputs grow by the new files. The
   * similarity links, communities, centralities and layout are computed again over all papers:
   * term weights (IDF), every top-k list and the partition depend on the whole corpus, and exact
   * lists are the engine's promise. The result is the workspace a build of the old inputs followed
   * by the new ones gives. Like {@link #build}, the workspace is replaced only once complete.
   *
   * @param format the format the new inputs are read as, or {@code null} to detect each
   * @return the updated workspace, with everything in memory
   * @throws WorkspaceException if {@code dir} holds no workspace or a damaged one
   */
  public static Workspace add(Path dir, List<InputSource> inputs, Format format, Progress progress)
      throws IOException {
    Workspace old = open(dir);
    RunManifest before = old.manifest();
    Object layoutSeed = before.parameters().get("layout.seed");
    BuildOptions options;
    try {
      options = new BuildOptions(format, old.engineOptions.get(), Analyzer.Options.fromParameters(before.parameters()),
          layoutSeed instanceof Number n ? n.longValue() : BuildOptions.LAYOUT_SEED_DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + MANIFEST + " has " + e.getMessage(), ADVICE_REBUILD, e);
    }
    List<Paper> saved = old.papers();
    Corpus corpus = read(new CorpusBuilder().seed(saved), inputs, options, progress);
    List<Paper> papers = corpus.papers();
    List<Paper> changed = new ArrayList<>();
    Map<String, String> previousIds = new HashMap<>();
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      if (i < saved.size()) {
        if (p.equals(saved.get(i))) {
          continue;
        }
        previousIds.put(p.id(), saved.get(i).id());
      }
      changed.add(p);
    }
    RunManifest.Builder manifest = RunManifest.builder();
    before.inputs().forEach(manifest::input);
    hashInputs(manifest, inputs, corpus.report());
    Path savedIndex = old.dir.resolve(INDEX);
    return assemble(old.dir, papers, old.importReport().followedBy(corpus.report()), manifest, options, progress,
        folder -> {
          linkOrCopyFiles(savedIndex, folder);
          try (PaperIndex index = PaperIndex.open(folder, options.engine().text())) {
            index.addOrUpdate(changed, previousIds);
          }
        });
  }

  /** Writes the workspace's Lucene index into a new folder. */
  private interface IndexWriting {
    void write(Path folder) throws IOException;
  }

  private static Corpus read(CorpusBuilder builder, List<InputSource> inputs, BuildOptions options,
      Progress progress) throws IOException {
    progress.start("read", inputs.size());
    Readers readers = Readers.standard();
    for (InputSource source : inputs) {
      readers.read(source, options.format(), builder);
      progress.advance(1);
    }
    Corpus corpus = builder.build();
    progress.finish();
    return corpus;
  }

  /** Runs the stages after reading over the papers and saves everything as the workspace {@code target}. */
  private static Workspace assemble(Path target, List<Paper> papers, ImportReport report,
      RunManifest.Builder manifestInputs, BuildOptions options, Progress progress, IndexWriting indexWriting)
      throws IOException {
    progress.start("similarity", -1);
    SimilarityEngine engine = SimilarityEngine.of(papers, options.engine());
    List<Link> links = engine.links();
    progress.finish();

    progress.start("graph", -1);
    PaperGraph graph = PaperGraph.of(papers, links);
    progress.finish();

    progress.start("analysis", -1);
    Analyzer.Result analysed = new Analyzer(options.analysis(), options.engine().threads()).analyze(graph, TermSource.of(engine.vectors()));
    progress.finish();

    progress.start("layout", -1);
    Layout layout = Layouts.compute(graph, analysed.communities().membership(),
        ForceAtlas2.Options.defaults(options.layoutSeed(), graph.similarity().vertexSet().size()).withThreads(options.engine().threads()));
    progress.finish();

    RunManifest manifest = manifest(manifestInputs, report, options, analysed, links.size());

    progress.start("save", 7);
    Files.createDirectories(target.getParent());
    Path staging = Files.createDirectory(sibling(target, "building"));
    try {
      List<String> ids = papers.stream().map(Paper::id).toList();
      writeJson(staging.resolve(REPORT), report);
      progress.advance(1);
      indexWriting.write(staging.resolve(INDEX));
      StageFiles.writeCatalog(staging.resolve(CATALOG), papers, analysed.communities().membership());
      progress.advance(1);
      StageFiles.writeLinks(staging.resolve(EDGES), links);
      progress.advance(1);
      writeJson(staging.resolve(COMMUNITIES), analysed.communities());
      progress.advance(1);
      StageFiles.writeCentralities(staging.resolve(CENTRALITIES), ids, analysed.centralities());
      progress.advance(1);
      StageFiles.writeLayout(staging.resolve(LAYOUT), ids, layout);
      writeJson(staging.resolve(ENGINE), options.engine());
      progress.advance(1);
      writeJson(staging.resolve(MANIFEST), manifest);
      // the marker goes last: a folder without it was never completed
      writeJson(staging.resolve(MARKER), Map.of("format", FORMAT_TAG, "version", VERSION));
      progress.advance(1);
      swapIn(staging, target);
    } finally {
      deleteTree(staging);
    }
    progress.finish();
    List<PaperRef> catalog = papers.stream().map(p -> new PaperRef(p.id(), p.title(), p.ids(),
        analysed.communities().membership().getOrDefault(p.id(), -1))).toList();
    return new Workspace(target, Lazy.of(manifest), Lazy.of(report), Lazy.of(papers), Lazy.of(catalog), Lazy.of(links),
        Lazy.of(analysed.communities()), Lazy.of(analysed.centralities()), Lazy.of(layout), Lazy.of(engine),
        Lazy.of(options.engine()));
  }

  /**
   * Fills a new folder with the files of a saved Lucene index: hard links where possible (Lucene
   * never changes a file once written, so the saved index stays as it was), else copies.
   */
  private static void linkOrCopyFiles(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals("write.lock") || !Files.isRegularFile(f)) {
          continue;
        }
        try {
          Files.createLink(to.resolve(name), f);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(f, to.resolve(name));
        }
      }
    }
  }

  /**
   * Opens a saved workspace. Only the marker file is read now; every part when first used.
   *
   * @throws WorkspaceException if {@code dir} holds no workspace, one written by a newer
   *     papergraph, or a damaged one
   */
  public static Workspace open(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path marker = target.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      String problem = Files.isDirectory(target) ? "no papergraph workspace" : "no workspace folder";
      throw new WorkspaceException(dir, problem, ADVICE_BUILD);
    }
    checkMarker(dir, marker);
    Lazy<RunManifest> manifest = new Lazy<>(() -> readJson(dir, target.resolve(MANIFEST), RunManifest.class));
    Lazy<ImportReport> report = new Lazy<>(() -> readJson(dir, target.resolve(REPORT), ImportReport.class));
    Lazy<EngineOptions> engineOptions = new Lazy<>(() -> readJson(dir, target.resolve(ENGINE), EngineOptions.class));
    Lazy<List<Paper>> papers = new Lazy<>(() -> {
      try (PaperIndex index = openIndex(dir, target, engineOptions.get())) {
        return index.papers();
      }
    });
    return new Workspace(target, manifest, report, papers,
        new Lazy<>(() -> StageFiles.readCatalog(dir, target.resolve(CATALOG))),
        new Lazy<>(() -> StageFiles.readLinks(dir, target.resolve(EDGES))),
        new Lazy<>(() -> readJson(dir, target.resolve(COMMUNITIES), Communities.class)),
        new Lazy<>(() -> StageFiles.readCentralities(dir, target.resolve(CENTRALITIES))),
        new Lazy<>(() -> StageFiles.readLayout(dir, target.resolve(LAYOUT))),
        new Lazy<>(() -> SimilarityEngine.of(papers.get(), engineOptions.get())), engineOptions);
  }

  /** Checks the marker's format tag and version with the streaming parser (no data binding: opening stays cheap). */
  private static void checkMarker(Path dir, Path marker) throws IOException {
    String format = null;
    int version = -1;
    try (JsonParser p = MARKER_FACTORY.createParser(marker.toFile())) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          if (field.equals("format")) {
            format = p.getValueAsString();
          } else if (field.equals("version")) {
            version = p.getValueAsInt(-1);
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + MARKER + " does not parse", ADVICE_REBUILD, e);
    }
    if (!FORMAT_TAG.equals(format)) {
      throw new WorkspaceException(dir, "not a papergraph workspace (" + MARKER + " says otherwise)",
          "point --workspace at a workspace or " + ADVICE_BUILD);
    }
    if (version < 1 || version > VERSION) {
      throw new WorkspaceException(dir, "workspace layout version " + version + " (this papergraph reads 1 to "
          + VERSION + ")", ADVICE_REBUILD);
    }
  }

  /** True when {@code dir} holds a workspace (its marker file). */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(MARKER));
  }

  /** The workspace folder (absolute). */
  public Path dir() {
    return dir;
  }

  /** How the workspace was built. */
  public RunManifest manifest() throws IOException {
    return manifest.get();
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

  /** Every paper's id, title, external ids and community, in corpus order, without the full papers. */
  public List<PaperRef> catalog() throws IOException {
    return catalog.get();
  }

  /** The catalog entry of a paper. */
  public Optional<PaperRef> ref(String id) throws IOException {
    return Optional.ofNullable(refs.get().get(id));
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
    try (PaperIndex index = openIndex(dir, dir, engineOptions.get())) {
      return index.search(text, n);
    }
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

  /** The positions of the papers. */
  public Layout layout() throws IOException {
    return layout.get();
  }

  /** Everything the exports and the viewer need, as one value. */
  public Analysis analysis() throws IOException {
    return new Analysis(graph(), communities(), centralities(), layout(), manifest());
  }

  /**
   * Ego graphs and strongest paths over the similarity graph. Built from the catalog and the links
   * only, so it does not load the full papers (its graph's papers carry id, title and ids).
   */
  public Neighbourhoods neighbourhoods() throws IOException {
    return neighbourhoods.get();
  }

  /** The explanation of the edge between two papers, when they are linked. */
  public Optional<EdgeExplanation> edge(String a, String b) throws IOException {
    SimilarityEdge e = similarityOnly.get().similarity().getEdge(a, b);
    return e == null ? Optional.empty() : Optional.of(e.explanation());
  }

  /**
   * Why two papers are, or are not, linked: the saved explanation of their edge, or for a pair
   * without an edge the scores the engine gives them. The latter re-analyses the texts of every
   * paper (about a second for a few hundred papers), once per workspace opened.
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
      throw new IllegalArgumentException("not a paper of the workspace: " + (ref(a).isEmpty() ? a : b));
    }
    Optional<EdgeExplanation> saved = edge(a, b);
    if (saved.isPresent()) {
      return new PairExplanation(saved.get(), true);
    }
    return new PairExplanation(engine.get().explain(a, b), false);
  }

  // ---- building

  private static void checkReplaceable(Path target) throws IOException {
    if (!Files.exists(target) || exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new WorkspaceException(target, "a file is in the way", "choose another --workspace folder");
    }
    try (Stream<Path> s = Files.list(target)) {
      if (s.findAny().isPresent()) {
        throw new WorkspaceException(target, "a folder with other content is in the way",
            "choose another --workspace folder (papergraph replaces only its own workspaces)");
      }
    }
  }

  /** Moves the complete staging folder to the target, then deletes the workspace it replaced. */
  private static void swapIn(Path staging, Path target) throws IOException {
    checkReplaceable(target);
    Path old = null;
    if (Files.exists(target)) {
      old = sibling(target, "old");
      move(target, old);
    }
    move(staging, target);
    if (old != null) {
      deleteTree(old);
    }
  }

  /** A fresh name next to the target (created with the user's usual permissions, unlike a temp dir). */
  private static Path sibling(Path target, String role) {
    return target.resolveSibling("." + target.getFileName() + "." + role + "-" + ProcessHandle.current().pid()
        + "-" + Long.toHexString(System.nanoTime()));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException e) {
          throw new IOException("cannot clean up " + root + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Hashes the inputs into the manifest, each with the format it was read as. */
  private static void hashInputs(RunManifest.Builder m, List<InputSource> inputs, ImportReport report)
      throws IOException {
    // by name, not position: an input given twice or skipped has no row of its own
    Map<String, String> formats = new HashMap<>();
    report.files().forEach(f -> formats.putIfAbsent(f.file(), f.format()));
    for (InputSource s : inputs) {
      String format = formats.get(s.name());
      if (format == null) {
        continue;
      }
      try (InputStream in = s.opener().open()) {
        m.input(s.name(), format, in);
      }
    }
  }

  private static RunManifest manifest(RunManifest.Builder m, ImportReport report, BuildOptions options,
      Analyzer.Result analysed, int edges) throws IOException {
    m.count("records.read", report.read())
        .count("records.imported", report.imported())
        .count("records.merged", report.merged())
        .count("records.rejected", report.rejected())
        .count("papers", report.imported())
        .count("edges", edges)
        .count("communities", analysed.communities().communities().size());
    m.parameters(options.parameters());
    m.parameters(analysed.parameters());
    // a shaded jar keeps no per-library manifest: fall back on the versions the build pins
    Properties pinned = new Properties();
    try (InputStream in = Workspace.class.getResourceAsStream("pinned-versions.properties")) {
      if (in != null) {
        pinned.load(in);
      }
    }
    LibraryVersions.all().forEach((lib, version) -> {
      if (version.equals("unknown") && pinned.getProperty(lib) != null) {
        m.library(lib, pinned.getProperty(lib));
      }
    });
    return m.build();
  }

  static void writeJson(Path file, Object value) throws IOException {
    AtomicOutput.write(file, true, out -> Json.MAPPER.writeValue(out, value));
  }

  // ---- opening

  private static <T> T readJson(Path dir, Path file, Class<T> type) throws IOException {
    try {
      return Json.MAPPER.readValue(file.toFile(), type);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + file.getFileName() + " is missing",
          ADVICE_REBUILD, e);
    } catch (JsonProcessingException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + file.getFileName() + " does not parse ("
          + e.getOriginalMessage() + ")", ADVICE_REBUILD, e);
    }
  }

  /** Opens the workspace's index for reading, failing with advice when it is missing or made otherwise. */
  private static PaperIndex openIndex(Path dir, Path target, EngineOptions options) throws IOException {
    Path folder = target.resolve(INDEX);
    if (!Files.isDirectory(folder)) {
      throw new WorkspaceException(dir, "damaged workspace: " + INDEX + "/ is missing", ADVICE_REBUILD);
    }
    try {
      return PaperIndex.open(folder, options.text());
    } catch (IllegalArgumentException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + e.getMessage(), ADVICE_REBUILD, e);
    }
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
