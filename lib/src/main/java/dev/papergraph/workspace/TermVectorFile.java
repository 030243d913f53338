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
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The papers' term vectors as the build made them, in {@code term-vectors.bin}: what explaining a
 * pair that is not linked needs (weights with the corpus IDF, counts for topics and labels), so
 * that it does not analyse the text of every paper again.
 *
 * <p>Big-endian binary (as {@link java.io.DataOutputStream} writes it): the magic {@code PGTV}, a
 * version, the number of papers n, terms v and non-zeros nnz; the n paper ids in doc order and the
 * v analysed terms (each an int length and its UTF-16 code units); then the int arrays df[v] and
 * rowStart[n + 1], the int array rowTerm[nnz] and the float arrays rowCount[nnz] and
 * rowWeight[nnz]. About 12 bytes per non-zero; the workspace's marker holds its checksum like every
 * other file's.
 */
final class TermVectorFile {

  private static final int MAGIC = 0x50475456; // "PGTV"
  private static final int VERSION = 1;

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
    try (DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16))) {
      if (d.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a term vector file");
      }
      int version = d.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("term vector file version " + version);
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
      if (d.read() != -1) {
        throw new IllegalArgumentException("has bytes after its end");
      }
      return TermVectors.restore(
          ordered, options, terms, df, rowStart, rowTerm, rowCount, rowWeight);
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

  private static int[] ints(DataInputStream d, int length) throws IOException {
    int[] a = new int[length];
    for (int i = 0; i < length; i++) {
      a[i] = d.readInt();
    }
    return a;
  }

  private static float[] floats(DataInputStream d, int length) throws IOException {
    float[] a = new float[length];
    for (int i = 0; i < length; i++) {
      a[i] = d.readFloat();
    }
    return a;
  }
}
