package dev.papergraph.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as it is shown on a terminal: control characters, escape sequences and bidirectional
 * overrides removed (a title can hold them and would otherwise recolour, move the cursor or reverse
 * the screen), and widths counted in terminal columns. Only the human forms (tables, messages) go
 * through here; JSON, CSV and TSV carry the data as it is.
 */
final class Text {

  /**
   * ESC sequences: CSI ({@code ESC [ ... final}), OSC ({@code ESC ] ... BEL|ST}), and two-character
   * ones.
   */
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|\u001B[@-_]?|\u009B[0-?]*[ -/]*[@-~]");

  /**
   * The locale the answers format numbers in: ASCII digits, '.' and '-' as {@code Locale.ROOT}
   * gives them, but the JDK's Formatter takes those of {@code Locale.US} as given, where for any
   * other locale it first loads the locale's number symbols (CLDR data: about 5-10 ms of CPU in a
   * short-lived process).
   */
  static final Locale NUMBERS = Locale.US;

  /** Longest echo of a user's argument in a message, in code points. */
  static final int ECHO_MAX = 60;

  private Text() {}

  /**
   * The text with escape sequences, C0/C1 control characters and invisible format characters (bidi
   * overrides, isolates and marks; zero-width joiners are kept for emoji) removed; tabs, line and
   * paragraph breaks become spaces.
   */
  static String terminal(String s) {
    if (s == null) {
      return "";
    }
    String t =
        s.indexOf('\u001B') >= 0 || s.indexOf('\u009B') >= 0
            ? ESCAPES.matcher(s).replaceAll("")
            : s;
    StringBuilder b = null;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      int n = Character.charCount(cp);
      String replacement = replacement(cp);
      if (replacement != null && b == null) {
        b = new StringBuilder(t.length()).append(t, 0, i);
      }
      if (b != null) {
        if (replacement != null) {
          b.append(replacement);
        } else {
          b.appendCodePoint(cp);
        }
      }
      i += n;
    }
    return b == null ? t : b.toString();
  }

  /** What a code point becomes on the terminal: null to keep it. */
  private static String replacement(int cp) {
    if (cp == '\t'
        || cp == '\n'
        || cp == '\r'
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x0B
        || cp == 0x0C
        || cp == 0x85) {
      return " ";
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      return "";
    }
    if (cp == 0x200C || cp == 0x200D) {
      return null; // joiners shape emoji and scripts
    }
    int type = Character.getType(cp);
    if (type == Character.FORMAT || type == Character.SURROGATE) {
      return "";
    }
    return null;
  }

  /**
   * A user's argument quoted in a message: terminal-safe and at most {@link #ECHO_MAX} code points.
   */
  static String echo(String arg) {
    return cut(terminal(arg), ECHO_MAX);
  }

  /**
   * The terminal columns a string takes: wide (East Asian, emoji) characters two, combining marks
   * none.
   */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += width(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  private static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  /** East Asian Wide and Fullwidth ranges (Unicode UAX 11) and the emoji blocks. */
  private static boolean wide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115F
            || cp == 0x2329
            || cp == 0x232A
            || (cp >= 0x2E80 && cp <= 0x303E)
            || (cp >= 0x3041 && cp <= 0x33FF)
            || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x4E00 && cp <= 0x9FFF)
            || (cp >= 0xA000 && cp <= 0xA4CF)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1F64F)
            || (cp >= 0x1F900 && cp <= 0x1F9FF)
            || (cp >= 0x20000 && cp <= 0x3FFFD));
  }

  /** The string cut to at most {@code max} columns, its last one an ellipsis when cut. */
  static String cut(String s, int max) {
    if (max <= 0 || width(s) <= max) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = width(cp);
      if (w + cw > max - 1) {
        break;
      }
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return b.toString().stripTrailing() + "…";
  }

  /**
   * The string cut to at most {@code max} columns keeping its end, its first one an ellipsis when
   * cut.
   */
  static String cutStart(String s, int max) {
    if (max <= 0 || width(s) <= max) {
      return s;
    }
    int w = 0;
    int i = s.length();
    while (i > 0) {
      int cp = s.codePointBefore(i);
      if (w + width(cp) > max - 1) {
        break;
      }
      w += width(cp);
      i -= Character.charCount(cp);
    }
    return "…" + s.substring(i);
  }

  /**
   * The line broken at spaces into lines of at most {@code max} columns; continuation lines are
   * indented like the first line plus two spaces; a word longer than a line is cut.
   */
  static List<String> wrap(String line, int max) {
    if (width(line) <= max) {
      return List.of(line);
    }
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    String indent = " ".repeat(Math.min(lead + 2, max / 2));
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder(line.substring(0, lead));
    int curWidth = lead;
    boolean empty = true;
    for (String word : line.substring(lead).split(" +")) {
      int w = width(word);
      if (!empty && curWidth + 1 + w > max) {
        out.add(cur.toString());
        cur = new StringBuilder(indent);
        curWidth = indent.length();
        empty = true;
      }
      if (!empty) {
        cur.append(' ');
        curWidth++;
      }
      String part = cut(word, max - curWidth);
      cur.append(part);
      curWidth += width(part);
      empty = false;
    }
    out.add(cur.toString());
    return out;
  }
}
