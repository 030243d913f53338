package dev.papergraph.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Zip archives as inputs: every file entry is read as its own source, in entry-name order, named
 * {@code archive!/entry} in messages and provenance. A source that is not a file on disk (a
 * resource, standard input) is copied to a temporary file first, since zip needs random access.
 */
final class ZipInputs {

  private ZipInputs() {}

  /** Reads one entry of an archive. */
  @FunctionalInterface
  interface EntryReader {
    void read(InputSource entry) throws IOException;
  }

  /** True when the content starts with the zip local-file-header signature {@code PK\3\4}. */
  static boolean isZip(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  /**
   * Calls {@code reader} for every file entry of the zip archive, in name order.
   *
   * @throws CorpusFormatException if the archive is damaged
   */
  static void forEachEntry(InputSource archive, EntryReader reader) throws IOException {
    Path file = Path.of(archive.name());
    Path temp = null;
    if (!Files.isRegularFile(file)) {
      temp = Files.createTempFile("papergraph-", ".zip");
      try (InputStream in = archive.opener().open()) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      file = temp;
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      zip.stream().filter(e -> !e.isDirectory()).forEach(entries::add);
      entries.sort(Comparator.comparing(ZipEntry::getName));
      for (ZipEntry e : entries) {
        String name = archive.name() + "!/" + e.getName();
        reader.read(
            new InputSource(
                name, () -> new Bounded(name, zip.getInputStream(e), e.getCompressedSize())));
      }
    } catch (ZipException | EOFException e) {
      // ZipFile reports a damaged central directory or local header as a ZipException, and one cut
      // short (while opening the archive or an entry) as a bare EOFException: both are damage
      throw new CorpusFormatException(archive.name(), "damaged zip archive: " + e, e);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * An entry's content; one unpacking to over {@link Limits#MAX_UNPACK_RATIO} times its packed size
   * fails.
   */
  private static final class Bounded extends FilterInputStream {
    private final String name;
    private final long packed;
    private long unpacked;

    Bounded(String name, InputStream in, long packed) {
      super(in);
      this.name = name;
      this.packed = Math.max(1, packed);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (EOFException | ZipException e) {
        // a local header or data cut short: ZipFile reports it as a bare EOFException
        throw new CorpusFormatException(name, "damaged zip archive: " + e, e);
      }
      if (n > 0) {
        unpacked += n;
        if (unpacked > Limits.RATIO_FREE_BYTES && unpacked > Limits.MAX_UNPACK_RATIO * packed) {
          throw new CorpusFormatException(
              name,
              "zip entry unpacks to over "
                  + Limits.MAX_UNPACK_RATIO
                  + " times its size (a decompression bomb): not read");
        }
      }
      return n;
    }
  }

  /** The first bytes of the first entry (in name order), for format detection; empty if none. */
  static byte[] firstEntryHead(InputSource archive, int max) throws IOException {
    byte[][] head = {new byte[0]};
    boolean[] done = {false};
    forEachEntry(
        archive,
        entry -> {
          if (!done[0]) {
            head[0] = entry.head(max);
            done[0] = true;
          }
        });
    return head[0];
  }
}
