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
 * from it only in its white space (the same terms at the same places in the raw text); for a field
 * that needs cleaning where {@link ReadableAlignment} finds that its readable text meets the same
 * tokens as the text the char filters made (the terms at places in the readable text); and, of each
 * term, only the occurrences in the papers its display form reads (see {@link
 * TermVectors#display}). A field without them is analysed again.
 *
 * <p>Each occurrence is one {@code long}: term id (high 32 bits), field (1 bit), start offset (20
 * bits) and length (11 bits) in the raw or readable text; a field with an occurrence beyond those
 * keeps none. About 8 bytes per kept occurrence. Immutable once built.
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
  // bit f set when field f's occurrences are places in its readable text, not in its raw text
  private final byte[] readableFields;

  private Occurrences(long[][] byDoc, byte[] fields, byte[] readableFields) {
    this.byDoc = byDoc;
    this.fields = fields;
    this.readableFields = readableFields;
  }

  /** None kept, for n papers (every field analysed again). */
  static Occurrences none(int n) {
    return new Occurrences(new long[n][], new byte[n], new byte[n]);
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
    return new Occurrences(byDoc, fields, new byte[n]);
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

  /**
   * Whether the kept occurrences of a paper's field are places in its readable text ({@link
   * TextCleaner#readable}, a field that needed cleaning), not in its raw text.
   */
  boolean inReadable(int doc, int field) {
    return (readableFields[doc] >> field & 1) != 0;
  }

  /**
   * A paper's kept occurrences in its raw texts only, as {@link #restore} takes them back (the
   * readable texts are not kept with them); bits as {@link #fields} gives them.
   */
  long[] ofRaw(int doc) {
    long[] o = of(doc);
    if (readableFields[doc] == 0) {
      return o.clone();
    }
    long[] raw = new long[o.length];
    int m = 0;
    for (long x : o) {
      if (!inReadable(doc, field(x))) {
        raw[m++] = x;
      }
    }
    return Arrays.copyOf(raw, m);
  }

  /** {@link #fields} of the fields whose occurrences {@link #ofRaw} gives. */
  int rawFields(int doc) {
    return fields[doc] & ~readableFields[doc];
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
    private final byte[] readableFields;

    Builder(int n) {
      docs = new Doc[n];
      byDoc = new long[n][];
      fields = new byte[n];
      readableFields = new byte[n];
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
      readableFields[d] = doc.readableFields;
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
      return new Occurrences(byDoc, fields, readableFields);
    }
  }

  /** One paper's occurrences as its analysis meets them, terms named by the paper's slots. */
  static final class Doc {
    private long[] raw = new long[64];
    private int size;
    private byte fields;
    private byte readableFields;
    // the field being recorded, and where its occurrences start in raw
    private int recording = -1;
    private int fieldStart;

    /**
     * Starts a field whose text needs no cleaning: its occurrences are recorded (at places in that
     * text).
     */
    void start(int field) {
      fields |= (byte) (1 << field);
      recording = field;
      fieldStart = size;
    }

    /**
     * Starts a field whose text needs cleaning: its occurrences are recorded at places in the text
     * the char filters made of it, and kept only if {@link #endCleaned} finds them in the readable
     * text.
     */
    void startCleaned(int field) {
      recording = field;
      fieldStart = size;
    }

    /**
     * Ends a field {@link #startCleaned} started: its occurrences moved to their places in the
     * readable text when analysing it meets the same tokens ({@link ReadableAlignment}), else
     * dropped (the display forms then analyse the readable text again).
     *
     * @param place scratch of at least {@code filtered.length()} entries
     */
    void endCleaned(int field, String filtered, String readable, int[] place) {
      // not recording it any more: an occurrence beyond what a long holds gave the field up
      boolean recorded = recording == field;
      recording = -1;
      if (!recorded || !ReadableAlignment.align(filtered, readable, place)) {
        size = fieldStart;
        return;
      }
      for (int i = fieldStart; i < size; i++) {
        long o = raw[i];
        if (end(o) == Occurrences.start(o)) {
          size = fieldStart;
          return;
        }
        // a token's first and last characters are never removed (see ReadableAlignment)
        int start = place[Occurrences.start(o)], end = place[end(o) - 1] + 1;
        if (start < 0 || end <= start) {
          throw new IllegalStateException("a token lies on characters the readable text removed");
        }
        raw[i] =
            (o & ~((1L << (START_BITS + LENGTH_BITS)) - 1))
                | ((long) start << LENGTH_BITS)
                | (end - start);
      }
      fields |= (byte) (1 << field);
      readableFields |= (byte) (1 << field);
    }

    /**
     * Ends the paper: its occurrences are held until {@link Builder#keep} picks those to keep, so
     * the array is cut to their number (about 8 bytes per token of the paper meanwhile).
     */
    void finish() {
      recording = -1;
      if (size < raw.length) {
        raw = Arrays.copyOf(raw, size);
      }
    }

    /** Records an occurrence of the paper's term slot at [start, end) of the field's text. */
    void add(int field, int slot, int start, int end) {
      if (recording != field) {
        return;
      }
      int length = end - start;
      if (start < 0 || start >= 1 << START_BITS || length < 0 || length >= 1 << LENGTH_BITS) {
        // none of the field's occurrences is kept
        fields &= (byte) ~(1 << field);
        size = fieldStart;
        recording = -1;
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
