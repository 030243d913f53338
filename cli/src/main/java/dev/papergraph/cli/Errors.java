package dev.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
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
    int code;
    if (t instanceof UserException u) {
      err.println("papergraph: " + u.getMessage());
      for (String line : u.details()) {
        err.println("  " + line);
      }
      code = Main.EXIT_USER_ERROR;
    } else if (t instanceof IOException io) {
      err.println("papergraph: " + describe(io));
      code = Main.EXIT_USER_ERROR;
    } else {
      err.println("papergraph: internal error: " + t
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
    StringBuilder line = new StringBuilder(name).append(": ").append(ex.getMessage());
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
      }
    }
    line.append("; see `").append(name).append(" --help`");
    err.println(line);
    if (GlobalOptions.of(cmd.getCommandSpec()).verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
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
