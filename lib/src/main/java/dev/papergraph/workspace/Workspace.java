package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.papergraph.analysis.Analysis;
import dev.papergraph.analysis.Analyzer;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.CommunityMatching;
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
import dev.papergraph.read.Corpus;
import dev.papergraph.read.CorpusBuilder;
import dev.papergraph.read.Format;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.PaperSimilarity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The on-disk workspace that ties the pipeline stages together, by default {@code ./.papergraph}.
 * {@link #build} runs the stages over the inputs and saves what each produced; {@link #add} adds
 * the papers of more inputs to a saved workspace without reading its inputs again; {@link #open}
 * loads a saved workspace so that queries answer without rebuilding. Each part is read from disk
 * the first time it is asked for, so a query pays only for what it uses.
 *
 * <p>Layout of the folder (every file written with {@link AtomicOutput}; a build writes a fresh
 * folder next to the old one and swaps it in, so a failed or killed build leaves the previous
 * workspace intact; see {@link WorkspaceStore} for the marker, checksums, lock and recovery):
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
  private static final String ADVICE_REBUILD = WorkspaceStore.ADVICE_REBUILD;

  /**
   * The mapper of the JSON files, created on first use: queries that read only columns never pay
   * for it. Our own files are read without Jackson's default string length limit: they hold what
   * the readers accepted, whatever its size.
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
  }

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
  private final Lazy<EngineOptions> engineOptions;
  private final Lazy<Neighbourhoods> neighbourhoods;

  /** The similarity graph over catalog entries (no full papers, no citations), for queries. */
  private final Lazy<PaperGraph> similarityOnly;

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
      Lazy<EngineOptions> engineOptions) {
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
    this.engine = engine;
    this.engineOptions = engineOptions;
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
              return PaperGraph.of(stubs, this.links.get());
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
    Path target = target(dir);
    try (WorkspaceStore.BuildLock lock = WorkspaceStore.BuildLock.acquire(target, "build")) {
      WorkspaceStore.recover(target);
      WorkspaceStore.checkReplaceable(target, dir);
      boolean previous = Files.exists(target.resolve(WorkspaceStore.MARKER));
      Corpus corpus = read(new CorpusBuilder(), inputs, options, progress);
      if (corpus.report().imported() == 0) {
        throw new NothingImportedException(dir, corpus.report(), previous, false);
      }
      RunManifest.Builder manifest = RunManifest.builder();
      hashInputs(manifest, inputs, corpus.report());
      return assemble(
          target,
          dir,
          corpus.papers(),
          corpus.report(),
          manifest,
          options,
          progress,
          null,
          folder -> {
            try (PaperIndex index = PaperIndex.open(folder, options.engine().text())) {
              index.addOrUpdate(corpus.papers());
            }
          });
    }
  }

  /**
   * The absolute folder a path names; a symbolic link to a folder is replaced by the folder it
   * names.
   */
  private static Path target(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    return Files.isSymbolicLink(abs) && Files.isDirectory(abs) ? abs.toRealPath() : abs;
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
    Path target = target(dir);
    try (WorkspaceStore.BuildLock lock = WorkspaceStore.BuildLock.acquire(target, "add")) {
      WorkspaceStore.recover(target);
      return addLocked(dir, inputs, format, progress);
    }
  }

  private static Workspace addLocked(
      Path dir, List<InputSource> inputs, Optional<Format> format, Progress progress)
      throws IOException {
    Workspace old = open(dir);
    WorkspaceStore.checkReplaceable(old.dir, dir);
    RunManifest before = old.manifest();
    Object layoutSeed = before.parameters().get("layout.seed");
    BuildOptions options;
    try {
      options =
          new BuildOptions(
              format.orElse(null),
              old.engineOptions.get(),
              Analyzer.Options.fromParameters(before.parameters()),
              layoutSeed instanceof Number n ? n.longValue() : BuildOptions.LAYOUT_SEED_DEFAULT);
    } catch (IllegalArgumentException e) {
      throw WorkspaceStore.damaged(dir, StageFile.MANIFEST.fileName(), e.getMessage(), e);
    }
    List<Paper> saved = old.papers();
    ImportReport savedReport = old.importReport();
    Path savedIndex = old.store.get().verifiedIndex();
    Corpus corpus = read(new CorpusBuilder().seed(saved), inputs, options, progress);
    if (corpus.report().imported() + corpus.report().merged() == 0) {
      throw new NothingImportedException(dir, corpus.report(), true, true);
    }
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
    // community numbers follow the saved partition (a renamed paper keeps its old community)
    Map<String, Integer> previous = new HashMap<>(old.communities().membership());
    previousIds.forEach(
        (now, was) -> {
          Integer c = previous.get(was);
          if (c != null) {
            previous.put(now, c);
          }
        });
    return assemble(
        old.dir,
        dir,
        papers,
        savedReport.followedBy(corpus.report()),
        manifest,
        options,
        progress,
        previous,
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

  private static Corpus read(
      CorpusBuilder builder, List<InputSource> inputs, BuildOptions options, Progress progress)
      throws IOException {
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

  /**
   * Runs the stages after reading over the papers and saves everything as the workspace {@code
   * target}.
   *
   * @param previous the community of each paper in the workspace being grown, whose numbers the new
   *     communities take where they overlap ({@link CommunityMatching}); {@code null} for a new
   *     build
   */
  private static Workspace assemble(
      Path target,
      Path shown,
      List<Paper> papers,
      ImportReport report,
      RunManifest.Builder manifestInputs,
      BuildOptions options,
      Progress progress,
      Map<String, Integer> previous,
      IndexWriting indexWriting)
      throws IOException {
    SemanticStage.Outcome similarity =
        SemanticStage.run(papers, options.engine(), target, progress);
    PaperSimilarity engine = similarity.similarity();
    List<Link> links = engine.links();

    progress.start("graph", -1);
    PaperGraph graph = PaperGraph.of(papers, links);
    progress.finish();

    progress.start("analysis", -1);
    Analyzer.Result computed =
        new Analyzer(options.analysis(), options.engine().threads())
            .analyze(graph, TermSource.of(engine.vectors()));
    progress.finish();

    progress.start("layout", -1);
    Layout layout =
        Layouts.compute(
            graph,
            computed.communities().membership(),
            ForceAtlas2.Options.defaults(
                    options.layoutSeed(), graph.similarity().vertexSet().size())
                .withThreads(options.engine().threads()));
    progress.finish();
    // renumbered after the layout, which starts from the partition's own numbering as a fresh build
    // does
    Analyzer.Result analysed =
        previous == null
            ? computed
            : new Analyzer.Result(
                CommunityMatching.renumber(computed.communities(), previous),
                computed.centralities(),
                computed.parameters());

    manifestInputs.parameters(similarity.manifest());
    similarity.warning().ifPresent(System.err::println);
    RunManifest manifest = manifest(manifestInputs, report, options, analysed, links.size());

    progress.start("save", 7);
    Path staging = WorkspaceStore.createStaging(target);
    try {
      List<String> ids = papers.stream().map(Paper::id).toList();
      Map<StageFile, Long> rows = new EnumMap<>(StageFile.class);
      writeJson(staging.resolve(StageFile.REPORT.fileName()), report);
      progress.advance(1);
      indexWriting.write(staging.resolve(INDEX));
      similarity.save(staging);
      rows.put(
          StageFile.CATALOG,
          StageFiles.writeCatalog(
              staging.resolve(StageFile.CATALOG.fileName()),
              papers,
              analysed.communities().membership()));
      progress.advance(1);
      rows.put(
          StageFile.EDGES,
          StageFiles.writeLinks(staging.resolve(StageFile.EDGES.fileName()), links));
      progress.advance(1);
      writeJson(staging.resolve(StageFile.COMMUNITIES.fileName()), analysed.communities());
      progress.advance(1);
      rows.put(
          StageFile.CENTRALITIES,
          StageFiles.writeCentralities(
              staging.resolve(StageFile.CENTRALITIES.fileName()), ids, analysed.centralities()));
      progress.advance(1);
      rows.put(
          StageFile.LAYOUT,
          StageFiles.writeLayout(staging.resolve(StageFile.LAYOUT.fileName()), ids, layout));
      writeJson(staging.resolve(StageFile.ENGINE.fileName()), options.engine());
      progress.advance(1);
      writeJson(staging.resolve(StageFile.MANIFEST.fileName()), manifest);
      // the marker goes last: a folder without it was never completed
      WorkspaceStore.seal(staging, papers.size(), rows);
      progress.advance(1);
      WorkspaceStore.swapIn(staging, target);
    } catch (WorkspaceException e) {
      throw e;
    } catch (IOException e) {
      throw new WorkspaceException(
          shown,
          "could not write the new workspace (" + describe(e) + ")",
          "the previous workspace, if any, is unchanged",
          e);
    } finally {
      WorkspaceStore.deleteTree(staging);
    }
    progress.finish();
    List<PaperRef> catalog =
        papers.stream()
            .map(
                p ->
                    new PaperRef(
                        p.id(),
                        p.title(),
                        p.ids(),
                        analysed.communities().membership().getOrDefault(p.id(), -1)))
            .toList();
    return new Workspace(
        target,
        new Lazy<>(() -> WorkspaceStore.open(target)),
        Lazy.of(manifest),
        Lazy.of(report),
        Lazy.of(papers),
        Lazy.of(catalog),
        Lazy.of(links),
        Lazy.of(analysed.communities()),
        Lazy.of(analysed.centralities()),
        Lazy.of(layout),
        Lazy.of(engine),
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
        new Lazy<>(() -> readJson(store, StageFile.MANIFEST, RunManifest.class));
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
            () ->
                StageFiles.readCatalog(
                    shown,
                    StageFile.CATALOG.fileName(),
                    store.open(StageFile.CATALOG),
                    store.rows(StageFile.CATALOG))),
        new Lazy<>(
            () ->
                StageFiles.readLinks(
                    shown,
                    StageFile.EDGES.fileName(),
                    store.open(StageFile.EDGES),
                    store.rows(StageFile.EDGES))),
        new Lazy<>(() -> readJson(store, StageFile.COMMUNITIES, Communities.class)),
        new Lazy<>(
            () ->
                StageFiles.readCentralities(
                    shown,
                    StageFile.CENTRALITIES.fileName(),
                    store.open(StageFile.CENTRALITIES),
                    store.rows(StageFile.CENTRALITIES))),
        new Lazy<>(
            () ->
                StageFiles.readLayout(
                    shown,
                    StageFile.LAYOUT.fileName(),
                    store.open(StageFile.LAYOUT),
                    store.rows(StageFile.LAYOUT))),
        new Lazy<>(
            () ->
                SemanticStage.run(papers.get(), engineOptions.get(), store.dir(), Progress.NONE)
                    .similarity()),
        engineOptions);
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
   * made of. Analyses the texts of every paper, once per workspace opened.
   */
  public dev.papergraph.analysis.TermSource terms() throws IOException {
    return dev.papergraph.analysis.TermSource.of(engine.get().vectors());
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
      throw new IllegalArgumentException(
          "not a paper of the workspace: " + (ref(a).isEmpty() ? a : b));
    }
    Optional<EdgeExplanation> saved = edge(a, b);
    if (saved.isPresent()) {
      return new PairExplanation(saved.get(), true);
    }
    return new PairExplanation(engine.get().explain(a, b), false);
  }

  // ---- building

  /** One line for an I/O error, naming the file when the exception does. */
  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      return f.getFile()
          + ": "
          + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Hashes the inputs into the manifest, each with the format it was read as. */
  private static void hashInputs(
      RunManifest.Builder m, List<InputSource> inputs, ImportReport report) throws IOException {
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

  private static RunManifest manifest(
      RunManifest.Builder m,
      ImportReport report,
      BuildOptions options,
      Analyzer.Result analysed,
      int edges)
      throws IOException {
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
    LibraryVersions.all()
        .forEach(
            (lib, version) -> {
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

  private static <T> T readJson(WorkspaceStore store, StageFile file, Class<T> type)
      throws IOException {
    byte[] bytes = store.readAll(file);
    try {
      return Json.MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw WorkspaceStore.damaged(
          store.shownDir(), file.fileName(), "does not parse: " + e.getOriginalMessage(), e);
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
