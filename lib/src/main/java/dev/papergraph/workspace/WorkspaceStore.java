package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.papergraph.io.AtomicOutput;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The workspace folder on disk: the marker that makes a folder a workspace, the checksums that tell
 * a whole workspace from a damaged one, the test that decides which folders papergraph may replace,
 * the lock that keeps two builds apart, and the swap that installs a new workspace with recovery
 * after a crash.
 *
 * <p><b>The marker</b> {@code workspace.json} holds a format id, a layout version, the number of
 * papers and, for every other file of the folder (the {@link StageFile}s and the Lucene index
 * files), its size, CRC32C and row count. It is written last: a folder without it was never
 * completed. It is read with Jackson's streaming parser, so opening a workspace stays cheap; each
 * file is checked against it when first read (its size at once, its checksum as it streams), so a
 * query pays only for the files it reads.
 *
 * <p><b>Ownership.</b> A build replaces a folder only when it is empty or papergraph made it: its
 * marker carries papergraph's format id and every entry is a registered stage file or a Lucene
 * index file. Anything else is refused before anything is read or written.
 *
 * <p><b>Swap and recovery.</b> A build writes {@code .NAME.building-PID-N} beside the workspace,
 * seals it, renames the workspace to {@code .NAME.old-PID-N}, renames the new folder into place and
 * deletes the old one. Every build runs under the lock {@code .NAME.lock} (an OS file lock,
 * released by the OS when a process dies); under it the leftovers of killed builds are deleted and
 * a workspace lost between the two renames is restored from its {@code .old} copy, also when a
 * query opens it.
 */
final class WorkspaceStore {

  /** The value of the marker's {@code format} field. */
  static final String FORMAT_TAG = "papergraph-workspace";

  /** The layout version written: stage files escaped, every file checksummed in the marker. */
  static final int VERSION = 2;

  /** The oldest layout version read (version 1 had no checksums: rebuild it). */
  static final int MIN_VERSION = 2;

  static final String MARKER = "workspace.json";
  static final String INDEX = "index";

  static final String ADVICE_BUILD = "build one with `papergraph build [INPUT...]`";
  static final String ADVICE_REBUILD = "rebuild it with `papergraph build`";

  /**
   * The mapper of the workspace's JSON files, created on first use: queries that read only columns
   * never pay for it. Our own files are read without Jackson's default string length limit: they
   * hold what the readers accepted, whatever its size.
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

  /** The mapper of the workspace's JSON files (manifest, report, communities, engine options). */
  static ObjectMapper json() {
    return Json.MAPPER;
  }

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /**
   * Reads our own JSON files without a string length limit, as {@link #json()} does; made on first
   * use (an answer such as {@code rank} reads no JSON file but the marker).
   */
  private static final class UnlimitedJson {
    static final JsonFactory FACTORY =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
  }

  /** A streaming parser over one of the workspace's JSON files, with {@link #json()}'s limits. */
  static JsonParser jsonParser(byte[] json) throws IOException {
    return UnlimitedJson.FACTORY.createParser(json);
  }

  /**
   * The names of the files a workspace folder may hold besides its stage files, compiled on first
   * use: a build (checking the folder it replaces) or the restore of what a killed build left
   * matches them, an answer on a workspace does not.
   */
  private static final class FileNames {
    /** Lucene's file names: segments files, per-segment files, the write lock. */
    static final Pattern LUCENE_FILE =
        Pattern.compile(
            "(pending_)?segments_[0-9a-z]+|write\\.lock|_[0-9a-z]+[0-9A-Za-z_\\-]*\\.[0-9A-Za-z]+");

    /**
     * What {@link AtomicOutput} leaves of a killed write: {@code .NAME.DIGITS.tmp} or {@code
     * .mode}.
     */
    static final Pattern ATOMIC_LEFTOVER = Pattern.compile("\\.(.+)\\.\\d+\\.(tmp|mode)");
  }

  /**
   * The size, checksum and row count of one file of the workspace.
   *
   * @param bytes the size in bytes
   * @param crc32c the CRC32C of the content
   * @param rows the data rows (lines after the header) of a table, or -1
   */
  record FileSum(long bytes, long crc32c, long rows) {}

  /**
   * What the marker says.
   *
   * @param version the layout version
   * @param papers the number of papers in the index
   * @param files every file of the folder but the marker, by its path relative to the folder
   *     ({@code index/segments_2})
   * @param builtFrom what a build made it from, or {@code null} (grown by {@code --add}, or written
   *     before the marker recorded it)
   */
  record Marker(int version, long papers, Map<String, FileSum> files, BuiltFrom builtFrom) {}

  private final Path dir;
  private final Path shownDir;
  private final Marker marker;

  private WorkspaceStore(Path dir, Path shownDir, Marker marker) {
    this.dir = dir;
    this.shownDir = shownDir;
    this.marker = marker;
  }

  // ---- opening and reading

  /**
   * Opens the workspace in {@code dir}: reads and checks its marker, restoring a workspace that a
   * killed build left at {@code .NAME.old-*} first. Nothing else is read.
   *
   * @throws WorkspaceException if there is no workspace, one of another layout version, or the
   *     marker is damaged
   */
  static WorkspaceStore open(Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !leftovers(target, "old").isEmpty()) {
      try (BuildLock lock = BuildLock.acquire(target, "restore")) {
        recover(target);
      }
    }
    Path markerFile = target.resolve(MARKER);
    if (!Files.isRegularFile(markerFile)) {
      String problem =
          Files.isDirectory(target) ? "no papergraph workspace" : "no workspace folder";
      throw new WorkspaceException(dir, problem, ADVICE_BUILD);
    }
    Marker m =
        readMarker(markerFile)
            .orElseThrow(
                () ->
                    new WorkspaceException(
                        dir,
                        "not a papergraph workspace (" + MARKER + " says otherwise)",
                        "point --workspace at a workspace or " + ADVICE_BUILD));
    if (m.version() < MIN_VERSION || m.version() > VERSION) {
      throw new WorkspaceException(
          dir,
          "workspace layout version "
              + m.version()
              + " (this papergraph reads "
              + MIN_VERSION
              + " to "
              + VERSION
              + ")",
          ADVICE_REBUILD);
    }
    return new WorkspaceStore(target, dir, m);
  }

  /** The folder (absolute). */
  Path dir() {
    return dir;
  }

  /** The folder as the user named it, for messages. */
  Path shownDir() {
    return shownDir;
  }

  /** The number of papers the marker records. */
  long papers() {
    return marker.papers();
  }

  /** The path of a stage file (not checked). */
  Path path(StageFile f) {
    return dir.resolve(f.fileName());
  }

  /** The rows recorded for a stage file, or -1. */
  long rows(StageFile f) {
    FileSum s = marker.files().get(f.fileName());
    return s == null ? -1 : s.rows();
  }

  /** The size in bytes the marker records for a stage file, or -1. */
  long bytes(StageFile f) {
    FileSum s = marker.files().get(f.fileName());
    return s == null ? -1 : s.bytes();
  }

  /** What a build made the workspace from, if the marker records it. */
  Optional<BuiltFrom> builtFrom() {
    return Optional.ofNullable(marker.builtFrom());
  }

  /**
   * Whether every file the marker records is there with the size it records (their checksums are
   * checked when they are read, not here).
   */
  boolean filesInPlace() throws IOException {
    for (Map.Entry<String, FileSum> e : marker.files().entrySet()) {
      Path file = dir.resolve(e.getKey());
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.size(file) != e.getValue().bytes()) {
        return false;
      }
    }
    return true;
  }

  /** Whether the marker records this stage file (optional stages may be absent). */
  boolean has(StageFile f) {
    return marker.files().containsKey(f.fileName());
  }

  /**
   * Opens a stage file for reading: its size is checked now, its checksum when the stream reaches
   * its end (which then throws rather than report the end), so a reader that reads to the end never
   * returns what a damaged file holds.
   *
   * @throws WorkspaceException if the file is missing, not recorded, or of another size
   */
  InputStream open(StageFile f) throws IOException {
    return openVerified(f.fileName());
  }

  /** The whole content of a stage file, verified. */
  byte[] readAll(StageFile f) throws IOException {
    try (InputStream in = open(f)) {
      return in.readAllBytes();
    }
  }

  private InputStream openVerified(String name) throws IOException {
    FileSum sum = marker.files().get(name);
    if (sum == null) {
      throw damaged(name, "not recorded in " + MARKER);
    }
    Path file = dir.resolve(name);
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw damaged(name, "missing");
    }
    if (size != sum.bytes()) {
      throw damaged(name, size + " bytes, " + sum.bytes() + " expected");
    }
    return new Verifying(Files.newInputStream(file), name, sum);
  }

  /**
   * Checks every file of the Lucene index against the marker (size and CRC32C, reading each once)
   * and that the marker records a segments file: a Lucene index missing {@code segments_N} would
   * otherwise open as an empty one.
   *
   * @return the index folder
   * @throws WorkspaceException naming the first file that is missing or differs
   */
  Path verifiedIndex() throws IOException {
    boolean segments = false;
    byte[] buffer = new byte[1 << 16];
    for (Map.Entry<String, FileSum> e : marker.files().entrySet()) {
      if (!e.getKey().startsWith(INDEX + "/")) {
        continue;
      }
      segments |= e.getKey().startsWith(INDEX + "/segments_");
      try (InputStream in = openVerified(e.getKey())) {
        while (in.read(buffer) >= 0) {
          // the stream checks the checksum at its end
        }
      }
    }
    if (!segments) {
      throw damaged(INDEX + "/", "no segments file recorded");
    }
    return dir.resolve(INDEX);
  }

  /** A damaged-workspace error naming the file and the reason. */
  WorkspaceException damaged(String file, String reason) {
    return damaged(shownDir, file, reason, null);
  }

  static WorkspaceException damaged(Path dir, String file, String reason, Throwable cause) {
    return new WorkspaceException(
        dir, "damaged workspace: " + file + " (" + reason + ")", ADVICE_REBUILD, cause);
  }

  /** Counts and checksums what it reads; at the end compares them with the marker's. */
  private final class Verifying extends FilterInputStream {
    private final String name;
    private final FileSum sum;
    private final CRC32C crc = new CRC32C();
    private long count;
    private boolean checked;

    Verifying(InputStream in, String name, FileSum sum) {
      super(in);
      this.name = name;
      this.sum = sum;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) {
        check();
      } else {
        crc.update(b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0) {
        check();
      } else {
        crc.update(b, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipped bytes must still be checksummed
      byte[] b = new byte[(int) Math.min(n, 8192)];
      int read = read(b, 0, b.length);
      return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void check() throws WorkspaceException {
      if (checked) {
        return;
      }
      checked = true;
      if (count != sum.bytes()) {
        throw damaged(name, count + " bytes read, " + sum.bytes() + " expected");
      }
      if (crc.getValue() != sum.crc32c()) {
        throw damaged(
            name, "checksum " + hex(crc.getValue()) + ", " + hex(sum.crc32c()) + " expected");
      }
    }
  }

  // ---- the marker

  /**
   * Reads a marker with the streaming parser.
   *
   * @return the marker, or empty when the file is not papergraph's (no such format id, or it does
   *     not parse)
   */
  static Optional<Marker> readMarker(Path markerFile) throws IOException {
    String format = null;
    int version = -1;
    long papers = -1;
    BuiltFrom builtFrom = null;
    Map<String, FileSum> files = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(markerFile.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "format" -> format = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "version" -> version = p.getValueAsInt(-1);
          case "papers" -> papers = p.getValueAsLong(-1);
          case "builtFrom" -> builtFrom = readBuiltFrom(p, value);
          case "files" -> {
            if (value != JsonToken.START_OBJECT) {
              return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
              }
              long bytes = -1;
              long crc = -1;
              long rows = -1;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                  case "bytes" -> bytes = p.getValueAsLong(-1);
                  case "crc32c" -> crc = parseHex(p.getValueAsString(""));
                  case "rows" -> rows = p.getValueAsLong(-1);
                  default -> p.skipChildren();
                }
              }
              if (bytes < 0 || crc < 0) {
                return Optional.empty();
              }
              files.put(name, new FileSum(bytes, crc, rows));
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (!FORMAT_TAG.equals(format)) {
      return Optional.empty();
    }
    return Optional.of(new Marker(version, papers, Collections.unmodifiableMap(files), builtFrom));
  }

  /** The marker's "builtFrom" object; {@code null} when it is not one with both digests. */
  private static BuiltFrom readBuiltFrom(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    String settings = null;
    String inputs = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      p.nextToken();
      switch (k) {
        case "settings" -> settings = p.getValueAsString();
        case "inputs" -> inputs = p.getValueAsString();
        default -> p.skipChildren();
      }
    }
    return settings == null || inputs == null ? null : new BuiltFrom(settings, inputs);
  }

  private static long parseHex(String s) {
    try {
      return s.length() == 8 ? Long.parseLong(s, 16) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String hex(long crc) {
    return String.format("%08x", crc);
  }

  /**
   * Completes a staging folder: checksums every file in it (the stage files and the index) and
   * writes the marker, last, so that a folder without a marker is known to be incomplete.
   *
   * @param papers the number of papers in the index
   * @param rows the data rows of each table file
   * @param builtFrom what a build made the folder from, or {@code null} (not recorded)
   */
  static void seal(Path staging, long papers, Map<StageFile, Long> rows, BuiltFrom builtFrom)
      throws IOException {
    Map<String, FileSum> files = new TreeMap<>();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(staging)) {
      all = walk.filter(Files::isRegularFile).toList();
    }
    byte[] buffer = new byte[1 << 16];
    for (Path f : all) {
      String name = staging.relativize(f).toString().replace('\\', '/');
      if (name.equals(MARKER) || name.equals(INDEX + "/write.lock")) {
        continue;
      }
      CRC32C crc = new CRC32C();
      long bytes = 0;
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          crc.update(buffer, 0, n);
          bytes += n;
        }
      }
      long r = StageFile.byName(name).map(s -> rows.getOrDefault(s, -1L)).orElse(-1L);
      files.put(name, new FileSum(bytes, crc.getValue(), r));
    }
    AtomicOutput.write(
        staging.resolve(MARKER),
        true,
        out -> {
          try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT_TAG);
            g.writeNumberField("version", VERSION);
            g.writeNumberField("papers", papers);
            if (builtFrom != null) {
              g.writeObjectFieldStart("builtFrom");
              g.writeStringField("settings", builtFrom.settings());
              g.writeStringField("inputs", builtFrom.inputs());
              g.writeEndObject();
            }
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, FileSum> e : files.entrySet()) {
              g.writeObjectFieldStart(e.getKey());
              g.writeNumberField("bytes", e.getValue().bytes());
              g.writeStringField("crc32c", hex(e.getValue().crc32c()));
              if (e.getValue().rows() >= 0) {
                g.writeNumberField("rows", e.getValue().rows());
              }
              g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
          }
        });
    syncFolder(staging);
  }

  // ---- what papergraph may replace

  /**
   * Checks that a build may replace {@code target}: it is missing, an empty folder, or a folder
   * papergraph made whose every entry is its own; and that it is writable, so that a build never
   * installs a workspace it then cannot finish replacing.
   *
   * @throws WorkspaceException naming what is in the way
   */
  static void checkReplaceable(Path target, Path shown) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new WorkspaceException(
          shown, "a file is in the way", "choose another --workspace folder");
    }
    List<String> entries = entries(target);
    if (entries.isEmpty()) {
      checkWritable(target, shown);
      return;
    }
    Optional<String> foreign = foreignEntry(target, entries, true);
    if (foreign.isPresent()) {
      throw new WorkspaceException(
          shown,
          "a folder with other content is in the way",
          "it holds "
              + foreign.get()
              + ", which papergraph did not write; choose another --workspace folder"
              + " (papergraph replaces only its own workspaces and never deletes anything else)");
    }
    checkWritable(target, shown);
    Path index = target.resolve(INDEX);
    if (Files.isDirectory(index, LinkOption.NOFOLLOW_LINKS)) {
      checkWritable(index, shown);
    }
  }

  /**
   * The first entry of a folder that shows papergraph did not make it, described for a message;
   * empty when every entry is papergraph's.
   *
   * @param needMarker whether the folder must hold a papergraph marker (a complete workspace), or
   *     may be a staging folder without one
   */
  private static Optional<String> foreignEntry(
      Path folder, List<String> entries, boolean needMarker) throws IOException {
    if (entries.contains(MARKER)) {
      Path marker = folder.resolve(MARKER);
      if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) || readMarker(marker).isEmpty()) {
        return Optional.of(MARKER + " (not a papergraph workspace marker)");
      }
    } else if (needMarker) {
      return Optional.of(entries.get(0) + " (and no papergraph " + MARKER + ")");
    }
    for (String name : entries) {
      Path p = folder.resolve(name);
      if (name.equals(INDEX) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        for (String f : entries(p)) {
          if (!FileNames.LUCENE_FILE.matcher(f).matches()
              || !Files.isRegularFile(p.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(INDEX + "/" + f);
          }
        }
        continue;
      }
      // the embeddings cache (EmbeddingStore): one .f32 file per model
      if (name.equals(EmbeddingStore.FOLDER) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        for (String f : entries(p)) {
          if (!f.endsWith(".f32")
              || !Files.isRegularFile(p.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(EmbeddingStore.FOLDER + "/" + f);
          }
        }
        continue;
      }
      boolean own = name.equals(MARKER) || StageFile.byName(name).isPresent();
      if (!own && !needMarker) {
        var m = FileNames.ATOMIC_LEFTOVER.matcher(name);
        own =
            m.matches() && (m.group(1).equals(MARKER) || StageFile.byName(m.group(1)).isPresent());
      }
      if (!own || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * Refuses a folder whose owner-write permission is off (a user's way of saying "keep this"), or
   * that this process cannot write: its replacement could be installed but the old copy not
   * deleted. Checked before anything is written.
   */
  private static void checkWritable(Path folder, Path shown) throws IOException {
    boolean writable = Files.isWritable(folder);
    if (writable && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      writable =
          Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS)
              .contains(PosixFilePermission.OWNER_WRITE);
    }
    if (!writable) {
      throw new WorkspaceException(
          shown,
          "the workspace folder " + folder.getFileName() + " is read-only",
          "make it writable (chmod -R u+w) to rebuild it; nothing was changed");
    }
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- building: staging, swap, recovery

  /** A new staging folder beside the target. */
  static Path createStaging(Path target) throws IOException {
    return Files.createDirectory(sibling(target, "building"));
  }

  /**
   * Installs a sealed staging folder as the workspace: renames the workspace (if any) aside,
   * renames the staging folder into place, then deletes the old workspace. Must run under the build
   * lock. A kill between the renames leaves the old workspace at {@code .NAME.old-*}, which the
   * next open or build restores.
   */
  static void swapIn(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      old = sibling(target, "old");
      move(target, old);
    }
    move(staging, target);
    syncFolder(target.getParent());
    if (old != null) {
      try {
        deleteTree(old);
      } catch (IOException e) {
        // the new workspace is installed and complete; the old copy is a leftover of ours that the
        // next build deletes (checkReplaceable made sure it is writable, so this is rare)
        return;
      }
    }
  }

  /**
   * Restores a workspace lost between the two renames of a swap and deletes what killed builds left
   * beside {@code target}: staging folders and old copies that hold only papergraph's files. Must
   * run under the build lock, so no build that made them is still running.
   */
  static void recover(Path target) throws IOException {
    List<Path> olds = new ArrayList<>(leftovers(target, "old"));
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      // the newest complete old copy is the workspace the killed build was replacing
      Path best = null;
      FileTime bestTime = null;
      for (Path old : olds) {
        Path m = old.resolve(MARKER);
        if (Files.isRegularFile(m)
            && readMarker(m).isPresent()
            && foreignEntry(old, entries(old), true).isEmpty()) {
          FileTime t = Files.getLastModifiedTime(m);
          if (best == null || t.compareTo(bestTime) > 0) {
            best = old;
            bestTime = t;
          }
        }
      }
      if (best != null) {
        move(best, target);
        syncFolder(target.getParent());
        olds.remove(best);
      }
    }
    List<Path> stale = new ArrayList<>(olds);
    stale.addAll(leftovers(target, "building"));
    for (Path p : stale) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
          && foreignEntry(p, entries(p), false).isEmpty()) {
        deleteTree(p);
      }
    }
  }

  /**
   * The folders beside {@code target} named as a build names its staging ({@code role} "building")
   * or old copy ("old").
   */
  static List<Path> leftovers(Path target, String role) throws IOException {
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return List.of();
    }
    Pattern name =
        Pattern.compile(
            Pattern.quote("." + target.getFileName() + "." + role + "-") + "\\d+-[0-9a-f]+");
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
  }

  /**
   * A fresh name next to the target (created with the user's usual permissions, unlike a temp dir).
   */
  private static Path sibling(Path target, String role) {
    return target.resolveSibling(
        "."
            + target.getFileName()
            + "."
            + role
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + Long.toHexString(System.nanoTime() ^ ThreadLocalRandom.current().nextLong() >>> 1));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Makes the entries of a folder (renames, new files) durable where the OS allows it. */
  static void syncFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some systems cannot open or sync a folder; the data files themselves are synced
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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

  // ---- the lock

  /**
   * The build lock of a workspace: an OS lock on {@code .NAME.lock} beside it, so that a second
   * build (in any process) is refused at once and a killed build's lock vanishes with it. The lock
   * file is deleted on release. POSIX locks belong to a process and vanish when any of its
   * descriptors of the file is closed, so the file is never opened twice by this process (a set of
   * held lock files guards it), and whether the path still names the locked file is checked by its
   * file key (a stat), not by opening it: a process that locked a file another process deleted
   * meanwhile notices and tries again.
   */
  static final class BuildLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private BuildLock(Path file, FileChannel channel, FileLock lock) {
      this.file = file;
      this.channel = channel;
      this.lock = lock;
    }

    /**
     * Takes the lock of the workspace {@code target}.
     *
     * @param what what the lock is for ("build", "restore"), written into the lock file
     * @throws WorkspaceException if another build holds it
     */
    static BuildLock acquire(Path target, String what) throws IOException {
      Path file =
          target.resolveSibling("." + target.getFileName() + ".lock").toAbsolutePath().normalize();
      Files.createDirectories(file.getParent());
      if (!HELD.add(file)) {
        throw refused(target, " (process " + ProcessHandle.current().pid() + ")");
      }
      boolean done = false;
      try {
        for (int attempt = 0; attempt < 100; attempt++) {
          Object before = key(file);
          FileChannel ch =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock;
          try {
            lock = ch.tryLock();
          } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
          }
          if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw refused(target, holder);
          }
          if (before != null && before.equals(key(file))) {
            ch.truncate(0);
            ch.write(
                ByteBuffer.wrap(
                    ("pid " + ProcessHandle.current().pid() + " " + what + "\n")
                        .getBytes(StandardCharsets.UTF_8)),
                0);
            done = true;
            return new BuildLock(file, ch, lock);
          }
          // we created the file (nothing to compare yet), or its holder deleted it meanwhile: again
          lock.release();
          ch.close();
        }
        throw new IOException(file + ": could not take the build lock");
      } finally {
        if (!done) {
          HELD.remove(file);
        }
      }
    }

    private static WorkspaceException refused(Path target, String holder) {
      return new WorkspaceException(
          target,
          "another papergraph build is writing this workspace" + holder,
          "wait for it to finish, or build into another --workspace");
    }

    /**
     * The identity of the file at a path (device and inode on POSIX), without opening it; null when
     * missing.
     */
    private static Object key(Path file) throws IOException {
      try {
        var attrs =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attrs.fileKey() != null ? attrs.fileKey() : attrs.creationTime();
      } catch (NoSuchFileException e) {
        return null;
      }
    }

    private static String holder(FileChannel ch) {
      try {
        ByteBuffer b = ByteBuffer.allocate(200);
        ch.read(b, 0);
        String[] words =
            new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim().split(" ");
        return words.length >= 2 && words[0].equals("pid") ? " (process " + words[1] + ")" : "";
      } catch (IOException e) {
        return "";
      }
    }

    @Override
    public void close() throws IOException {
      try {
        // deleted while still locked: a process waiting on this file finds it gone and starts again
        Files.deleteIfExists(file);
      } finally {
        try {
          lock.release();
        } finally {
          try {
            channel.close();
          } finally {
            HELD.remove(file);
          }
        }
      }
    }
  }
}
