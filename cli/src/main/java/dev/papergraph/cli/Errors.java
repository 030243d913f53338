package dev.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one line on standard error and an exit code: a user or input mistake
 * ({@link UserException}, any {@link IOException}: unreadable input, missing workspace, a file in
 * the way) exits 1, a usage mistake exits 2, anything else is a bug and exits 3. {@code --verbose}
 * adds the stack trace.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean verbose = GlobalOptions.of(cmd.getCommandSpec()).verbose;
    Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    OutOfMemoryError oom = outOfMemoryIn(t);
    if (oom != null) {
      return outOfMemory(err, verbose, oom);
    }
    int code;
    if (t instanceof UserException u) {
      err.println("papergraph: " + Text.terminal(u.getMessage()));
      for (String line : u.details()) {
        err.println("  " + Text.terminal(line));
      }
      code = Main.EXIT_USER_ERROR;
    } else if (t instanceof IOException io) {
      err.println("papergraph: " + Text.cut(Text.terminal(describe(io)), 4 * MESSAGE_MAX));
      code = Main.EXIT_USER_ERROR;
    } else {
      err.println(
          "papergraph: internal error: "
              + t
              + (verbose ? "" : " (a bug: please report it with the output of --verbose)"));
      code = Main.EXIT_INTERNAL_ERROR;
    }
    if (verbose) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    String message =
        ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
            ? unmatched(cmd, u.getUnmatched().get(0))
            : Text.cut(Text.terminal(ex.getMessage()), MESSAGE_MAX);
    err.println(
        name
            + ": "
            + message
            + (message.endsWith("?")
                ? " (see `" + name + " --help`)"
                : "; see `" + name + " --help`"));
    if (GlobalOptions.of(cmd.getCommandSpec()).verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * One line for a command that ran out of Java heap (a corpus too large for the JVM's default
   * maximum, a quarter of the memory): the heap it had and a larger one to ask for. A build writes
   * its workspace atomically, so the previous workspace is still there. Exits 1: a limit of the
   * machine's set-up, not a bug.
   */
  static int outOfMemory(PrintWriter err, boolean verbose, OutOfMemoryError e) {
    long mib = Runtime.getRuntime().maxMemory() >> 20;
    long suggestGiB = Math.max(2, 2 * ((mib + 1023) >> 10));
    err.println(
        String.format(
            Locale.ROOT,
            "papergraph: out of memory: the Java heap of %,d MiB is too small for this command;"
                + " run it again with more, e.g. PAPERGRAPH_JAVA_OPTS=-Xmx%dg"
                + " (a million papers need about 16g)",
            mib,
            suggestGiB));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return Main.EXIT_USER_ERROR;
  }

  /** The {@link OutOfMemoryError} among this throwable and its causes, else null. */
  static OutOfMemoryError outOfMemoryIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /** Longest message of a usage error, in columns (a value is echoed in it). */
  static final int MESSAGE_MAX = 300;

  /**
   * "unknown option '--topp'; did you mean --top?" and the like, for the first unmatched argument.
   */
  private static String unmatched(CommandLine cmd, String arg) {
    boolean option = arg.length() > 1 && arg.startsWith("-");
    Map<String, String> candidates = new TreeMap<>();
    String word = arg;
    String what;
    if (option) {
      int eq = arg.indexOf('=');
      word = eq > 0 ? arg.substring(0, eq) : arg;
      for (OptionSpec o : cmd.getCommandSpec().options()) {
        if (!o.hidden()) {
          for (String n : o.names()) {
            candidates.put(n, o.longestName());
          }
        }
      }
      what = "unknown option '" + Text.echo(word) + "'";
    } else if (!cmd.getSubcommands().isEmpty()) {
      cmd.getSubcommands()
          .forEach(
              (n, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                  candidates.put(n, sub.getCommandName());
                }
              });
      what = "'" + Text.echo(arg) + "' is not a " + cmd.getCommandName() + " command";
    } else {
      what = "unexpected argument '" + Text.echo(arg) + "'";
    }
    List<String> near = nearest(word, candidates);
    return near.isEmpty() ? what : what + "; did you mean " + String.join(" or ", near) + "?";
  }

  /**
   * The candidates' names (values) whose key is within a small edit distance of the word (a third
   * of its length, at least 1; transpositions count once), or that the word begins: nearest first,
   * at most three. picocli's own suggestions rank by cosine similarity of letter pairs, which
   * offers "communities" for "nieghbors"; an edit distance is what a typo is.
   */
  static List<String> nearest(String word, Map<String, String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, w.replace("-", "").length() / 3);
    Map<String, Integer> best = new TreeMap<>();
    candidates.forEach(
        (key, name) -> {
          int d = distance(w, key.toLowerCase(Locale.ROOT));
          if (d > limit && !(w.length() >= 3 && key.toLowerCase(Locale.ROOT).startsWith(w))) {
            return;
          }
          best.merge(name, d, Math::min);
        });
    return best.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** One line for an I/O problem, naming the file. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException f) {
      return f.getFile() + ": no such file or folder";
    }
    if (e instanceof AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
