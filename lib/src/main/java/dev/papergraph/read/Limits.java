package dev.papergraph.read;

/**
 * The bounds every input is read within, so that no single record, however made, can exhaust the
 * stack or the heap or produce a value later stages cannot store. A record over a bound is rejected
 * with the bound in its reason; the records around it are read as usual.
 *
 * <p>The bounds are far above any real bibliographic record (the longest abstracts are a few
 * thousand characters, the longest author lists a few thousand names) and far below what breaks
 * Jackson ({@code StreamReadConstraints}' 20 M-character strings), Lucene or the stack.
 */
public final class Limits {

  private Limits() {}

  /** Longest abstract, in characters (UTF-16 units). Longer: the record is rejected. */
  public static final int MAX_ABSTRACT_CHARS = 1_000_000;

  /** Longest title, venue, organisation or author name, in characters. */
  public static final int MAX_SHORT_TEXT_CHARS = 10_000;

  /** Longest paper id or external id, in characters. */
  public static final int MAX_ID_CHARS = 1_000;

  /** Most authors, topics or references of one record. */
  public static final int MAX_LIST_ITEMS = 100_000;

  /**
   * Deepest nesting of braces (BibTeX), elements (XML) or arrays and objects (JSON) inside one
   * record; real records nest a few levels.
   */
  public static final int MAX_NESTING = 200;

  /**
   * Largest raw record (a BibTeX entry, an XML record element, a CSV row, a JSON line), in
   * characters.
   */
  public static final int MAX_RECORD_CHARS = 16 << 20;

  /**
   * Largest expansion of one {@code @string} macro, in characters: a macro defined as the
   * concatenation of earlier ones doubles with each step (a "billion laughs" in BibTeX).
   */
  public static final int MAX_MACRO_CHARS = 1 << 20;

  /**
   * Most bytes unpacked per packed byte (gzip, zip entries) once past {@link #RATIO_FREE_BYTES}:
   * gzip of real text and JSON stays under 20, a file of zeros reaches about 1,000 (a decompression
   * bomb, refused as a whole input).
   */
  public static final int MAX_UNPACK_RATIO = 200;

  /** Unpacked bytes read before {@link #MAX_UNPACK_RATIO} is checked. */
  public static final long RATIO_FREE_BYTES = 64L << 20;
}
