package dev.papergraph.read;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files of a folder as inputs: recursively, symbolic links followed (a link back into a folder
 * being walked is a loop: listed as skipped, not followed), hidden files and folders (names
 * starting with {@code .}) left out, in path order. Each file is an {@linkplain
 * InputSource#inFolder optional} source, so one of no known format (a README, a licence) is skipped
 * and listed in the import report rather than read as papers.
 */
public final class InputFiles {

  private InputFiles() {}

  /** Every file below {@code folder}. */
  public static List<InputSource> folder(Path folder) throws IOException {
    return walk(folder, f -> true);
  }

  /**
   * The files below {@code folder} that {@code keep} accepts (it sees each file's path as found,
   * starting with {@code folder}); a folder that cannot be walked is listed as skipped.
   */
  public static List<InputSource> walk(Path folder, Predicate<Path> keep) throws IOException {
    List<InputSource> out = new ArrayList<>();
    Files.walkFileTree(
        folder,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(folder) && hidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !hidden(file) && keep.test(file)) {
              out.add(InputSource.inFolder(file.normalize()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!hidden(file) && keep.test(file)) {
              String reason =
                  e instanceof FileSystemLoopException
                      ? "symbolic link loop: it leads back into a folder being read; not followed"
                      : Files.isSymbolicLink(file) && !Files.exists(file)
                          ? "broken symbolic link"
                          : "cannot be read (" + e.getClass().getSimpleName() + ")";
              out.add(InputSource.unreadable(file.normalize(), reason));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(Comparator.comparing(InputSource::name));
    return out;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
