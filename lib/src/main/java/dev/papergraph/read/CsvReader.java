package dev.papergraph.read;

import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Provenance;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads CSV and TSV tables with one paper a row (RFC 4180 quoting, fields spanning lines; the
 * delimiter, comma, tab or semicolon, is taken from the header line). Which column holds which
 * field is given by a {@link Mapping}, or guessed from the header names ({@code title}, {@code
 * abstract}, {@code doi}, {@code year}, {@code authors}, {@code journal}, {@code keywords}, … and
 * the names Scopus, Web of Science and Embase use). Rows stream one at a time.
 */
public final class CsvReader implements CorpusReader {

  /** The fields a column can be mapped to. */
  public enum Field {
    TITLE("title", "article title", "document title", "primary title", "ti"),
    ABSTRACT("abstract", "ab", "summary", "abstract note", "abstracttext"),
    DOI("doi", "di", "doi link"),
    ARXIV("arxiv", "arxiv id", "arxiv_id", "eprint"),
    PMID("pmid", "pubmed id", "pubmed_id", "pm"),
    OPENALEX("openalex", "openalex id", "openalex_id"),
    YEAR("year", "publication year", "py", "pubyear", "publication_year"),
    DATE("date", "publication date", "publication_date", "publicationdate", "published"),
    AUTHORS("authors", "author", "author names", "author full names", "au", "af", "creators"),
    VENUE(
        "journal",
        "source title",
        "venue",
        "publication title",
        "journal/book",
        "so",
        "container title",
        "source"),
    KEYWORDS("keywords", "author keywords", "de", "index keywords", "manual tags", "subjects");

    private final List<String> names;

    Field(String... names) {
      this.names = List.of(names);
    }
  }

  /**
   * Column names for fields; fields not named are guessed from the header.
   *
   * @param columns field → header name (case-insensitive)
   */
  public record Mapping(Map<Field, String> columns) {

    /** Guess every field from the header. */
    public static final Mapping GUESS = new Mapping(Map.of());

    public Mapping {
      columns = Map.copyOf(columns);
    }

    /**
     * Parses {@code title=Article Title,abstract=AB,doi=DOI} (as given to {@code --columns}).
     *
     * @throws IllegalArgumentException naming the part that is not {@code field=column} or the
     *     unknown field
     */
    public static Mapping parse(String spec) {
      Map<Field, String> m = new EnumMap<>(Field.class);
      for (String part : spec.split(",")) {
        if (part.isBlank()) continue;
        int eq = part.indexOf('=');
        if (eq <= 0 || eq == part.length() - 1) {
          throw new IllegalArgumentException(
              "column mapping \"" + part.strip() + "\" is not field=column");
        }
        String field = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
        try {
          m.put(Field.valueOf(field), part.substring(eq + 1).strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown field \""
                  + part.substring(0, eq).strip()
                  + "\" in column mapping; fields are "
                  + List.of(Field.values()).toString().toLowerCase(Locale.ROOT));
        }
      }
      return new Mapping(m);
    }
  }

  private final Mapping mapping;

  /** A reader that guesses columns from the header. */
  public CsvReader() {
    this(Mapping.GUESS);
  }

  /** A reader with the given column mapping (other fields guessed). */
  public CsvReader(Mapping mapping) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  @Override
  public Format format() {
    return Format.CSV;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    String file = source.name();
    try (TextLines lines = new TextLines(source.openText())) {
      String headerLine = lines.next();
      if (headerLine == null || headerLine.isBlank()) {
        sink.warn(file, "empty file: no header and no rows");
        return;
      }
      char delimiter = delimiter(headerLine);
      Rows rows = new Rows(lines, delimiter, headerLine);
      List<String> header = rows.next();
      header = header.stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
      int[] col = columns(header, file);
      rows.expected = header.size();
      long record = 0;
      List<String> row;
      while ((row = rows.next()) != null) {
        long line = rows.line;
        if (rows.bad == null && row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        record++;
        Provenance where = new Provenance(file, line, record);
        if (rows.bad != null) {
          sink.reject(new ImportIssue(file, line, record, rows.bad));
          continue;
        }
        try {
          sink.accept(map(row, header, col, where));
        } catch (RecordException e) {
          sink.reject(new ImportIssue(file, line, record, e.reason()));
        } catch (IllegalArgumentException e) {
          sink.reject(new ImportIssue(file, line, record, e.getMessage()));
        }
      }
      if (record == 0) {
        sink.warn(file, "no rows after the header");
      }
    }
  }

  /** The column index of each field, -1 when absent. */
  private int[] columns(List<String> header, String file) throws CorpusFormatException {
    int[] col = new int[Field.values().length];
    for (Field f : Field.values()) {
      String wanted = mapping.columns().get(f);
      col[f.ordinal()] = wanted != null ? indexOf(header, wanted) : -1;
      if (wanted != null && col[f.ordinal()] < 0) {
        throw new CorpusFormatException(
            file,
            "column \""
                + wanted
                + "\" (mapped to "
                + f.name().toLowerCase(Locale.ROOT)
                + ") is not in the header "
                + header);
      }
      for (int i = 0; wanted == null && i < f.names.size() && col[f.ordinal()] < 0; i++) {
        col[f.ordinal()] = indexOf(header, f.names.get(i));
      }
    }
    if (col[Field.TITLE.ordinal()] < 0) {
      throw new CorpusFormatException(
          file,
          "no title column in the header "
              + header
              + " (name it with a column mapping, e.g. title=<column>)");
    }
    return col;
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(name)) return i;
    }
    return -1;
  }

  private static Paper map(List<String> row, List<String> header, int[] col, Provenance where)
      throws RecordException {
    if (row.size() > header.size()) {
      throw new RecordException("row has " + row.size() + " fields, the header " + header.size());
    }
    String title = get(row, col, Field.TITLE);
    if (title == null) {
      throw new RecordException(
          "row has no title (column \"" + header.get(col[Field.TITLE.ordinal()]) + "\" is empty)");
    }
    Paper.Builder b =
        Paper.builder()
            .title(title)
            .abstractText(get(row, col, Field.ABSTRACT))
            .ids(
                ExternalIds.of(
                    get(row, col, Field.DOI),
                    get(row, col, Field.ARXIV),
                    get(row, col, Field.OPENALEX),
                    null,
                    get(row, col, Field.PMID)))
            .venue(get(row, col, Field.VENUE))
            .addProvenance(where);
    String date = get(row, col, Field.DATE);
    String year = get(row, col, Field.YEAR);
    if (year != null && !year.matches("\\d{4}(\\.0)?")) {
      throw new RecordException("year \"" + JsonFields.clip(year) + "\" is not a year");
    }
    b.date(
        date != null && JsonFields.date(date) != null
            ? JsonFields.date(date)
            : year == null ? null : JsonFields.date(year.substring(0, 4)));
    String authors = get(row, col, Field.AUTHORS);
    if (authors != null) {
      for (String a : splitAuthors(authors)) {
        b.addAuthor(a);
      }
    }
    String keywords = get(row, col, Field.KEYWORDS);
    if (keywords != null) {
      for (String k : keywords.split(";")) {
        if (!k.isBlank()) b.addTopic(new Topic(k, 1.0, TopicSource.KEYWORD));
      }
    }
    return b.build();
  }

  /** "A; B" or "Liu R., Adler D.G." (every comma part a name with a space) or one name. */
  static List<String> splitAuthors(String s) {
    List<String> out = new ArrayList<>();
    String[] parts = s.contains(";") ? s.split(";") : s.split(",");
    boolean names = s.contains(";");
    if (!names) {
      names = true;
      for (String p : parts) {
        if (!p.strip().contains(" ")) names = false;
      }
    }
    if (!names) {
      return List.of(s.strip());
    }
    for (String p : parts) {
      if (!p.isBlank()) out.add(p.strip());
    }
    return out;
  }

  private static String get(List<String> row, int[] col, Field f) {
    int i = col[f.ordinal()];
    if (i < 0 || i >= row.size()) return null;
    String v = row.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  /** The most frequent of comma, tab and semicolon outside quotes in the header line. */
  static char delimiter(String header) {
    int comma = 0, tab = 0, semi = 0;
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') quoted = !quoted;
      else if (!quoted && c == ',') comma++;
      else if (!quoted && c == '\t') tab++;
      else if (!quoted && c == ';') semi++;
    }
    return tab >= comma && tab >= semi && tab > 0 ? '\t' : semi > comma ? ';' : ',';
  }

  /** Most physical lines one row may span (a quoted field with line breaks). */
  private static final int MAX_ROW_LINES = 1_000;

  /**
   * RFC 4180 rows, read line by line; tracks the line each row starts on. A row whose quoted field
   * runs over line ends and then does not end cleanly (the input ends inside the quotes, text
   * follows a closing quote, the row has another number of fields than the header, or it exceeds
   * {@link #MAX_ROW_LINES} or {@link Limits#MAX_RECORD_CHARS}) had an unclosed quote that would
   * swallow the rows after it: only its first line is given up (as {@link #bad}) and the lines
   * after it are read again as rows.
   */
  private static final class Rows {
    private final TextLines in;
    private final char delimiter;
    private final ArrayDeque<String> again = new ArrayDeque<>();
    private long nextLine = 1;

    /** The line the row last returned starts on. */
    long line = 1;

    /** Why the row last returned is broken, or null. */
    String bad;

    /** The number of fields a row should have (the header's), or -1 while reading the header. */
    int expected = -1;

    /**
     * @param first the first line, already read from {@code in}
     */
    Rows(TextLines in, char delimiter, String first) {
      this.in = in;
      this.delimiter = delimiter;
      again.add(first);
    }

    private String nextPhysical() throws IOException {
      String l = again.isEmpty() ? in.next() : again.pollFirst();
      if (l != null) {
        nextLine++;
      }
      return l;
    }

    /** The next row's fields, or null at the end. */
    List<String> next() throws IOException {
      bad = null;
      String first = nextPhysical();
      if (first == null) {
        return null;
      }
      line = nextLine - 1;
      List<String> consumed = new ArrayList<>(1);
      consumed.add(first);
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean strayAfterQuote = false;
      boolean afterQuote = false;
      long chars = 0;
      String text = first;
      while (true) {
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          if (quoted) {
            if (c == '"') {
              if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
              } else {
                quoted = false;
                afterQuote = true;
              }
            } else {
              field.append(c);
            }
          } else if (c == '"' && field.length() == 0 && !afterQuote) {
            quoted = true;
          } else if (c == delimiter) {
            fields.add(field.toString());
            field.setLength(0);
            afterQuote = false;
          } else {
            if (afterQuote) {
              strayAfterQuote = true;
            }
            field.append(c);
          }
        }
        chars += text.length() + 1;
        if (!quoted) {
          break;
        }
        String more =
            consumed.size() < MAX_ROW_LINES && chars <= Limits.MAX_RECORD_CHARS
                ? nextPhysical()
                : null;
        if (more == null) {
          break;
        }
        consumed.add(more);
        field.append('\n');
        text = more;
      }
      fields.add(field.toString());
      boolean spans = consumed.size() > 1;
      boolean endsInQuotes = quoted;
      if (spans
          && (endsInQuotes || strayAfterQuote || expected >= 0 && fields.size() != expected)) {
        // give up the first line only; the lines after it are rows of their own
        for (int k = consumed.size() - 1; k >= 1; k--) {
          again.addFirst(consumed.get(k));
        }
        nextLine = line + 1;
        bad =
            "unclosed quote: the quoted field runs into line "
                + (line + 1)
                + " and does not end as a field there; this row is rejected, the lines after it are read";
      } else if (endsInQuotes) {
        bad = "unterminated quoted field: end of file inside quotes";
      }
      return fields;
    }
  }

  /** The field a header name would be guessed as, for messages and tests. */
  static Optional<Field> guess(String headerName) {
    for (Field f : Field.values()) {
      if (f.names.stream().anyMatch(n -> n.equalsIgnoreCase(headerName.strip())))
        return Optional.of(f);
    }
    return Optional.empty();
  }
}
