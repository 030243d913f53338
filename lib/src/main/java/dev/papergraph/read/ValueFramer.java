package dev.papergraph.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a text of top-level JSON values (JSON Lines, concatenated pretty-printed objects) into one
 * string per value, by tracking brackets outside strings, so that each value can be parsed on its
 * own and a broken one costs only itself. It does not check JSON syntax: Jackson does, per value.
 *
 * <p>A line starting with <code>{</code> or <code>[</code> in its first column while a value is
 * still open at its first level, or at any level once the first value fitted on one line (JSON
 * Lines), ends that value as cut short: both JSON Lines and jq's indented output start only
 * top-level values there. Text outside any value up to the end of its line is passed on as a value
 * of its own, for Jackson to name what it is. A value longer than {@link Limits#MAX_RECORD_CHARS}
 * is skipped to its end and reported as {@link #TOO_LONG}.
 */
final class ValueFramer {

  /** The problem of a value over the length limit. */
  static final String TOO_LONG =
      "JSON value over " + Limits.MAX_RECORD_CHARS + " characters long, the limit of one record";

  /**
   * One framed value.
   *
   * @param text the value's text, or {@code null} when it has a problem
   * @param line the 1-based line it starts on
   * @param problem why it was not framed, or {@code null}
   */
  record Value(String text, long line, String problem) {}

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long line = 1;
  private boolean lineStart = true;
  private int pending = -1;

  /**
   * Whether the first value fit on one line (JSON Lines): then any first-column bracket starts a
   * value.
   */
  private boolean lines;

  private boolean first = true;

  ValueFramer(Reader in) {
    this.in = in;
  }

  private int read() throws IOException {
    if (pending >= 0) {
      int c = pending;
      pending = -1;
      return c;
    }
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  /** True when only white space is left. */
  boolean atEnd() throws IOException {
    int c;
    while ((c = read()) >= 0) {
      if (c == '\n') {
        line++;
        lineStart = true;
      } else if (!Character.isWhitespace(c) && c != '\uFEFF') {
        pending = c;
        return false;
      } else {
        lineStart = false;
      }
    }
    return true;
  }

  /** The next value, or {@code null} at the end. */
  Value next() throws IOException {
    int c;
    // skip white space between values
    while (true) {
      c = read();
      if (c < 0) {
        return null;
      }
      if (c == '\n') {
        line++;
        lineStart = true;
        continue;
      }
      if (Character.isWhitespace(c) || c == '\uFEFF') {
        lineStart = false;
        continue;
      }
      break;
    }
    long start = line;
    StringBuilder b = new StringBuilder();
    boolean tooLong = false;
    if (c != '{' && c != '[') {
      // stray text: up to the end of its line
      while (c >= 0 && c != '\n') {
        if (!tooLong) {
          b.append((char) c);
          tooLong = b.length() > Limits.MAX_RECORD_CHARS;
        }
        c = read();
      }
      if (c == '\n') {
        line++;
        lineStart = true;
      }
      return tooLong ? new Value(null, start, TOO_LONG) : new Value(b.toString(), start, null);
    }
    int depth = 0;
    boolean string = false;
    boolean escape = false;
    lineStart = false;
    while (true) {
      if (!tooLong) {
        b.append((char) c);
        if (b.length() > Limits.MAX_RECORD_CHARS) {
          tooLong = true;
          b = new StringBuilder();
        }
      }
      if (string) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          string = false;
        }
      } else if (c == '"') {
        string = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          if (first) {
            lines = line == start;
            first = false;
          }
          return tooLong ? new Value(null, start, TOO_LONG) : new Value(b.toString(), start, null);
        }
      }
      c = read();
      if (c < 0) {
        return new Value(
            null, start, "unterminated JSON value: the input ends before it is closed");
      }
      if (c == '\n') {
        line++;
        // a raw line break cannot be inside a JSON string: the string was left open
        string = false;
        escape = false;
        int next = read();
        if ((next == '{' || next == '[') && (depth == 1 || lines)) {
          pending = next;
          lineStart = true;
          return new Value(
              null,
              start,
              "unterminated JSON value: a new value starts at line "
                  + line
                  + " before it is closed");
        }
        if (next < 0) {
          return new Value(
              null, start, "unterminated JSON value: the input ends before it is closed");
        }
        if (!tooLong) {
          b.append('\n');
        }
        c = next;
        if (c == '\n') {
          // an empty line: handled by the loop on the next round
          pending = c;
          c = ' ';
        }
      }
    }
  }
}
