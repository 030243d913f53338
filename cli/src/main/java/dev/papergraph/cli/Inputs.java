package dev.papergraph.cli;

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
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Turns INPUT arguments into sources: a file; a folder (its files, recursively, in name order,
 * hidden ones skipped); a glob such as {@code 'data/*.jsonl'} or {@code 'corpus/**.txt'} for shells
 * that did not expand it; {@code -} for standard input.
 */
final class Inputs {

  private Inputs() {}

  /**
   * The sources the arguments name, in argument order.
   *
   * @throws UserException if an argument names nothing, or {@code -} is given twice
   */
  static List<InputSource> expand(List<String> args, InputStream stdin) throws IOException, UserException {
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
        List<Path> files = files(p, path -> true);
        if (files.isEmpty()) {
          throw new UserException(arg + ": the folder has no files to read");
        }
        files.forEach(f -> out.add(InputSource.of(f)));
      } else if (isGlob(arg)) {
        List<Path> files = glob(arg);
        if (files.isEmpty()) {
          throw new UserException(arg + ": no file matches this pattern");
        }
        files.forEach(f -> out.add(InputSource.of(f)));
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
  private static List<Path> glob(String pattern) throws IOException {
    String norm = pattern.replace('\\', '/');
    boolean absolute = norm.startsWith("/");
    String[] parts = (absolute ? norm.substring(1) : norm).split("/", -1);
    int literal = 0;
    while (literal < parts.length - 1 && !isGlob(parts[literal])) {
      literal++;
    }
    String prefix = String.join("/", Arrays.copyOfRange(parts, 0, literal));
    Path base = absolute ? Path.of("/" + prefix) : prefix.isEmpty() ? Path.of(".") : Path.of(prefix);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher(
        "glob:" + String.join("/", Arrays.copyOfRange(parts, literal, parts.length)));
    return files(base, f -> m.matches(base.relativize(f)));
  }

  private static List<Path> files(Path dir, Predicate<Path> keep) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !isHidden(dir.relativize(f)))
          .filter(keep)
          .map(Path::normalize)
          .sorted()
          .toList();
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
