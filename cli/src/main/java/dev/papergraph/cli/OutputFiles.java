package dev.papergraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The rule for files papergraph writes with {@code -o FILE} (and {@code --export FILE}): it writes
 * regular files only, atomically (a temporary beside the file, then a rename), so it refuses
 *
 * <ul>
 *   <li>a device, FIFO, socket or folder at the path, even with {@code --force} (the rename would
 *       replace {@code /dev/null} with a regular file; a FIFO's reader would never see the data);
 *       {@code -o /dev/full --format csv} is refused before any file is made beside it;
 *   <li>a symbolic link, even with {@code --force}: the rename would replace the link itself, not
 *       the file it points to, so the user is asked to name the target instead.
 * </ul>
 *
 * Standard output is {@code -o -}.
 */
final class OutputFiles {

  private OutputFiles() {}

  /**
   * Checks the path the user gave and the files that will be written for it.
   *
   * @throws UserException naming the first path that is not a regular file or nothing
   */
  static void requireWritable(Path given, List<Path> files) throws UserException, IOException {
    check(given);
    for (Path f : files) {
      check(f);
    }
  }

  private static void check(Path p) throws UserException, IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if (a.isSymbolicLink()) {
      Path target = Files.readSymbolicLink(p);
      throw new UserException(
          p
              + " is a symbolic link (to "
              + target
              + "); papergraph replaces only regular "
              + "files: give the file it points to with -o, or remove the link");
    }
    if (a.isDirectory()) {
      throw new UserException(p + " is a folder; give a file name with -o");
    }
    if (!a.isRegularFile()) {
      throw new UserException(
          p
              + " is a device, FIFO or socket, not a regular file; papergraph writes only "
              + "regular files (use -o - for standard output)");
    }
  }
}
