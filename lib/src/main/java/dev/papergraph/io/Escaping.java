package dev.papergraph.io;

/**
 * The one loop that rewrites text character by character for an output format: each character
 * either stays or is replaced (by an escape, a substitute, or nothing), and a text that needs no
 * change is returned as it is, without a copy. The workspace's TSV columns, the XML writers and the
 * JSON writers each give it their own {@link Rule}.
 */
public final class Escaping {

  private Escaping() {}

  /** What the character at an index becomes. */
  @FunctionalInterface
  public interface Rule {
    /**
     * The replacement of {@code s.charAt(i)}, or {@code null} to keep it as it is; the empty string
     * drops it.
     *
     * @param s the whole text (so a rule can look at the neighbours, e.g. for surrogate pairs)
     * @param i the index of the character
     */
    String replace(String s, int i);
  }

  /**
   * The text with every character the rule replaces replaced; {@code s} itself when none is.
   *
   * @param s the text
   * @param rule what each character becomes
   */
  public static String rewrite(String s, Rule rule) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      String rep = rule.replace(s, i);
      if (rep != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (rep != null) {
          b.append(rep);
        } else {
          b.append(s.charAt(i));
        }
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * True when the character at {@code i} is a surrogate without its partner (a high surrogate not
   * followed by a low one, or a low surrogate not preceded by a high one): text UTF-8 cannot
   * encode.
   */
  public static boolean unpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
