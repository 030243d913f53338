package dev.papergraph.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text input, each at most {@link Limits#MAX_RECORD_CHARS} long: unlike {@link
 * java.io.BufferedReader#readLine()}, a line without end (a file of zeros, a minified dump) cannot
 * exhaust the heap. The rest of an over-long line is skipped and {@link #overLong()} says so. A
 * byte-order mark is left to {@link InputSource#openText()}; LF, CR LF and lone CR end a line.
 */
final class TextLines implements AutoCloseable {

  private final Reader in;
  private final int max;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private long number;
  private boolean overLong;

  TextLines(Reader in) {
    this(in, Limits.MAX_RECORD_CHARS);
  }

  TextLines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line (without its end), or {@code null} at the end of the input. */
  String next() throws IOException {
    StringBuilder b = new StringBuilder();
    overLong = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          if (!any) {
            return null;
          }
          number++;
          return b.toString();
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      int take = Math.min(pos - start, Math.max(0, max - b.length()));
      b.append(buf, start, take);
      if (take < pos - start) {
        overLong = true;
      }
      if (pos < len) {
        char end = buf[pos++];
        if (end == '\r') {
          if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len < 0) {
              len = 0;
            }
          }
          if (pos < len && buf[pos] == '\n') {
            pos++;
          }
        }
        number++;
        return b.toString();
      }
    }
  }

  /** Whether the line last returned was cut at the limit (its rest skipped). */
  boolean overLong() {
    return overLong;
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
