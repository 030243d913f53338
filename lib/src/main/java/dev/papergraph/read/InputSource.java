package dev.papergraph.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * A named input that can be opened (more than once, so a format can be detected before reading):
 * a file, a classpath resource or a buffered stream. Gzip content is unpacked transparently.
 *
 * @param name the name shown in messages and provenance (the path as the user gave it)
 * @param opener opens the raw bytes
 */
public record InputSource(String name, Opener opener) {

  /** Opens the raw bytes of a source. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  /** A file on disk, named as given. */
  public static InputSource of(Path file) {
    return new InputSource(file.toString(), () -> {
      try {
        return Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new CorpusFormatException(file.toString(), "no such file", e);
      }
    });
  }

  /**
   * A classpath resource of the given class loader.
   *
   * <p>Opening fails with a {@link CorpusFormatException} if the resource does not exist.
   */
  public static InputSource ofResource(ClassLoader loader, String resource) {
    return new InputSource(resource, () -> {
      InputStream in = loader.getResourceAsStream(resource);
      if (in == null) {
        throw new CorpusFormatException(resource, "no such resource on the classpath");
      }
      return in;
    });
  }

  /** Bytes held in memory (standard input is read into memory once so it can be sniffed). */
  public static InputSource ofBytes(String name, byte[] bytes) {
    return new InputSource(name, () -> new java.io.ByteArrayInputStream(bytes));
  }

  /** Opens the content, unpacking gzip when the bytes start with the gzip magic number. */
  public InputStream open() throws IOException {
    BufferedInputStream in = new BufferedInputStream(opener.open(), 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /** The first bytes of the (unpacked) content, for format detection. */
  public byte[] head(int max) throws IOException {
    try (InputStream in = open()) {
      return in.readNBytes(max);
    }
  }
}
