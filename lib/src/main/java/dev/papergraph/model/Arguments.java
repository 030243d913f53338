package dev.papergraph.model;

import java.util.Locale;

/**
 * The one argument check of the option records and algorithm constructors, in the manner of
 * Caffeine's {@code requireArgument}: the message names the value that was wrong.
 */
public final class Arguments {

  private Arguments() {}

  /**
   * Checks a condition on an argument.
   *
   * @param ok the condition the argument must satisfy
   * @param format the message, a {@link String#format} pattern (formatted in {@link Locale#ROOT})
   * @param args the values the message names
   * @throws IllegalArgumentException with the formatted message, if {@code ok} is false
   */
  public static void require(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
    }
  }

  /**
   * {@link #require(boolean, String, Object...)} naming one whole number, which is boxed only when
   * the check fails: a check inside a loop (each token, each posting) allocates nothing, even in
   * code the JIT has not optimised yet (the varargs form makes an array and a boxed number on every
   * call until escape analysis removes them).
   */
  public static void require(boolean ok, String format, long arg) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, arg));
    }
  }

  /** {@link #require(boolean, String, long)} naming two whole numbers. */
  public static void require(boolean ok, String format, long a, long b) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, format, a, b));
    }
  }
}
