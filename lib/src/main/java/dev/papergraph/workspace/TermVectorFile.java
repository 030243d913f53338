package dev.papergraph.workspace;

import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.text.TermVectors;
import dev.papergraph.text.TextOptions;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.util.Version;

/**
 * The papers' term vectors as the build made them, in {@code term-vectors.bin}: what explaining a
 * pair that is not linked needs (weights with the corpus IDF, counts for topics and labels), so
 * that it does not analyse the text of every paper again; and what a rebuild of the same papers'
 * texts with the same text options takes instead of running the analysis chain again ({@link
 * #reusable}).
 *
 * <p>Big-endian binary (as {@link java.io.DataOutputStream} writes it): the magic {@code PGTV}, a
 * version (2; version 1 files, which end after the weights, are read too), the 32 bytes of the
 * {@link #fingerprint} of what the vectors were built from, the number of papers n, terms v and
 * non-zeros nnz; the n paper ids in doc order and the v analysed terms (each an int length and its
 * UTF-16 code units); then the int arrays df[v] and rowStart[n + 1], the int array rowTerm[nnz] and
 * the float arrays rowCount[nnz] and rowWeight[nnz]; then the occurrences the analysis kept for the
 * display forms: n bytes of kept fields, n ints (each paper's number of occurrences) and the
 * occurrences, a long each ({@link TermVectors#keptOccurrences}). About 12 bytes per non-zero and 8
 * per kept occurrence; the workspace's marker holds its checksum like every other file's.
 */
final class TermVectorFile {

  private static final int MAGIC = 0x50475456; // "PGTV"
  private static final int VERSION = 2;

  /** The version without a fingerprint and occurrences (read for explaining pairs). */
  private static final int VERSION_1 = 1;

  private static final int FINGERPRINT_BYTES = 32;

  private TermVectorFile() {}

  /** Writes the vectors. */
  static void write(Path file, TermVectors vectors) throws IOException {
    AtomicOutput.write(
        file,
        true,
        out -> {
          Out d = new Out(out);
          int n = vectors.size();
          int v = vectors.vocabularySize();
          int nnz = n == 0 ? 0 : vectors.end(n - 1);
          d.writeInt(MAGIC);
          d.writeInt(VERSION);
          d.writeBytes(fingerprint(vectors.papers(), vectors.options()));
          d.writeInt(n);
          d.writeInt(v);
          d.writeInt(nnz);
          for (Paper p : vectors.papers()) {
            d.writeString(p.id());
          }
          for (int t = 0; t < v; t++) {
            d.writeString(vectors.term(t));
          }
          for (int t = 0; t < v; t++) {
            d.writeInt(vectors.docFrequency(t));
          }
          for (int doc = 0; doc < n; doc++) {
            d.writeInt(vectors.start(doc));
          }
          d.writeInt(nnz);
          for (int p = 0; p < nnz; p++) {
            d.writeInt(vectors.termAt(p));
          }
          for (int p = 0; p < nnz; p++) {
            d.writeFloat(vectors.countAt(p));
          }
          for (int p = 0; p < nnz; p++) {
            d.writeFloat(vectors.weightAt(p));
          }
          long[][] occurrences = new long[n][];
          for (int doc = 0; doc < n; doc++) {
            d.writeBytes(new byte[] {vectors.keptOccurrenceFields(doc)});
            occurrences[doc] = vectors.keptOccurrences(doc);
          }
          for (long[] o : occurrences) {
            d.writeInt(o.length);
          }
          for (long[] o : occurrences) {
            for (long x : o) {
              d.writeLong(x);
            }
          }
          d.flush();
        });
  }

  /**
   * The bytes {@link java.io.DataOutputStream} writes (big-endian ints and floats, UTF-16 code
   * units), put into a buffer of its own: Java 17's {@code DataOutputStream} hands each int to the
   * stream byte by byte, four synchronized calls for each of the ~4 million values of a 10k
   * workspace (about 110 ms against 40 ms this way, the same bytes).
   */
  private static final class Out {
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16); // big-endian

    Out(OutputStream out) {
      this.out = out;
    }

    void writeInt(int x) throws IOException {
      room(4);
      buffer.putInt(x);
    }

    void writeLong(long x) throws IOException {
      room(8);
      buffer.putLong(x);
    }

    void writeBytes(byte[] b) throws IOException {
      for (byte x : b) {
        room(1);
        buffer.put(x);
      }
    }

    void writeFloat(float x) throws IOException {
      // floatToIntBits, as DataOutputStream (putFloat keeps a NaN's raw bits)
      writeInt(Float.floatToIntBits(x));
    }

    /** Its length, then its UTF-16 code units, so that any Java string reads back as it was. */
    void writeString(String s) throws IOException {
      writeInt(s.length());
      for (int i = 0; i < s.length(); i++) {
        room(2);
        buffer.putChar(s.charAt(i));
      }
    }

    private void room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flush();
      }
    }

    void flush() throws IOException {
      out.write(buffer.array(), 0, buffer.position());
      buffer.clear();
    }
  }

  /**
   * The identity of the code that analyses and weights the texts, so that vectors an older build of
   * papergraph wrote are never taken as what this one would make: the size and modification time of
   * the jar its classes come from (a rebuilt jar is another; the launcher names its class-data
   * archive the same way), or, for classes in a folder (tests, a developer's {@code mvn compile}),
   * the number of class files under it and the newest one's modification time (recompiling any
   * class changes it); with the Lucene and Java versions. A random value, which no saved file
   * holds, when the classes' location cannot be read.
   */
  private static final String CODE = codeIdentity();

  /**
   * The identity of the code that runs: the jar's size and time (or the class folder's newest
   * class), with Lucene's and Java's versions; one that matches nothing when it cannot be read.
   */
  static String code() {
    return CODE;
  }

  private static String codeIdentity() {
    String versions = " lucene " + Version.LATEST + " java " + Runtime.version();
    try {
      CodeSource source = TermVectors.class.getProtectionDomain().getCodeSource();
      Path where = Path.of(source.getLocation().toURI());
      if (Files.isRegularFile(where)) {
        return "jar "
            + Files.size(where)
            + " "
            + Files.getLastModifiedTime(where).toMillis()
            + versions;
      }
      if (Files.isDirectory(where)) {
        long[] newest = {0, 0};
        try (Stream<Path> files = Files.walk(where)) {
          files
              .filter(f -> f.toString().endsWith(".class"))
              .forEach(
                  f -> {
                    newest[0]++;
                    try {
                      newest[1] = Math.max(newest[1], Files.getLastModifiedTime(f).toMillis());
                    } catch (IOException e) {
                      newest[1] = Long.MAX_VALUE;
                    }
                  });
        }
        return "classes " + where + " " + newest[0] + " " + newest[1] + versions;
      }
    } catch (IOException | RuntimeException | URISyntaxException e) {
      // no identity: fall through to one that matches nothing saved
    }
    return "unknown " + UUID.randomUUID();
  }

  /**
   * What term vectors are built from, as 32 bytes (SHA-256): the version of this file and of the
   * analysis chain ({@link PaperIndex#ANALYSIS_VERSION}), the identity of the code ({@link #CODE}),
   * the text options (with the whole stop word list and thesaurus, not only their digests), and
   * each paper's id, title and abstract in doc order. Vectors built from papers and options of the
   * same fingerprint are the same.
   */
  static byte[] fingerprint(List<Paper> papers, TextOptions options) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
    update(
        sha,
        "papergraph term vectors "
            + VERSION
            + ", analysis "
            + PaperIndex.ANALYSIS_VERSION
            + ", code "
            + CODE
            + "\n"
            + options.toMap("")
            + "\n"
            + options.stopWords()
            + "\n"
            + options.thesaurus());
    ByteBuffer count = ByteBuffer.allocate(4);
    sha.update(count.putInt(0, papers.size()).array());
    for (Paper p : papers) {
      update(sha, p.id());
      update(sha, p.title());
      update(sha, p.abstractText());
    }
    return sha.digest();
  }

  /** Adds a string (null apart from any string) to the digest: its UTF-8 length, then its bytes. */
  private static void update(MessageDigest sha, String s) {
    byte[] b = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(s == null ? -1 : b.length).array());
    sha.update(b);
  }

  /**
   * The vectors a saved workspace holds, when they were built from these papers' texts (their ids,
   * titles and abstracts, in this order) with these text options, with the occurrences their
   * analysis kept: what {@link TermVectors#build} would make of them, for a rebuild, without
   * analysing a text. Empty when there is no workspace, it is damaged, its vectors were built from
   * other texts or options or saved by an older version, or they do not read back.
   *
   * @param folder the workspace folder being rebuilt
   */
  static Optional<TermVectors> reusable(Path folder, List<Paper> papers, TextOptions options)
      throws IOException {
    if (!Files.isRegularFile(folder.resolve(WorkspaceStore.MARKER))) {
      return Optional.empty();
    }
    try {
      WorkspaceStore s = WorkspaceStore.open(folder);
      if (!s.has(StageFile.VECTORS)) {
        return Optional.empty();
      }
      try (InputStream in = s.open(StageFile.VECTORS)) {
        return Optional.ofNullable(
            read(in, s.bytes(StageFile.VECTORS), papers, options, fingerprint(papers, options)));
      }
    } catch (WorkspaceException | IllegalArgumentException e) {
      // a saved workspace that cannot be read is replaced by the build, which analyses the texts
      return Optional.empty();
    }
  }

  /**
   * Reads the vectors back over the workspace's papers.
   *
   * @param in the file's content, read to its end (so a verifying stream checks it) and closed
   * @param size the file's size in bytes, which bounds every count it holds
   * @param papers the workspace's papers, in any order: each saved id must be one of them
   * @param options the text options the workspace was built with
   * @throws IllegalArgumentException if the content does not parse or does not fit the papers
   */
  static TermVectors read(InputStream in, long size, List<Paper> papers, TextOptions options)
      throws IOException {
    return read(in, size, papers, options, null);
  }

  /**
   * Reads the vectors back as {@link #read(InputStream, long, List, TextOptions)} does, when they
   * were built from what has this fingerprint.
   *
   * @param fingerprint the {@link #fingerprint} the file must hold, {@code null} for any
   * @return the vectors, or {@code null} when the file holds another fingerprint or none (then read
   *     no further)
   */
  private static TermVectors read(
      InputStream in, long size, List<Paper> papers, TextOptions options, byte[] fingerprint)
      throws IOException {
    try (DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
      if (d.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a term vector file");
      }
      int version = d.readInt();
      if (version != VERSION && version != VERSION_1) {
        throw new IllegalArgumentException("term vector file version " + version);
      }
      if (version == VERSION) {
        byte[] saved = new byte[FINGERPRINT_BYTES];
        d.readFully(saved);
        if (fingerprint != null && !Arrays.equals(saved, fingerprint)) {
          return null;
        }
      } else if (fingerprint != null) {
        return null;
      }
      int n = count(d.readInt(), "papers");
      int v = count(d.readInt(), "terms");
      int nnz = count(d.readInt(), "non-zeros");
      if (4L * n + 8L * v + 12L * nnz > size) {
        throw new IllegalArgumentException("counts larger than the file");
      }
      if (n != papers.size()) {
        throw new IllegalArgumentException(n + " papers, " + papers.size() + " expected");
      }
      Map<String, Paper> byId = new HashMap<>(papers.size() * 2);
      papers.forEach(p -> byId.put(p.id(), p));
      List<Paper> ordered = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String id = readString(d, size);
        Paper p = byId.get(id);
        if (p == null) {
          throw new IllegalArgumentException("holds the unknown paper " + id);
        }
        ordered.add(p);
      }
      String[] terms = new String[v];
      for (int t = 0; t < v; t++) {
        terms[t] = readString(d, size);
      }
      int[] df = ints(d, v);
      int[] rowStart = ints(d, n + 1);
      int[] rowTerm = ints(d, nnz);
      float[] rowCount = floats(d, nnz);
      float[] rowWeight = floats(d, nnz);
      long[][] occurrences = null;
      byte[] fields = null;
      if (version == VERSION) {
        fields = new byte[n];
        d.readFully(fields);
        int[] counts = ints(d, n);
        occurrences = new long[n][];
        long left = size;
        for (int doc = 0; doc < n; doc++) {
          left -= 8L * count(counts[doc], "occurrences");
          if (left < 0) {
            throw new IllegalArgumentException("counts larger than the file");
          }
          occurrences[doc] = longs(d, counts[doc]);
        }
      }
      if (d.read() != -1) {
        throw new IllegalArgumentException("has bytes after its end");
      }
      return TermVectors.restore(
          ordered, options, terms, df, rowStart, rowTerm, rowCount, rowWeight, occurrences, fields);
    } catch (EOFException e) {
      throw new IllegalArgumentException("is cut short", e);
    }
  }

  private static int count(int c, String what) {
    if (c < 0) {
      throw new IllegalArgumentException("a negative number of " + what);
    }
    return c;
  }

  private static String readString(DataInputStream d, long size) throws IOException {
    int length = count(d.readInt(), "characters");
    if (2L * length > size) {
      throw new IllegalArgumentException("a string longer than the file");
    }
    char[] c = new char[length];
    for (int i = 0; i < length; i++) {
      c[i] = d.readChar();
    }
    return new String(c);
  }

  /** Takes {@code k} values from a buffer into an array from index {@code at}. */
  private interface Chunk {
    void take(ByteBuffer values, int at, int k);
  }

  /**
   * Reads {@code length} big-endian values of {@code width} bytes a buffer at a time, each buffer
   * converted in bulk by {@code chunk} (reading them one by one was most of the time spent here).
   */
  private static void bulk(DataInputStream d, int length, int width, Chunk chunk)
      throws IOException {
    byte[] b = new byte[(int) Math.min(1 << 16, (long) width * length)];
    for (int done = 0; done < length; ) {
      int k = Math.min(length - done, b.length / width);
      d.readFully(b, 0, width * k);
      chunk.take(ByteBuffer.wrap(b, 0, width * k), done, k);
      done += k;
    }
  }

  private static int[] ints(DataInputStream d, int length) throws IOException {
    int[] a = new int[length];
    bulk(d, length, 4, (b, at, k) -> b.asIntBuffer().get(a, at, k));
    return a;
  }

  /** Big-endian floats (each as {@link DataInputStream#readFloat} reads it). */
  private static float[] floats(DataInputStream d, int length) throws IOException {
    float[] a = new float[length];
    bulk(d, length, 4, (b, at, k) -> b.asFloatBuffer().get(a, at, k));
    return a;
  }

  private static long[] longs(DataInputStream d, int length) throws IOException {
    long[] a = new long[length];
    bulk(d, length, 8, (b, at, k) -> b.asLongBuffer().get(a, at, k));
    return a;
  }
}
