package dev.papergraph.write;

import dev.papergraph.io.Escaping;

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
    return Escaping.rewrite(s, (t, i) -> Escaping.unpairedSurrogate(t, i) ? "\uFFFD" : null);
  }
}
