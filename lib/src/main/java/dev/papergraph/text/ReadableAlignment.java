package dev.papergraph.text;

import java.io.Reader;
import java.io.StringReader;

/**
 * The places in a field's readable text ({@link TextCleaner#readable}) of the characters of its
 * filtered text (what the cleaning char filters made of it, which the analysis pass's tokenizer
 * read), when analysing the readable text meets the same tokens as the analysis pass did: so that
 * the display forms read a cleaned field's occurrences from that pass instead of running the chain
 * over the readable text again (which was most of the graph stage's work).
 *
 * <p>The readable text is the filtered one with characters removed (runs of white space collapsed,
 * the text stripped, empty brackets and the space before closing punctuation or after an opening
 * bracket removed) and white space replaced by a space. The two analyses meet the same tokens when
 * the chain's char filters leave the readable text as it is and every place where characters were
 * removed is one where Unicode's word-break rules (UAX #29, which {@code StandardTokenizer}
 * follows) break alike in both texts. Those rules join characters across a place only through
 * letters, digits, the punctuation inside words and numbers ({@code . , ; : '}) and the marks and
 * format characters that attach to the character before them; so a place is accepted when:
 *
 * <ul>
 *   <li>what was removed there is white space, brackets, commas and semicolons, with at least one
 *       white space or bracket (no rule joins anything across those, nor a comma there);
 *   <li>the character after the place is none that attaches to the one before it (a mark or a
 *       format character: only characters below U+0300 other than the soft hyphen are taken);
 *   <li>and, unless the place is the text's start or end, the character before or after it is white
 *       space, a bracket, {@code !} or {@code ?} (no rule joins across them), or the character
 *       after it is {@code . , ; :} followed by one of those or the end (so it joins nothing).
 * </ul>
 *
 * A white-space character replaced by a space must likewise be followed by none that attaches. A
 * field where any place fails is analysed again, as before. {@code BOUND_PREFIX}'s hyphen is never
 * next to an accepted place (a hyphen is none of the characters above), so it closes up the same
 * words in both texts.
 */
final class ReadableAlignment {

  private ReadableAlignment() {}

  /** A reader the char filters' choice is asked about (never read). */
  private static final Reader PROBE = new StringReader("");

  /**
   * Fills {@code place[j]} with the index in {@code readable} of {@code filtered}'s character j (-1
   * for a removed one) and returns true when analysing the readable text meets the same tokens as
   * analysing the filtered one (see the class comment); false, with {@code place} partly filled,
   * when it may not.
   *
   * @param place at least {@code filtered.length()} entries
   */
  static boolean align(String filtered, String readable, int[] place) {
    if (TextCleaner.needsCleaning(readable) && TextCleaner.wrap(readable, PROBE) != PROBE) {
      // the chain would clean the readable text again
      return false;
    }
    int n = filtered.length(), m = readable.length();
    int i = 0;
    // whether a removed character, and a white space or bracket among them, came since the last
    // kept character
    boolean removed = false, hard = false;
    for (int j = 0; j < n; j++) {
      char f = filtered.charAt(j);
      char r = i < m ? readable.charAt(i) : 0;
      if (i < m && (f == r || (r == ' ' && TextCleaner.isSpace(f)))) {
        if (removed && !acceptedPlace(readable, i, hard)) {
          return false;
        }
        if (f != r && !attachesNothing(readable, i + 1)) {
          return false;
        }
        removed = false;
        hard = false;
        place[j] = i++;
      } else if (isRemovable(f)) {
        removed = true;
        hard |= f != ',' && f != ';';
        place[j] = -1;
      } else {
        return false;
      }
    }
    return i == m && (!removed || hard);
  }

  /**
   * Whether characters removed just before {@code readable}'s character i (not its end: the loop
   * meets removed characters at the end only after its last kept one) leave the tokens as they
   * were.
   */
  private static boolean acceptedPlace(String readable, int i, boolean hard) {
    if (!hard || !attachesNothing(readable, i)) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    char before = readable.charAt(i - 1), after = readable.charAt(i);
    if (isHard(before) || isHard(after)) {
      return true;
    }
    return ".,;:".indexOf(after) >= 0
        && (i + 1 == readable.length() || isHard(readable.charAt(i + 1)));
  }

  /** Whether the character at i (none at the end) attaches to nothing before it. */
  private static boolean attachesNothing(String text, int i) {
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    return c < '\u0300' && c != '\u00AD';
  }

  /** White space, a bracket, {@code !} or {@code ?}: no word-break rule joins across them. */
  private static boolean isHard(char c) {
    return TextCleaner.isSpace(c)
        || c == '('
        || c == ')'
        || c == '['
        || c == ']'
        || c == '!'
        || c == '?';
  }

  /** What making a text readable removes: white space, brackets, commas, semicolons. */
  private static boolean isRemovable(char c) {
    return TextCleaner.isSpace(c)
        || c == '('
        || c == ')'
        || c == '['
        || c == ']'
        || c == ','
        || c == ';';
  }
}
