package dev.papergraph.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures under {@code src/test/resources/formats/} and helpers to read them. */
final class Fixtures {

  private Fixtures() {}

  /** A fixture resource as a source, e.g. {@code openalex/donners_5.jsonl}. */
  static InputSource source(String name) {
    return InputSource.ofResource(Fixtures.class.getClassLoader(), "formats/" + name);
  }

  /** In-memory text as a source. */
  static InputSource text(String name, String content) {
    return InputSource.ofBytes(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads sources in one format (null: detected) into a corpus, checking the report's invariant.
   */
  static Corpus load(Format format, InputSource... sources) {
    try {
      Corpus c = Readers.standard().load(List.of(sources), format);
      ImportReport r = c.report();
      if (r.read() != r.imported() + r.merged() + r.rejected() || r.imported() != c.size()) {
        throw new AssertionError("report does not add up: " + r.toText());
      }
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
