package dev.papergraph.write;

/** Text forms of attribute values, the same in every format. */
final class Values {

  private Values() {}

  /**
   * The text of a value: numbers as Java prints them (exact round trip; non-finite doubles as XML
   * Schema's {@code NaN}, {@code INF}, {@code -INF}), everything else by {@code toString()}.
   */
  static String text(Object value) {
    if (value instanceof Double d) {
      if (d.isNaN()) return "NaN";
      if (d.isInfinite()) return d > 0 ? "INF" : "-INF";
      return d.toString();
    }
    return String.valueOf(value);
  }

  /**
   * The text as well-formed Unicode: every unpaired surrogate (which UTF-8 cannot encode, and which
   * makes JSON unreadable by strict parsers such as jq) becomes U+FFFD; everything else is kept.
   */
  static String wellFormed(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      if (paired) {
        if (b != null) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append('\uFFFD');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
