package dev.papergraph.cli;

import dev.papergraph.read.InputFiles;
import dev.papergraph.read.InputSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns INPUT arguments into sources: a file; a folder (its files, recursively, links followed, in
 * name order, hidden ones left out; files of no known format are skipped and listed in the report,
 * see {@link InputFiles}); a glob such as {@code 'data/*.jsonl'} or {@code 'corpus/**.txt'} for
 * shells that did not expand it; {@code -} for standard input.
 */
final class Inputs {

  private Inputs() {}

  /**
   * The sources the arguments name, in argument order.
   *
   * @throws UserException if an argument names nothing, or {@code -} is given twice
   */
  static List<InputSource> expand(List<String> args, InputStream stdin)
      throws IOException, UserException {
    List<InputSource> out = new ArrayList<>();
    boolean stdinUsed = false;
    for (String arg : args) {
      if (arg.equals("-")) {
        if (stdinUsed) {
          throw new UserException("standard input (-) can be read only once");
        }
        stdinUsed = true;
        out.add(InputSource.ofBytes("-", stdin.readAllBytes()));
        continue;
      }
      Path p = Path.of(arg);
      if (Files.isRegularFile(p)) {
        out.add(InputSource.of(p));
      } else if (Files.isDirectory(p)) {
        List<InputSource> files = InputFiles.folder(p);
        if (files.isEmpty()) {
          throw new UserException(arg + ": the folder has no files to read");
        }
        out.addAll(files);
      } else if (isGlob(arg)) {
        List<InputSource> files = glob(arg);
        if (files.isEmpty()) {
          throw new UserException(arg + ": no file matches this pattern");
        }
        out.addAll(files);
      } else {
        throw new UserException(arg + ": no such file or folder");
      }
    }
    return out;
  }

  private static boolean isGlob(String arg) {
    return arg.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Files matching a glob; the pattern is matched below its longest literal leading folder. */
  private static List<InputSource> glob(String pattern) throws IOException {
    String norm = pattern.replace('\\', '/');
    boolean absolute = norm.startsWith("/");
    String[] parts = (absolute ? norm.substring(1) : norm).split("/", -1);
    int literal = 0;
    while (literal < parts.length - 1 && !isGlob(parts[literal])) {
      literal++;
    }
    String prefix = String.join("/", Arrays.copyOfRange(parts, 0, literal));
    Path base =
        absolute ? Path.of("/" + prefix) : prefix.isEmpty() ? Path.of(".") : Path.of(prefix);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher m =
        FileSystems.getDefault()
            .getPathMatcher(
                "glob:" + String.join("/", Arrays.copyOfRange(parts, literal, parts.length)));
    return InputFiles.walk(base, f -> m.matches(base.relativize(f)));
  }
}
