package dev.papergraph.model;

import java.text.Normalizer;
import java.util.Locale;

/** Title normalisation used to recognise the same paper across sources. */
public final class Titles {

  private Titles() {}

  /**
   * The match key of a title: Unicode NFKC, case-folded, every run of punctuation, symbols and
   * white space collapsed to one space, trimmed. "Post-Training Quantization!" and "post training
   * quantization" have the same key.
   */
  public static String normalize(String title) {
    String s = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        b.appendCodePoint(cp);
        space = false;
      } else if (!space && Character.getType(cp) != Character.NON_SPACING_MARK) {
        b.append(' ');
        space = true;
      } else if (Character.getType(cp) == Character.NON_SPACING_MARK && !space) {
        b.appendCodePoint(cp);
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    return b.substring(0, end);
  }
}
