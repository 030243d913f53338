package dev.papergraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command line in-process with captured standard output and error. */
final class Cli {

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    /** The lines of standard error. */
    List<String> errLines() {
      return err.lines().toList();
    }

    /** The lines of standard output. */
    List<String> outLines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  /** Runs with an 80-column terminal, as when {@code COLUMNS} is unset. */
  static Result run(String... args) {
    return runWithColumns(Main.COLUMNS_DEFAULT, args);
  }

  /** Runs with a terminal of this many columns. */
  static Result runWithColumns(int columns, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Result r = runTo(out, columns, args);
    return new Result(r.code(), out.toString(StandardCharsets.UTF_8), r.err());
  }

  /** Runs with standard output going to this stream (e.g. one that fails like a full disk). */
  static Result runTo(OutputStream stdout, int columns, String... args) {
    StringWriter err = new StringWriter();
    int code = Main.run(stdout, new PrintWriter(err, true), columns, args);
    return new Result(code, "", err.toString());
  }
}
