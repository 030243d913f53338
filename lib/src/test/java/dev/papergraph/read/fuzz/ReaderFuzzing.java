package dev.papergraph.read.fuzz;

import dev.papergraph.read.Corpus;
import dev.papergraph.read.CorpusBuilder;
import dev.papergraph.read.CorpusFormatException;
import dev.papergraph.read.Format;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The property every reader's fuzz test checks, and the seeds it starts from.
 *
 * <p>Property: reading any bytes either returns (every record accepted, merged or rejected, so that
 * {@code read == imported + merged + rejected}, which {@link ImportReport}'s constructor checks) or
 * throws the reader's declared {@link CorpusFormatException} (the input is not this format at all).
 * Any other exception or error (a {@code StackOverflowError}, an {@code OutOfMemoryError}, a {@code
 * NullPointerException}) fails the test, and Jazzer keeps the input.
 *
 * <p>In {@code mvn verify} each fuzz class is fuzzed in its own JVM for {@code
 * papergraph.fuzz.seconds} (20 by default); {@code -Dpapergraph.fuzz.seconds=600} is the long run.
 * Without {@code JAZZER_FUZZ=1} (e.g. from an IDE) the tests only replay their seeds.
 */
final class ReaderFuzzing {

  private static final Readers READERS = Readers.standard();

  /** Largest seed taken from a fixture: the fuzzer mutates small inputs best. */
  private static final int MAX_SEED = 64 * 1024;

  private ReaderFuzzing() {}

  /** Reads the bytes in the format ({@code null}: detected) and checks the property. */
  static void check(Format format, byte[] data) {
    CorpusBuilder builder = new CorpusBuilder();
    try {
      READERS.read(InputSource.ofBytes("fuzz-input", data), format, builder);
    } catch (CorpusFormatException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("fuzz-input")) {
        throw new AssertionError(
            "format exception that does not name its file: " + e.getMessage(), e);
      }
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory input failed with an undeclared IOException", e);
    }
    Corpus corpus = builder.build();
    ImportReport r = corpus.report();
    if (r.imported() != corpus.size() || r.read() != r.imported() + r.merged() + r.rejected()) {
      throw new AssertionError("records unaccounted for: " + r.toText());
    }
  }

  /**
   * Detects the format of the bytes: returns a format or none, or throws a CorpusFormatException.
   */
  static void detect(byte[] data) {
    try {
      READERS.detect(InputSource.ofBytes("fuzz-input", data));
    } catch (CorpusFormatException e) {
      // a damaged zip archive or gzip stream
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory input failed with an undeclared IOException", e);
    }
  }

  /**
   * The fixtures of folders under {@code src/test/resources/formats}, each cut to 64 KiB, as seeds.
   */
  static Stream<byte[]> seeds(String... folders) {
    List<byte[]> out = new ArrayList<>();
    for (String folder : folders) {
      URL url = ReaderFuzzing.class.getClassLoader().getResource("formats/" + folder);
      if (url == null) {
        throw new IllegalStateException("no fixture folder formats/" + folder);
      }
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        for (Path f : files.sorted().toList()) {
          if (f.toString().endsWith(".py")) {
            continue;
          }
          try (InputStream in = Files.newInputStream(f)) {
            out.add(in.readNBytes(MAX_SEED));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.stream();
  }
}
