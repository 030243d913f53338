package dev.papergraph.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The bundled seed corpus (module testdata) for tests. */
public final class Seeds {

  /** The classpath folder of the five daily-papers listing pages. */
  public static final String FOLDER = "papergraph/seed/hf-papers";

  private Seeds() {}

  /** The five seed files, in name order. */
  public static List<InputSource> sources() {
    try {
      return Readers.bundled(Seeds.class.getClassLoader(), FOLDER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The merged seed corpus. */
  public static Corpus corpus() {
    try {
      return Readers.standard().load(sources(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
