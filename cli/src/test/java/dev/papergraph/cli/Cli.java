package dev.papergraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process with captured standard output and error. */
final class Cli {

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {
    /** The lines of standard error. */
    java.util.List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }
}
