package dev.papergraph.workspace;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.CommunityMatching;
import dev.papergraph.analysis.Coverage;
import dev.papergraph.analysis.LibraryVersions;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.concurrent.Parallel;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.CorpusBuilder;
import dev.papergraph.read.Format;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.CitationIndex;
import dev.papergraph.similarity.Link;
import dev.papergraph.text.AnalysedTokens;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexNotFoundException;

/**
 * Builds and grows workspaces: reads the inputs, runs the {@link Pipeline}, writes every stage file
 * into a staging folder and has the {@link WorkspaceStore} seal it and swap it in, all under the
 * workspace's build lock. Its public face is {@link Workspace#build} and {@link Workspace#add}.
 */
final class WorkspaceBuilder {

  private static final String INDEX = WorkspaceStore.INDEX;

  private WorkspaceBuilder() {}

  /** See {@link Workspace#build(Path, List, BuildOptions, Progress, boolean)}. */
  static Workspace build(
      Path dir,
      List<InputSource> inputs,
      BuildOptions options,
      Progress progress,
      boolean keepIfUpToDate)
      throws IOException {
    Path target = target(dir);
    try (WorkspaceStore.BuildLock lock = WorkspaceStore.BuildLock.acquire(target, "build")) {
      WorkspaceStore.recover(target);
      WorkspaceStore.checkReplaceable(target, dir);
      boolean previous = Files.exists(target.resolve(WorkspaceStore.MARKER));
      String settings = BuiltFrom.settings(options);
      Future<InputHashes> hashes = null;
      if (keepIfUpToDate && previous) {
        UpToDate check = upToDate(target, dir, inputs, settings, progress);
        if (check.workspace() != null) {
          return check.workspace();
        }
        if (check.hashes() != null) {
          hashes = CompletableFuture.completedFuture(check.hashes());
        }
      }
      if (hashes == null) {
        hashes = hashBeside(inputs, options.engine().threads());
      }
      Corpus corpus;
      try {
        corpus = read(new CorpusBuilder(), inputs, options, progress);
      } finally {
        finish(hashes);
      }
      if (corpus.report().imported() == 0) {
        throw new NothingImportedException(dir, corpus.report(), previous, false);
      }
      RunManifest.Builder manifest = RunManifest.builder();
      InputHashes hashed = await(hashes);
      hashInputs(manifest, inputs, corpus.report(), hashed);
      BuiltFrom builtFrom =
          BuiltFrom.inputs(inputs, hashed.byInput())
              .map(digest -> new BuiltFrom(settings, digest))
              .orElse(null);
      return assemble(
          target,
          dir,
          corpus.papers(),
          corpus.report(),
          manifest,
          builtFrom,
          options,
          progress,
          null,
          (folder, analysed) -> {
            // a rebuild keeps the saved documents of unchanged papers instead of analysing them
            Optional<Path> saved =
                previous ? reusableIndex(target, options.engine().text()) : Optional.empty();
            if (saved.isPresent()) {
              PaperIndex.linkOrCopyFiles(saved.get(), folder);
            }
            try (PaperIndex index = PaperIndex.open(folder, options.engine().text())) {
              index.replaceAll(corpus.papers(), analysed);
            }
          });
    }
  }

  /**
   * What {@link #upToDate} found: the saved workspace when it is what the build would write again,
   * else the inputs' hashes if it computed them (for the build's manifest), else nothing.
   */
  private record UpToDate(Workspace workspace, InputHashes hashes) {}

  /**
   * Whether the workspace in {@code target} is what a build from these inputs with these settings
   * would write again: its marker records the same settings and the same inputs (hashed here, only
   * when the settings match), every file it records is in place, and its semantic part did not fall
   * back to lexical only (a model that could not load then may load now).
   */
  private static UpToDate upToDate(
      Path target, Path shown, List<InputSource> inputs, String settings, Progress progress)
      throws IOException {
    WorkspaceStore store;
    try {
      store = WorkspaceStore.open(target);
    } catch (WorkspaceException e) {
      // a saved workspace that cannot be read is replaced by the build
      return new UpToDate(null, null);
    }
    Optional<BuiltFrom> was = store.builtFrom();
    if (was.isEmpty() || !was.get().settings().equals(settings)) {
      return new UpToDate(null, null);
    }
    progress.start("check", inputs.size());
    InputHashes hashes = hash(inputs, progress);
    progress.finish();
    Optional<String> now = BuiltFrom.inputs(inputs, hashes.byInput());
    if (now.isEmpty() || !now.get().equals(was.get().inputs())) {
      return new UpToDate(null, hashes);
    }
    try {
      Workspace saved = Workspace.open(shown);
      if (!store.filesInPlace()
          || String.valueOf(saved.manifest().parameters().get(SemanticStage.STATUS))
              .startsWith(SemanticStage.UNAVAILABLE)) {
        return new UpToDate(null, hashes);
      }
      saved.markUpToDate();
      return new UpToDate(saved, hashes);
    } catch (WorkspaceException e) {
      return new UpToDate(null, hashes);
    }
  }

  /**
   * The verified index folder of the workspace being rebuilt, when its documents can be kept: empty
   * when that workspace is damaged or its index was written with other text options or by another
   * version of the analysis chain (the build then writes a new index from the papers).
   */
  private static Optional<Path> reusableIndex(Path target, TextOptions text) throws IOException {
    try {
      Path index = Workspace.open(target).verifiedIndex();
      return PaperIndex.reusable(index, text) ? Optional.of(index) : Optional.empty();
    } catch (WorkspaceException | IndexNotFoundException e) {
      // a saved workspace that cannot be read is replaced by the build, as without this reuse
      return Optional.empty();
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

  /** See {@link Workspace#add}. */
  static Workspace add(
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
    Workspace old = Workspace.open(dir);
    WorkspaceStore.checkReplaceable(old.dir(), dir);
    RunManifest before = old.manifest();
    Object layoutSeed = before.parameters().get("layout.seed");
    BuildOptions options;
    try {
      options =
          new BuildOptions(
              format.orElse(null),
              old.engineOptions(),
              AnalysisStage.Options.fromParameters(before.parameters()),
              layoutSeed instanceof Number n ? n.longValue() : BuildOptions.LAYOUT_SEED_DEFAULT);
    } catch (IllegalArgumentException e) {
      throw WorkspaceStore.damaged(dir, StageFile.MANIFEST.fileName(), e.getMessage(), e);
    }
    List<Paper> saved = old.papers();
    ImportReport savedReport = old.importReport();
    Path savedIndex = old.verifiedIndex();
    Future<InputHashes> hashes = hashBeside(inputs, options.engine().threads());
    Corpus corpus;
    try {
      corpus = read(new CorpusBuilder().seed(saved), inputs, options, progress);
    } finally {
      finish(hashes);
    }
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
    hashInputs(manifest, inputs, corpus.report(), await(hashes));
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
        old.dir(),
        dir,
        papers,
        savedReport.followedBy(corpus.report()),
        manifest,
        null,
        options,
        progress,
        previous,
        (folder, analysed) -> {
          PaperIndex.linkOrCopyFiles(savedIndex, folder);
          try (PaperIndex index = PaperIndex.open(folder, options.engine().text())) {
            index.addOrUpdate(changed, previousIds);
          }
        });
  }

  /** Writes one or more stage files, returning the TSV's row count (-1 for other files). */
  private interface FileWriting {
    long write() throws IOException;
  }

  /** Writes the workspace's Lucene index into a new folder. */
  private interface IndexWriting {
    /**
     * @param analysed the tokens of the pipeline's text analysis, for the papers to index; waits
     *     for them, and gives none when the pipeline failed before they existed or when the build
     *     runs on one thread (the index is then written before the pipeline starts)
     */
    void write(Path folder, Supplier<Optional<AnalysedTokens>> analysed) throws IOException;
  }

  private static Corpus read(
      CorpusBuilder builder, List<InputSource> inputs, BuildOptions options, Progress progress)
      throws IOException {
    progress.start("read", inputs.size());
    Readers readers = Readers.standard();
    for (InputSource source : inputs) {
      readers.read(source, options.format(), builder, options.engine().threads());
      progress.advance(1);
    }
    Corpus corpus = builder.build();
    progress.finish();
    return corpus;
  }

  /**
   * Runs the {@link Pipeline} over the papers and saves everything as the workspace {@code target}.
   *
   * @param builtFrom what the marker records the workspace was built from; {@code null} when it is
   *     not the output of one build from its inputs (grown by add, or an input not hashed)
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
      BuiltFrom builtFrom,
      BuildOptions options,
      Progress progress,
      Map<String, Integer> previous,
      IndexWriting indexWriting)
      throws IOException {
    int threads = options.engine().threads();
    Path staging = WorkspaceStore.createStaging(target);
    Future<Void> early = null;
    Saving saving = new Saving(staging, shown, papers, report, manifestInputs, options, previous);
    // the index takes the tokens the similarity stage's analysis met instead of analysing the
    // texts again; on one thread it is written before that analysis runs
    CompletableFuture<Optional<AnalysedTokens>> tokens = new CompletableFuture<>();
    if (threads == 1) {
      tokens.complete(Optional.empty());
    }
    try {
      // the files that need only the papers (above all the Lucene index) are written beside the
      // pipeline, on a thread of their own, while its mostly serial stages run
      early =
          Parallel.beside(
              threads,
              "papergraph-save",
              () -> {
                writeJson(staging.resolve(StageFile.REPORT.fileName()), report);
                try {
                  indexWriting.write(staging.resolve(INDEX), tokens::join);
                } finally {
                  // the tokens are not kept through the later stages
                  tokens.obtrudeValue(Optional.empty());
                }
                writeJson(staging.resolve(StageFile.ENGINE.fileName()), options.engine());
                writeJson(
                    staging.resolve(StageFile.COVERAGE.fileName()),
                    Coverage.of(papers, CitationIndex.of(papers)));
                return null;
              });
      Pipeline.Result result =
          Pipeline.run(
              papers, options, target, progress, threads == 1 ? null : tokens::complete, saving);
      Layout layout = result.layout();
      result.similarityStage().warning().ifPresent(System.err::println);

      progress.start("save", 7);
      save(staging, target, shown, papers, layout, builtFrom, saving, early, progress);
      progress.finish();
      return Workspace.built(
          target,
          saving.manifest,
          report,
          papers,
          result.links(),
          saving.analysed.communities(),
          saving.analysed.centralities(),
          layout,
          result.engine(),
          options.engine(),
          result.similarityStage().textsAnalysed() ? 1 : 0);
    } finally {
      // a pipeline that failed before its analysis was complete leaves the index without tokens
      tokens.complete(Optional.empty());
      // whatever happened, the thread beside is done with the staging folder before it goes
      finish(early);
      finish(saving.similarityFiles);
      WorkspaceStore.deleteTree(staging);
    }
  }

  /**
   * Saves the pipeline's outputs into the staging folder as soon as they exist: the similarity's
   * files on a thread beside the graph, the analysis and the layout; the files of the analysis
   * (catalog, centralities, communities, manifest) while the layout, computed beside the analysis,
   * may still be running, when the build's own thread would otherwise wait for it.
   */
  private static final class Saving implements Pipeline.SimilarityListener {
    private final Path staging;
    private final Path shown;
    private final List<Paper> papers;
    private final ImportReport report;
    private final RunManifest.Builder manifestInputs;
    private final BuildOptions options;
    private final Map<String, Integer> previous;
    private SemanticStage.Outcome similarity;
    private int links;
    private Future<Long> similarityFiles;
    private AnalysisStage.Result analysed;
    private RunManifest manifest;
    private final Map<StageFile, Long> rows = new EnumMap<>(StageFile.class);

    Saving(
        Path staging,
        Path shown,
        List<Paper> papers,
        ImportReport report,
        RunManifest.Builder manifestInputs,
        BuildOptions options,
        Map<String, Integer> previous) {
      this.staging = staging;
      this.shown = shown;
      this.papers = papers;
      this.report = report;
      this.manifestInputs = manifestInputs;
      this.options = options;
      this.previous = previous;
    }

    @Override
    public void similarityDone(SemanticStage.Outcome outcome, List<Link> explained) {
      similarity = outcome;
      links = explained.size();
      // the similarity's files are written while the graph, the analysis and the layout are
      // computed
      similarityFiles =
          Parallel.beside(
              options.engine().threads(),
              "papergraph-save",
              () -> {
                outcome.save(staging);
                TermVectorFile.write(
                    staging.resolve(StageFile.VECTORS.fileName()), outcome.similarity().vectors());
                return StageFiles.writeLinks(
                    staging.resolve(StageFile.EDGES.fileName()), explained);
              });
    }

    @Override
    public void analysisDone(AnalysisStage.Result computed) throws IOException {
      // renumbered before the layout is awaited: the layout starts from the partition's own
      // numbering, as a fresh build does
      analysed =
          previous == null
              ? computed
              : new AnalysisStage.Result(
                  CommunityMatching.renumber(computed.communities(), previous),
                  computed.centralities(),
                  computed.parameters());
      manifestInputs.parameters(similarity.manifest());
      manifest = manifest(manifestInputs, report, options, analysed, links);
      List<String> ids = papers.stream().map(Paper::id).toList();
      // independent of each other: written at once on the build's threads, each to its own file;
      // the TSVs' row counts come back in task order
      List<FileWriting> files =
          List.of(
              () ->
                  StageFiles.writeCatalog(
                      staging.resolve(StageFile.CATALOG.fileName()),
                      PaperRef.catalog(papers, analysed.communities().membership())),
              () ->
                  StageFiles.writeCentralities(
                      staging.resolve(StageFile.CENTRALITIES.fileName()),
                      ids,
                      analysed.centralities()),
              () -> {
                writeJson(
                    staging.resolve(StageFile.COMMUNITIES.fileName()), analysed.communities());
                return -1;
              },
              () -> {
                writeJson(staging.resolve(StageFile.MANIFEST.fileName()), manifest);
                return -1;
              });
      List<Object> written =
          Parallel.map(
              options.engine().threads(),
              files.size(),
              i -> {
                try {
                  return files.get(i).write();
                } catch (IOException e) {
                  return e;
                }
              });
      for (Object w : written) {
        if (w instanceof IOException e) {
          throw failedWriting(shown, e);
        }
      }
      rows.put(StageFile.CATALOG, (Long) written.get(0));
      rows.put(StageFile.CENTRALITIES, (Long) written.get(1));
    }
  }

  /** Work that writes the new workspace. */
  private interface Writing<T> {
    T run() throws IOException;
  }

  /** Runs work that writes the new workspace, an I/O error reported as a {@link #failedWriting}. */
  private static <T> T writing(Path shown, Writing<T> work) throws IOException {
    try {
      return work.run();
    } catch (IOException e) {
      throw failedWriting(shown, e);
    }
  }

  /** An I/O error while writing the new workspace, as the user sees it. */
  private static WorkspaceException failedWriting(Path shown, IOException e) {
    if (e instanceof WorkspaceException w) {
      return w;
    }
    return new WorkspaceException(
        shown,
        "could not write the new workspace (" + describe(e) + ")",
        "the previous workspace, if any, is unchanged",
        e);
  }

  /**
   * The save stage: the files written beside the pipeline awaited, the layout written, the folder
   * sealed and swapped in. Reports the stage's 7 units.
   */
  private static void save(
      Path staging,
      Path target,
      Path shown,
      List<Paper> papers,
      Layout layout,
      BuiltFrom builtFrom,
      Saving saving,
      Future<Void> early,
      Progress progress)
      throws IOException {
    writing(
        shown,
        () -> {
          Map<StageFile, Long> rows = saving.rows;
          await(early);
          // the import report and the index were the stage's first two units
          progress.advance(1);
          rows.put(StageFile.EDGES, await(saving.similarityFiles));
          List<String> ids = papers.stream().map(Paper::id).toList();
          rows.put(
              StageFile.LAYOUT,
              StageFiles.writeLayout(staging.resolve(StageFile.LAYOUT.fileName()), ids, layout));
          // the five units the stage reported when it wrote these files one after another
          for (int i = 0; i < 5; i++) {
            progress.advance(1);
          }
          // the marker goes last: a folder without it was never completed
          WorkspaceStore.seal(staging, papers.size(), rows, builtFrom);
          progress.advance(1);
          WorkspaceStore.swapIn(staging, target);
          return null;
        });
  }

  /** The task's result; its exception, if it threw one, thrown here as it was. */
  static <T> T await(Future<T> task) throws IOException {
    return Parallel.await(task, IOException.class);
  }

  /** Waits for a task started beside the build, if any, ignoring how it ended. */
  static void finish(Future<?> task) {
    if (task == null) {
      return;
    }
    try {
      await(task);
    } catch (IOException | RuntimeException | Error e) {
      // the build failed before it awaited the task, and reports that failure instead
    }
  }

  /** One line for an I/O error, naming the file when the exception does. */
  private static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile()
          + ": "
          + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Hashes the inputs into the manifest, each with the format it was read as: the hash {@link
   * #hash} computed (before or beside the read) when it has it, else the input's bytes hashed now.
   */
  private static void hashInputs(
      RunManifest.Builder m, List<InputSource> inputs, ImportReport report, InputHashes hashed)
      throws IOException {
    // by name, not position: an input given twice or skipped has no row of its own
    Map<String, String> formats = new HashMap<>();
    report.files().forEach(f -> formats.putIfAbsent(f.file(), f.format()));
    for (int i = 0; i < inputs.size(); i++) {
      InputSource s = inputs.get(i);
      String format = formats.get(s.name());
      if (format == null) {
        continue;
      }
      RunManifest.Input h = hashed.of(i);
      if (h != null) {
        m.input(new RunManifest.Input(s.name(), format, h.bytes(), h.sha256()));
        continue;
      }
      try (InputStream in = s.opener().open()) {
        m.input(s.name(), format, in);
      }
    }
  }

  /**
   * Starts hashing every input's bytes for the manifest on a thread of its own, beside the read
   * (which runs on one thread): the SHA-256 of the 10k benchmark's 18 MB input took ~0.5 s on the
   * main thread after the read, in code the compiler had not yet given the digest's intrinsic. With
   * one thread they are hashed before the read, on the caller's.
   */
  private static Future<InputHashes> hashBeside(List<InputSource> inputs, int threads) {
    if (threads < 2) {
      return CompletableFuture.completedFuture(hash(inputs, Progress.NONE));
    }
    return Parallel.beside(threads, "papergraph-hash", () -> hash(inputs, Progress.NONE));
  }

  /** Each input's size and SHA-256, advancing the progress by one an input. */
  private static InputHashes hash(List<InputSource> inputs, Progress progress) {
    RunManifest.Input[] out = new RunManifest.Input[inputs.size()];
    RunManifest.Builder b = RunManifest.builder();
    for (int i = 0; i < out.length; i++) {
      try (InputStream in = inputs.get(i).opener().open()) {
        b.input(inputs.get(i).name(), "", in);
        List<RunManifest.Input> done = b.build().inputs();
        out[i] = done.get(done.size() - 1);
      } catch (IOException | RuntimeException e) {
        // an input that cannot be read here is hashed after the read, if it was read at all
      }
      progress.advance(1);
    }
    return new InputHashes(out);
  }

  /** The inputs' hashes {@link #hash} computed, by input position ({@code null}: none). */
  private record InputHashes(RunManifest.Input[] byInput) {
    RunManifest.Input of(int input) {
      return byInput[input];
    }
  }

  private static RunManifest manifest(
      RunManifest.Builder m,
      ImportReport report,
      BuildOptions options,
      AnalysisStage.Result analysed,
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
    try (InputStream in =
        WorkspaceBuilder.class.getResourceAsStream("pinned-versions.properties")) {
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
    AtomicOutput.write(file, true, out -> WorkspaceStore.json().writeValue(out, value));
  }
}
