package dev.papergraph.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "no POSIX permissions on this file system: skipped");
  }

  private static void write(Path target, String text) throws Exception {
    AtomicOutput.write(target, true, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> listing() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void refusesToReplaceASymbolicLinkAFifoOrAFolderAndLeavesThemAsTheyAre() throws Exception {
    Path real = Files.writeString(dir.resolve("real.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
    FileSystemException e = assertThrows(FileSystemException.class, () -> write(link, "new"));
    assertTrue(e.getMessage().contains("is a symbolic link, not a regular file"), e.getMessage());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("keep me", Files.readString(real));

    Path folder = Files.createDirectory(dir.resolve("folder"));
    e = assertThrows(FileSystemException.class, () -> write(folder, "new"));
    assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    assertTrue(Files.isDirectory(folder));

    // a FIFO stands for a device such as /dev/null, which a test must not risk replacing
    Path fifo = dir.resolve("fifo");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
    e = assertThrows(FileSystemException.class, () -> write(fifo, "new"));
    assertTrue(e.getMessage().contains("is a device, FIFO or socket"), e.getMessage());
    assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still a FIFO");
    assertEquals(List.of("fifo", "folder", "link.txt", "real.txt"), listing(), "no temporary left");
  }

  @Test
  void newFileGetsThePermissionsOfAnOrdinarilyCreatedFile() throws Exception {
    Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
    // the umask of a build is normally 022 or 002; with 077 there is nothing to tell apart from
    // 0600
    Assumptions.assumeTrue(
        expected.contains(PosixFilePermission.GROUP_READ),
        "umask removes group read (" + PosixFilePermissions.toString(expected) + "): skipped");

    Path target = dir.resolve("export.csv");
    write(target, "a,b\n");
    assertEquals(
        PosixFilePermissions.toString(expected),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertTrue(Files.getPosixFilePermissions(target).contains(PosixFilePermission.GROUP_READ));
    assertEquals("a,b\n", Files.readString(target));
    assertEquals(
        List.of("export.csv", "ordinary.txt"), listing(), "no temporary or probe file left");
  }

  @Test
  void overwrittenFileKeepsItsPermissions() throws Exception {
    Path target = dir.resolve("export.csv");
    Files.writeString(target, "old\n");
    Set<PosixFilePermission> p0640 = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(target, p0640);

    write(target, "new\n");
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals("new\n", Files.readString(target));

    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
    write(target, "newer\n");
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of("export.csv"), listing());
  }
}
