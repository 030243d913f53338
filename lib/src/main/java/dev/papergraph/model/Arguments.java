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
}
