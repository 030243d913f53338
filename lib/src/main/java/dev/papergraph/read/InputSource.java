package dev.papergraph.read;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A named input that can be opened (more than once, so a format can be detected before reading): a
 * file, a classpath resource or a buffered stream. Gzip content is unpacked transparently.
 *
 * @param name the name shown in messages and provenance (the path as the user gave it)
 * @param opener opens the raw bytes
 * @param file the file on disk, or {@code null} (a resource, standard input, a zip entry): the same
 *     file given twice is read once
 * @param optional whether the input was found rather than named (a file of a folder): one whose
 *     content is no format papergraph reads, or that cannot be opened, is skipped and listed in the
 *     import report instead of failing the import
 */
public record InputSource(String name, Opener opener, Path file, boolean optional) {

  /** Opens the raw bytes of a source. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  /** A source that is not a file on disk, named by the user. */
  public InputSource(String name, Opener opener) {
    this(name, opener, null, false);
  }

  /** A file on disk, named as given. */
  public static InputSource of(Path file) {
    return new InputSource(file.toString(), fileOpener(file), file, false);
  }

  /**
   * A file found in a folder the user named: skipped and reported, not fatal, when it is no format
   * papergraph reads.
   */
  public static InputSource inFolder(Path file) {
    return new InputSource(file.toString(), fileOpener(file), file, true);
  }

  /** A found input that cannot be read at all, for the import report to list as skipped. */
  static InputSource unreadable(Path file, String reason) {
    return new InputSource(
        file.toString(),
        () -> {
          throw new CorpusFormatException(file.toString(), reason);
        },
        null,
        true);
  }

  private static Opener fileOpener(Path file) {
    return () -> {
      try {
        return Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new CorpusFormatException(file.toString(), "no such file", e);
      } catch (AccessDeniedException e) {
        throw new CorpusFormatException(file.toString(), "permission denied", e);
      }
    };
  }

  /**
   * A classpath resource of the given class loader.
   *
   * <p>Opening fails with a {@link CorpusFormatException} if the resource does not exist.
   */
  public static InputSource ofResource(ClassLoader loader, String resource) {
    return new InputSource(
        resource,
        () -> {
          InputStream in = loader.getResourceAsStream(resource);
          if (in == null) {
            throw new CorpusFormatException(resource, "no such resource on the classpath");
          }
          return in;
        });
  }

  /** Bytes held in memory (standard input is read into memory once so it can be sniffed). */
  public static InputSource ofBytes(String name, byte[] bytes) {
    return new InputSource(name, () -> new ByteArrayInputStream(bytes));
  }

  /**
   * Opens the content, unpacking gzip when the bytes start with the gzip magic number. A gzip
   * stream that unpacks to more than {@link Limits#MAX_UNPACK_RATIO} times its packed size (a
   * decompression bomb) or ends early fails with a {@link CorpusFormatException} naming this
   * source.
   */
  public InputStream open() throws IOException {
    BufferedInputStream in = new BufferedInputStream(opener.open(), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      CountingStream packed = new CountingStream(in);
      GZIPInputStream gzip;
      try {
        gzip = new GZIPInputStream(packed, 1 << 16);
      } catch (EOFException e) {
        in.close();
        throw new CorpusFormatException(name, "truncated gzip: the file ends inside its header", e);
      } catch (ZipException e) {
        in.close();
        throw new CorpusFormatException(name, "damaged gzip: " + e.getMessage(), e);
      }
      return new BufferedInputStream(new Unpacked(name, gzip, packed), 1 << 16);
    }
    return in;
  }

  /**
   * Opens the content as text: decoded by its byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE,
   * the mark itself skipped), UTF-8 without one; malformed bytes become U+FFFD.
   */
  public Reader openText() throws IOException {
    InputStream in = open();
    BufferedInputStream b =
        in instanceof BufferedInputStream bis ? bis : new BufferedInputStream(in, 1 << 16);
    b.mark(4);
    byte[] head = b.readNBytes(4);
    b.reset();
    Bom bom = Bom.of(head);
    b.skipNBytes(bom.length);
    var decoder =
        bom.charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(b, decoder), 1 << 16);
  }

  /** A byte-order mark: the charset it announces and its length in bytes (0: none, UTF-8). */
  record Bom(Charset charset, int length) {
    static Bom of(byte[] h) {
      int b0 = h.length > 0 ? h[0] & 0xff : -1, b1 = h.length > 1 ? h[1] & 0xff : -1;
      int b2 = h.length > 2 ? h[2] & 0xff : -1, b3 = h.length > 3 ? h[3] & 0xff : -1;
      if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) {
        return new Bom(Charset.forName("UTF-32BE"), 4);
      }
      if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) {
        return new Bom(Charset.forName("UTF-32LE"), 4);
      }
      if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (b0 == 0xfe && b1 == 0xff) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (b0 == 0xff && b1 == 0xfe) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return new Bom(StandardCharsets.UTF_8, 0);
    }
  }

  /** The first characters of the (unpacked, decoded) content, for format detection. */
  public String headText(int maxChars) throws IOException {
    try (Reader r = openText()) {
      char[] buf = new char[maxChars];
      int n = 0;
      int k;
      while (n < maxChars && (k = r.read(buf, n, maxChars - n)) > 0) {
        n += k;
      }
      return new String(buf, 0, n);
    }
  }

  /** Counts the packed bytes read. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count += n;
      return n;
    }
  }

  /** Unpacked gzip content: a truncated stream or a bomb fails naming the source. */
  private static final class Unpacked extends FilterInputStream {
    private final String name;
    private final CountingStream packed;
    private long unpacked;

    Unpacked(String name, InputStream in, CountingStream packed) {
      super(in);
      this.name = name;
      this.packed = packed;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, len);
      } catch (EOFException e) {
        throw new CorpusFormatException(
            name, "truncated gzip: the file ends before its compressed data does", e);
      } catch (ZipException e) {
        throw new CorpusFormatException(name, "damaged gzip: " + e.getMessage(), e);
      }
      if (n > 0) {
        unpacked += n;
        if (unpacked > Limits.RATIO_FREE_BYTES
            && unpacked > Limits.MAX_UNPACK_RATIO * Math.max(1, packed.count)) {
          throw new CorpusFormatException(
              name,
              "gzip unpacks to over "
                  + Limits.MAX_UNPACK_RATIO
                  + " times its size (a decompression bomb, e.g. a file of zeros): not read");
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buf = new byte[(int) Math.min(n, 8192)];
      long done = 0;
      while (done < n) {
        int k = read(buf, 0, (int) Math.min(buf.length, n - done));
        if (k < 0) break;
        done += k;
      }
      return done;
    }
  }

  /** The first bytes of the (unpacked) content, for format detection. */
  public byte[] head(int max) throws IOException {
    try (InputStream in = open()) {
      return in.readNBytes(max);
    }
  }
}
