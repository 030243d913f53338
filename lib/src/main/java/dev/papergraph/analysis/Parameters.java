package dev.papergraph.analysis;

import java.util.Locale;
import java.util.Map;

/** Reading typed values back from manifest parameters (which may have passed through JSON). */
final class Parameters {

  private Parameters() {}

  static Number number(Map<String, ?> p, String key, Number fallback) {
    Object v = p.get(key);
    if (v == null) return fallback;
    if (v instanceof Number n) return n;
    throw new IllegalArgumentException("parameter " + key + " must be a number: " + v);
  }

  static int integer(Map<String, ?> p, String key, int fallback) {
    Number n = number(p, key, fallback);
    if (n.doubleValue() != Math.rint(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("parameter " + key + " must be a whole number: " + n);
    }
    return n.intValue();
  }

  /** An enum constant by its name or key, any case, '-' standing for '_'. */
  static <T extends Enum<T>> T enumValue(Map<String, ?> p, String key, Class<T> type, T fallback) {
    Object v = p.get(key);
    if (v == null) return fallback;
    try {
      return Enum.valueOf(type, v.toString().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("parameter " + key + " has an unknown value: " + v, e);
    }
  }
}
