package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.CorpusBuilder;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.NativeCorpus;
import dev.papergraph.read.Readers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The on-disk workspace that ties the pipeline stages together, by default {@code ./.papergraph}.
 * {@link #build} runs the stages over the inputs and saves what each produced; {@link #open} loads a
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
 * papers.jsonl        the papers, papergraph's native corpus format (JSON Lines)
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
  static final String PAPERS = "papers.jsonl";

  private static final String ADVICE_BUILD = "build one with `papergraph build [INPUT...]`";

  static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final Path dir;
  private final RunManifest manifest;
  private final Lazy<ImportReport> report;
  private final Lazy<List<Paper>> papers;
  private final Lazy<Map<String, Paper>> byId;
  private final Lazy<PaperLookup> lookup;

  private Workspace(Path dir, RunManifest manifest, Lazy<ImportReport> report, Lazy<List<Paper>> papers) {
    this.dir = dir;
    this.manifest = manifest;
    this.report = report;
    this.papers = papers;
    this.byId = new Lazy<>(() -> {
      Map<String, Paper> m = new LinkedHashMap<>();
      for (Paper p : this.papers.get()) {
        m.put(p.id(), p);
      }
      return Collections.unmodifiableMap(m);
    });
    this.lookup = new Lazy<>(() -> new PaperLookup(this.papers.get()));
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
    String created = Instant.now().toString();

    progress.start("read", inputs.size());
    Readers readers = Readers.standard();
    CorpusBuilder builder = new CorpusBuilder();
    for (InputSource source : inputs) {
      readers.read(source, options.format(), builder);
      progress.advance(1);
    }
    Corpus corpus = builder.build();
    progress.finish();

    ImportReport report = corpus.report();
    RunManifest manifest = manifest(created, inputs, report, corpus, options);

    progress.start("save", 3);
    Files.createDirectories(target.getParent());
    Path staging = Files.createDirectory(sibling(target, "building"));
    try {
      writeJson(staging.resolve(REPORT), report);
      progress.advance(1);
      NativeCorpus.writeJsonl(corpus.papers(), staging.resolve(PAPERS), true);
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
    List<Paper> list = corpus.papers();
    return new Workspace(target, manifest, Lazy.of(report), Lazy.of(list));
  }

  /**
   * Opens a saved workspace. Only the manifest is read now; the other parts when first used.
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
    JsonNode tag = readJson(dir, marker, JsonNode.class);
    if (!FORMAT_TAG.equals(tag.path("format").asText())) {
      throw new WorkspaceException(dir, "not a papergraph workspace (" + MARKER + " says otherwise)",
          "point --workspace at a workspace or " + ADVICE_BUILD);
    }
    int version = tag.path("version").asInt(-1);
    if (version < 1 || version > VERSION) {
      throw new WorkspaceException(dir, "workspace layout version " + version + " (this papergraph reads 1 to "
          + VERSION + ")", "rebuild it with `papergraph build`");
    }
    RunManifest manifest = readJson(dir, target.resolve(MANIFEST), RunManifest.class);
    Lazy<ImportReport> report = new Lazy<>(() -> readJson(dir, target.resolve(REPORT), ImportReport.class));
    Lazy<List<Paper>> papers = new Lazy<>(() -> readPapers(dir, target.resolve(PAPERS)));
    return new Workspace(target, manifest, report, papers);
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
  public RunManifest manifest() {
    return manifest;
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

  /** Finds papers by id, DOI, arXiv id or title fragment. */
  public PaperLookup lookup() throws IOException {
    return lookup.get();
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

  private static RunManifest manifest(String created, List<InputSource> inputs, ImportReport report, Corpus corpus,
      BuildOptions options) throws IOException {
    List<RunManifest.Input> in = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      InputSource s = inputs.get(i);
      String format = i < report.files().size() ? report.files().get(i).format() : "";
      in.add(digest(s, format));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("records.read", report.read());
    counts.put("records.imported", report.imported());
    counts.put("records.merged", report.merged());
    counts.put("records.rejected", report.rejected());
    counts.put("papers", (long) corpus.size());
    Properties v = versions();
    Map<String, String> libraries = new LinkedHashMap<>();
    for (String lib : List.of("lucene", "jgrapht", "networkanalysis", "jackson")) {
      libraries.put(lib, v.getProperty(lib, "unknown"));
    }
    libraries.put("java", System.getProperty("java.version"));
    return new RunManifest("papergraph " + v.getProperty("papergraph", "dev"), created, in, counts,
        options.parameters(), libraries);
  }

  private static RunManifest.Input digest(InputSource source, String format) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
    long bytes = 0;
    try (InputStream in = new DigestInputStream(source.opener().open(), sha)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        bytes += n;
      }
    }
    return new RunManifest.Input(source.name(), format, bytes, HexFormat.of().formatHex(sha.digest()));
  }

  private static Properties versions() {
    Properties p = new Properties();
    try (InputStream in = Workspace.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled versions.properties", e);
    }
    return p;
  }

  static void writeJson(Path file, Object value) throws IOException {
    AtomicOutput.write(file, true, out -> JSON.writeValue(out, value));
  }

  // ---- opening

  private static <T> T readJson(Path dir, Path file, Class<T> type) throws IOException {
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + file.getFileName() + " is missing",
          "rebuild it with `papergraph build`", e);
    } catch (JsonProcessingException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + file.getFileName() + " does not parse ("
          + e.getOriginalMessage() + ")", "rebuild it with `papergraph build`", e);
    }
  }

  private static List<Paper> readPapers(Path dir, Path file) throws IOException {
    List<Paper> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long line = 0;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          out.add(NativeCorpus.mapper().readValue(text, Paper.class));
        } catch (JsonProcessingException e) {
          throw new WorkspaceException(dir, "damaged workspace: " + PAPERS + " line " + line + " does not parse",
              "rebuild it with `papergraph build`", e);
        }
      }
    } catch (NoSuchFileException e) {
      throw new WorkspaceException(dir, "damaged workspace: " + PAPERS + " is missing",
          "rebuild it with `papergraph build`", e);
    }
    return Collections.unmodifiableList(out);
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

    synchronized T get() throws IOException {
      if (source != null) {
        value = source.get();
        source = null;
      }
      return value;
    }
  }
}
