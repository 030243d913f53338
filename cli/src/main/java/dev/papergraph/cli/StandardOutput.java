package dev.papergraph.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The one stream every command's data goes through to standard output (the table writer and binary
 * exports alike). It remembers the first write failure (a full disk, {@code /dev/full}, a closed
 * pipe) and rethrows it naming standard output; {@link Main} flushes it after every command and
 * turns a failure into exit 1, so no command can end "ok" with its output cut.
 */
final class StandardOutput extends FilterOutputStream {

  private IOException failure;

  StandardOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Standard output is not closed by the commands. */
  @Override
  public void close() throws IOException {
    flush();
  }

  private IOException failed(IOException e) {
    if (failure == null) {
      failure = new IOException("cannot write to standard output: " + reason(e), e);
    }
    return failure;
  }

  /** The first failure, with a message naming standard output, or null. */
  IOException failure() {
    return failure;
  }

  /** Whether the failure is only that the reader went away ({@code papergraph rank | head -1}). */
  boolean brokenPipe() {
    return failure != null
        && reason(failure.getCause()).toLowerCase(Locale.ROOT).contains("broken pipe");
  }

  private static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
