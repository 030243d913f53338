package dev.papergraph.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a temporary file in the target's folder, which is
 * flushed to disk and then renamed over the target. A crash or kill mid-write leaves the previous
 * file (or no file) in place, never a half-written one. On POSIX file systems the result has the
 * permissions of the file it replaces, or those of any newly created file (0666 less the umask).
 *
 * <p>The temporary file is named {@code .<target name>.<random>.tmp} and locked while it is
 * written, so that {@link #removeStaleTemporaries} can tell the leftovers of a killed writer (which
 * no process locks any more) from a write in progress.
 */
public final class AtomicOutput {

  /** Writes content to a stream; the stream is owned by the caller. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicOutput() {}

  /**
   * Writes {@code target} atomically.
   *
   * @param overwrite whether an existing target may be replaced
   * @throws FileAlreadyExistsException if the target exists and {@code overwrite} is false
   * @throws FileSystemException if the target is not a regular file (a device, FIFO, socket, folder
   *     or symbolic link): it is left as it is
   * @throws IOException if writing fails; the target is then unchanged and the temporary file gone
   */
  public static void write(Path target, boolean overwrite, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (!overwrite && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString(), null, "exists (ask to overwrite it)");
    }
    requireRegularOrAbsent(target, abs);
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        channel.lock();
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      if (!overwrite && Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(target.toString(), null, "appeared while writing");
      }
      requireRegularOrAbsent(target, abs);
      givePermissions(tmp, abs, dir);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * Refuses to replace what is not a regular file: the rename would put a regular file in place of
   * a device such as {@code /dev/null}, a FIFO, a socket or a symbolic link (and its target would
   * not be written), which is never what a caller means.
   *
   * @throws FileSystemException naming the target and what it is
   */
  private static void requireRegularOrAbsent(Path target, Path abs) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if (!a.isRegularFile()) {
      String what =
          a.isSymbolicLink()
              ? "a symbolic link"
              : a.isDirectory() ? "a folder" : "a device, FIFO or socket";
      throw new FileSystemException(
          target.toString(), null, "is " + what + ", not a regular file: it is not replaced");
    }
  }

  /**
   * Gives the temporary file, before it is renamed, the permissions the target would have had if
   * written in place: those of the existing target, else those of a newly created file (0666 less
   * the umask, or what a default ACL of the folder says). {@link Files#createTempFile} makes it
   * 0600, which keeps the content private while it is written but would otherwise end up on every
   * output. Java cannot read the umask, so a probe file is created the ordinary way beside the
   * target, read and deleted. Nothing is done on file systems without POSIX permissions.
   */
  private static void givePermissions(Path tmp, Path target, Path dir) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(target);
    } catch (NoSuchFileException e) {
      permissions = newFilePermissions(dir, target.getFileName().toString());
    }
    Files.setPosixFilePermissions(tmp, permissions);
  }

  /** The permissions a file created in {@code dir} without explicit ones gets. */
  private static Set<PosixFilePermission> newFilePermissions(Path dir, String name)
      throws IOException {
    for (int attempt = 0; ; attempt++) {
      // not named like a temporary (digits + ".tmp"), so removeStaleTemporaries leaves it alone
      Path probe =
          dir.resolve(
              "."
                  + name
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
                  + ".mode");
      try {
        Files.createFile(probe);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 100) {
          continue;
        }
        throw e;
      }
      try {
        return Files.getPosixFilePermissions(probe);
      } finally {
        Files.deleteIfExists(probe);
      }
    }
  }

  /**
   * Deletes the temporary files a killed or crashed writer left beside {@code target}: those named
   * like this class names them whose lock no process holds. A write in progress (in this or another
   * process) keeps its file.
   *
   * @return the files deleted
   * @throws IOException if the folder cannot be listed or a leftover cannot be deleted
   */
  public static List<Path> removeStaleTemporaries(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    List<Path> removed = new ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return removed;
    }
    String prefix = "." + abs.getFileName() + ".";
    List<Path> candidates;
    try (var files = Files.list(dir)) {
      candidates =
          files
              .filter(
                  f -> {
                    String n = f.getFileName().toString();
                    return n.startsWith(prefix)
                        && n.endsWith(".tmp")
                        && n.substring(prefix.length(), n.length() - 4).matches("\\d+");
                  })
              .sorted()
              .toList();
    }
    for (Path tmp : candidates) {
      try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          continue; // another process is writing it
        }
        Files.delete(tmp);
        removed.add(tmp);
      } catch (OverlappingFileLockException e) {
        // this process is writing it
      } catch (NoSuchFileException e) {
        // its writer finished (renamed or deleted it) meanwhile
      }
    }
    return removed;
  }
}
