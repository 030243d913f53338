package dev.papergraph.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readers of every supported format, format detection from content, and loading several
 * inputs into one merged {@link Corpus}.
 */
public final class Readers {

  private static final int SNIFF_BYTES = 64 * 1024;

  private final Map<Format, CorpusReader> readers = new EnumMap<>(Format.class);

  private Readers() {
    register(new HfListingReader());
    register(NativeCorpus.jsonReader());
    register(NativeCorpus.jsonlReader());
    register(new OpenAlexReader());
    register(new ArxivReader());
    register(new SemanticScholarReader());
    register(new CrossrefReader());
    register(new PubMedXmlReader());
    register(new JatsReader());
    register(new BibtexReader());
    register(new RisReader());
    register(new MedlineTextReader());
    register(new WosReader());
    register(new CsvReader());
  }

  /** All built-in readers. */
  public static Readers standard() {
    return new Readers();
  }

  private void register(CorpusReader r) {
    readers.put(r.format(), r);
  }

  /**
   * These readers with one replaced, e.g. {@code with(new CsvReader(Mapping.parse("title=TI")))}
   * for a CSV column mapping.
   */
  public Readers with(CorpusReader reader) {
    Readers copy = new Readers();
    copy.readers.putAll(readers);
    copy.register(reader);
    return copy;
  }

  /** The reader for a format. */
  public CorpusReader reader(Format format) {
    CorpusReader r = readers.get(format);
    if (r == null) {
      throw new IllegalStateException("no reader registered for " + format);
    }
    return r;
  }

  /**
   * The format of a source, judged from its first bytes (gzip unpacked), not its name.
   *
   * @return empty when the content matches no known format
   */
  public Optional<Format> detect(InputSource source) throws IOException {
    return FormatDetector.detect(source, SNIFF_BYTES);
  }

  /**
   * The classpath resources listed, one name a line, in an {@code INDEX} resource of a folder: the
   * way a bundled corpus ships inside a jar, where folders cannot be listed.
   *
   * @param folder the resource folder, e.g. {@code papergraph/seed/hf-papers}
   * @throws CorpusFormatException if the folder has no INDEX resource
   */
  public static List<InputSource> bundled(ClassLoader loader, String folder) throws IOException {
    var in = loader.getResourceAsStream(folder + "/INDEX");
    if (in == null) {
      throw new CorpusFormatException(folder, "no bundled corpus here (no INDEX resource on the classpath)");
    }
    List<InputSource> out = new java.util.ArrayList<>();
    try (in) {
      for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (!name.isBlank()) {
          out.add(InputSource.ofResource(loader, folder + "/" + name.strip()));
        }
      }
    }
    return out;
  }

  /**
   * Reads the sources into one corpus, merging duplicates across them.
   *
   * @param format the format of every source, or {@code null} to detect each one's
   * @throws CorpusFormatException if a source's format cannot be detected or it is not of the
   *     forced format at all
   */
  public Corpus load(List<InputSource> sources, Format format) throws IOException {
    CorpusBuilder builder = new CorpusBuilder();
    // BibTeX files given together share @string macros and crossref targets (abbrev.bib first)
    BibtexReader.Session bibtex = null;
    for (InputSource s : sources) {
      Format f = formatOf(s, format);
      builder.beginFile(s.name(), f);
      if (f == Format.BIBTEX) {
        if (bibtex == null) {
          bibtex = ((BibtexReader) reader(Format.BIBTEX)).session();
        }
        bibtex.read(s, builder);
      } else {
        reader(f).read(s, builder);
      }
    }
    if (bibtex != null) {
      bibtex.finish(builder, file -> builder.beginFile(file, Format.BIBTEX));
    }
    return builder.build();
  }

  /** Reads one source into a builder (format detected when {@code format} is null). */
  public void read(InputSource source, Format format, CorpusBuilder builder) throws IOException {
    Format f = formatOf(source, format);
    builder.beginFile(source.name(), f);
    reader(f).read(source, builder);
  }

  private Format formatOf(InputSource source, Format format) throws IOException {
    return format != null ? format : detect(source).orElseThrow(() -> new CorpusFormatException(
        source.name(), "unknown format: not a format papergraph reads (try --format)"));
  }
}
