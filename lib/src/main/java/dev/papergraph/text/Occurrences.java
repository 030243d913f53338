package dev.papergraph.text;

import static dev.papergraph.model.Arguments.require;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Where terms occur in the papers' titles and abstracts, as the analysis pass of {@link
 * TermVectors} met them: so that the display forms read a term's surface forms from the text
 * without analysing it again. Kept only where that equals analysing the readable text ({@link
 * TextCleaner#readable}): for a field whose text needs no cleaning, whose readable text differs
 * from it only in its white space (the same terms at the same places); and, of each term, only the
 * occurrences in the papers its display form reads (see {@link TermVectors#display}). A field
 * without them is analysed again.
 *
 * <p>Each occurrence is one {@code long}: term id (high 32 bits), field (1 bit), start offset (20
 * bits) and length (11 bits) in the raw text; a field with an occurrence beyond those keeps none.
 * About 8 bytes per kept occurrence. Immutable once built.
 */
final class Occurrences {

  /** The title field. */
  static final int TITLE = 0;

  /** The abstract field. */
  static final int ABSTRACT = 1;

  /** The analysis field name of each field. */
  static final String[] FIELD_NAMES = {"title", "abstract"};

  private static final int START_BITS = 20;
  private static final int LENGTH_BITS = 11;

  private final long[][] byDoc;
  private final byte[] fields;

  private Occurrences(long[][] byDoc, byte[] fields) {
    this.byDoc = byDoc;
    this.fields = fields;
  }

  /** None kept, for n papers (every field analysed again). */
  static Occurrences none(int n) {
    return new Occurrences(new long[n][], new byte[n]);
  }

  /**
   * Occurrences kept earlier (by {@link Builder#build}), given back: each paper's as {@link #of}
   * gave them and its fields' bits as {@link #fields} gave them. The arrays are kept, not copied.
   *
   * @throws IllegalArgumentException if they do not fit n papers of v terms, a paper's occurrences
   *     are not in order or lie beyond its fields' texts, or an occurrence is in a field whose bit
   *     is not set
   */
  static Occurrences restore(
      long[][] byDoc, byte[] fields, int v, IntFunction<String> title, IntFunction<String> abs) {
    Objects.requireNonNull(byDoc, "occurrences");
    Objects.requireNonNull(fields, "fields");
    int n = fields.length;
    require(byDoc.length == n, "occurrences of %s papers, %s expected", byDoc.length, n);
    for (int d = 0; d < n; d++) {
      require((fields[d] & ~3) == 0, "paper %s has unknown fields %s", d, fields[d]);
      long[] o = byDoc[d];
      if (o == null) {
        continue;
      }
      String titleText = title.apply(d);
      String absText = abs.apply(d);
      for (int i = 0; i < o.length; i++) {
        int f = field(o[i]);
        String text = f == TITLE ? titleText : absText;
        if (term(o[i]) < 0
            || term(o[i]) >= v
            || (i > 0 && o[i - 1] > o[i])
            || (fields[d] >> f & 1) == 0
            || text == null
            || end(o[i]) > text.length()) {
          throw new IllegalArgumentException(
              "paper " + d + " has an occurrence out of order or range");
        }
      }
    }
    return new Occurrences(byDoc, fields);
  }

  /**
   * Bit f set when the occurrences of a paper's field f ({@link #TITLE} 0, {@link #ABSTRACT} 1)
   * were kept.
   */
  int fields(int doc) {
    return fields[doc];
  }

  /** Whether the occurrences of a paper's field were kept. */
  boolean has(int doc, int field) {
    return (fields[doc] >> field & 1) != 0;
  }

  /** A paper's kept occurrences, by increasing term id, then field and start (shared). */
  long[] of(int doc) {
    long[] o = byDoc[doc];
    return o == null ? new long[0] : o;
  }

  /** The term id of an occurrence. */
  static int term(long occurrence) {
    return (int) (occurrence >>> 32);
  }

  /** The field of an occurrence. */
  static int field(long occurrence) {
    return (int) (occurrence >>> (START_BITS + LENGTH_BITS)) & 1;
  }

  /** The start offset of an occurrence in its field's raw text. */
  static int start(long occurrence) {
    return (int) (occurrence >>> LENGTH_BITS) & ((1 << START_BITS) - 1);
  }

  /** One past the end offset of an occurrence in its field's raw text. */
  static int end(long occurrence) {
    return start(occurrence) + (int) (occurrence & ((1 << LENGTH_BITS) - 1));
  }

  /**
   * Collects the occurrences during the analysis pass (one {@link Doc} per paper, each filled by
   * one thread), then keeps those the display forms read.
   */
  static final class Builder {
    private final Doc[] docs;
    private final long[][] byDoc;
    private final byte[] fields;

    Builder(int n) {
      docs = new Doc[n];
      byDoc = new long[n][];
      fields = new byte[n];
    }

    /** A new, empty record of paper d's occurrences. */
    Doc doc(int d) {
      return docs[d] = new Doc();
    }

    /**
     * Keeps paper d's occurrences of the terms kept in the vocabulary that d is sampled for, by
     * final term id.
     *
     * @param slots the provisional term id of each of the paper's slots ({@link Doc#add})
     * @param remap the final term id of each provisional one, -1 when dropped
     * @param lastSampled the last paper each final term's display form reads
     */
    void keep(int d, int[] slots, int[] remap, int[] lastSampled) {
      Doc doc = docs[d];
      docs[d] = null;
      fields[d] = doc.fields;
      long[] kept = new long[doc.size];
      int m = 0;
      for (int i = 0; i < doc.size; i++) {
        long o = doc.raw[i];
        int t = remap[slots[term(o)]];
        if (t >= 0 && d <= lastSampled[t] && (doc.fields >> field(o) & 1) != 0) {
          kept[m++] = ((long) t << 32) | (o & 0xFFFF_FFFFL);
        }
      }
      if (m > 0) {
        Arrays.sort(kept, 0, m);
        byDoc[d] = Arrays.copyOf(kept, m);
      }
    }

    /** The occurrences kept. */
    Occurrences build() {
      return new Occurrences(byDoc, fields);
    }
  }

  /** One paper's occurrences as its analysis meets them, terms named by the paper's slots. */
  static final class Doc {
    private long[] raw = new long[64];
    private int size;
    private byte fields;

    /** Starts a field: whether its occurrences are to be recorded (its text needs no cleaning). */
    boolean start(int field, String text) {
      if (TextCleaner.needsCleaning(text)) {
        return false;
      }
      fields |= (byte) (1 << field);
      return true;
    }

    /** Records an occurrence of the paper's term slot at [start, end) of the field's text. */
    void add(int field, int slot, int start, int end) {
      if ((fields >> field & 1) == 0) {
        return;
      }
      int length = end - start;
      if (start < 0 || start >= 1 << START_BITS || length < 0 || length >= 1 << LENGTH_BITS) {
        fields &= (byte) ~(1 << field);
        return;
      }
      if (size == raw.length) {
        raw = Arrays.copyOf(raw, 2 * size);
      }
      raw[size++] =
          ((long) slot << 32)
              | ((long) field << (START_BITS + LENGTH_BITS))
              | ((long) start << LENGTH_BITS)
              | length;
    }
  }
}
