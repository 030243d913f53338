package dev.papergraph.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The readers of every supported format, format detection from content, and loading several inputs
 * into one merged {@link Corpus}.
 */
public final class Readers {

  private static final int SNIFF_BYTES = 64 * 1024;

  /**
   * How to make each format's reader. A reader is made on first use: a build of one format does not
   * set up the others (JSON mappers, XML factories, regular expressions).
   */
  private final Map<Format, Supplier<CorpusReader>> makers = new EnumMap<>(Format.class);

  /** The readers made so far. */
  private final Map<Format, CorpusReader> readers = new EnumMap<>(Format.class);

  private Readers() {
    register(Format.HF_LISTING, HfListingReader::new);
    register(Format.PAPERGRAPH_JSON, NativeCorpus::jsonReader);
    register(Format.PAPERGRAPH_JSONL, NativeCorpus::jsonlReader);
    register(Format.OPENALEX, OpenAlexReader::new);
    register(Format.ARXIV, ArxivReader::new);
    register(Format.SEMANTIC_SCHOLAR, SemanticScholarReader::new);
    register(Format.CROSSREF, CrossrefReader::new);
    register(Format.PUBMED_XML, PubMedXmlReader::new);
    register(Format.JATS, JatsReader::new);
    register(Format.BIBTEX, BibtexReader::new);
    register(Format.RIS, RisReader::new);
    register(Format.MEDLINE_TEXT, MedlineTextReader::new);
    register(Format.WOS, WosReader::new);
    register(Format.CSV, CsvReader::new);
  }

  /** All built-in readers. */
  public static Readers standard() {
    return new Readers();
  }

  private void register(Format format, Supplier<CorpusReader> maker) {
    makers.put(format, maker);
  }

  /**
   * These readers with one replaced, e.g. {@code with(new CsvReader(Mapping.parse("title=TI")))}
   * for a CSV column mapping.
   */
  public Readers with(CorpusReader reader) {
    Readers copy = new Readers();
    copy.makers.putAll(makers);
    copy.register(reader.format(), () -> reader);
    return copy;
  }

  /** The reader for a format. */
  public synchronized CorpusReader reader(Format format) {
    CorpusReader r = readers.get(format);
    if (r == null) {
      Supplier<CorpusReader> maker = makers.get(format);
      if (maker == null) {
        throw new IllegalStateException("no reader registered for " + format);
      }
      r = maker.get();
      if (r.format() != format) {
        throw new IllegalStateException(
            "the reader registered for " + format + " reads " + r.format());
      }
      readers.put(format, r);
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
      throw new CorpusFormatException(
          folder, "no bundled corpus here (no INDEX resource on the classpath)");
    }
    List<InputSource> out = new ArrayList<>();
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
   * Reads the sources into one corpus, merging duplicates across them, as {@link #read} does each.
   *
   * @param format the format of every source, or {@code null} to detect each one's
   * @throws CorpusFormatException if a source's format cannot be detected or it is not of the
   *     forced format at all
   */
  public Corpus load(List<InputSource> sources, Format format) throws IOException {
    CorpusBuilder builder = new CorpusBuilder();
    // BibTeX files given together share @string macros and crossref targets (abbrev.bib first)
    BibtexReader.Session[] bibtex = {null};
    for (InputSource s : sources) {
      read(
          s,
          format,
          builder,
          (source, f) -> {
            if (f == Format.BIBTEX) {
              if (bibtex[0] == null) {
                bibtex[0] = ((BibtexReader) reader(Format.BIBTEX)).session();
              }
              bibtex[0].read(source, builder);
            } else {
              reader(f).read(source, builder);
            }
          });
    }
    if (bibtex[0] != null) {
      bibtex[0].finish(builder, file -> builder.beginFile(file, Format.BIBTEX));
    }
    return builder.build();
  }

  /**
   * Reads one source into a builder.
   *
   * <ul>
   *   <li>An input read before (the same file by its real path, or the same content) is not read
   *       again: it is listed as skipped.
   *   <li>A zip archive is read entry by entry, each entry's format detected (or the forced one);
   *       an empty entry, one of no known format, or (with a forced format) one that is not of it
   *       is skipped and listed; records count under the archive's name.
   *   <li>An {@linkplain InputSource#optional() optional} source (a file of a folder) of no known
   *       format, or that cannot be opened, is skipped and listed instead of failing.
   * </ul>
   *
   * @param format the format of the source, or {@code null} to detect it
   * @throws CorpusFormatException if a named source cannot be opened, its format cannot be
   *     detected, or it is not of the forced format at all
   */
  public void read(InputSource source, Format format, CorpusBuilder builder) throws IOException {
    read(source, format, builder, 1);
  }

  /**
   * Reads a source as {@link #read(InputSource, Format, CorpusBuilder)} does; with more than one
   * thread, the builder takes each file's records on a thread of its own while the reader decodes
   * and binds the next ones ({@link HandOff}), and a reader that can parse records on several
   * threads does ({@link CorpusReader#read(InputSource, RecordSink, int)}): the same corpus and
   * report.
   *
   * @param threads the thread option (1: the builder takes each record on the reader's thread)
   * @throws IllegalArgumentException if threads is below 1
   */
  public void read(InputSource source, Format format, CorpusBuilder builder, int threads)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (threads == 1) {
      read(source, format, builder, (s, f) -> reader(f).read(s, builder));
      return;
    }
    read(
        source,
        format,
        builder,
        (s, f) -> {
          HandOff handOff = new HandOff(builder, threads);
          try {
            reader(f).read(s, handOff, threads);
          } finally {
            handOff.finish();
          }
        });
  }

  /** Reads a source that is not a zip archive in the format chosen. */
  @FunctionalInterface
  private interface FormatRead {
    void read(InputSource source, Format format) throws IOException;
  }

  private void read(InputSource source, Format format, CorpusBuilder builder, FormatRead how)
      throws IOException {
    Optional<String> same = builder.sameInputAs(source);
    if (same.isPresent()) {
      builder.skip(
          source.name(),
          same.get().equals(source.name())
              ? "given more than once: read once"
              : "the same content as " + same.get() + ": read once");
      return;
    }
    byte[] head;
    try {
      head = source.head(4);
    } catch (CorpusFormatException e) {
      if (!source.optional()) {
        throw e;
      }
      builder.skip(source.name(), reason(e, source.name()));
      return;
    }
    if (ZipInputs.isZip(head)) {
      readZip(source, format, builder, how);
      return;
    }
    Optional<Format> f = format != null ? Optional.of(format) : detect(source);
    if (f.isEmpty()) {
      if (source.optional()) {
        builder.skip(source.name(), "not a format papergraph reads");
        return;
      }
      throw new CorpusFormatException(
          source.name(), "unknown format: not a format papergraph reads (try --format)");
    }
    builder.beginFile(source.name(), f.get());
    how.read(source, f.get());
  }

  private void readZip(InputSource archive, Format format, CorpusBuilder builder, FormatRead how)
      throws IOException {
    boolean[] any = {false};
    ZipInputs.forEachEntry(
        archive,
        entry -> {
          if (entry.head(1).length == 0) {
            builder.skip(entry.name(), "empty zip entry");
            return;
          }
          Optional<Format> detected = detect(entry);
          Format f = format != null ? format : detected.orElse(null);
          if (f == null) {
            builder.skip(entry.name(), "not a format papergraph reads");
            return;
          }
          if (format != null && detected.isPresent() && detected.get() != format) {
            builder.skip(
                entry.name(),
                "is " + detected.get().description() + ", not " + format.description());
            return;
          }
          builder.beginFile(archive.name(), f);
          try {
            how.read(entry, f);
            any[0] = true;
          } catch (CorpusFormatException e) {
            if (format == null) {
              throw e;
            }
            // with a forced format, an entry of another kind (a README) is skipped, not fatal
            builder.skip(entry.name(), reason(e, entry.name()));
          }
        });
    if (!any[0]) {
      builder.warn(archive.name(), "no entry of this zip archive was read");
    }
  }

  /** The reason of a format exception without its file-name prefix. */
  private static String reason(CorpusFormatException e, String name) {
    String m = e.getMessage();
    return m.startsWith(name + ": ") ? m.substring(name.length() + 2) : m;
  }
}
