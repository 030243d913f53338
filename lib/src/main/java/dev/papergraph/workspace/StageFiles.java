package dev.papergraph.workspace;

import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Measure;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.io.Escaping;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workspace's files that queries read, as tab-separated columns that load without data binding
 * (a warm query must not pay for it): the catalog of papers, the similarity links with their
 * explanations, centralities and layout. Numbers are in Java's shortest round-trip form, so a saved
 * value reads back bit for bit. Text values are escaped ({@link #escape}), so any id or title a
 * reader accepts (tabs, line breaks, control characters, unpaired surrogates) reads back exactly.
 * Every file is written with {@link AtomicOutput}; each reader takes the stream of a file (the
 * workspace's verifying one) and, when given, the number of rows the workspace recorded.
 */
final class StageFiles {

  private static final String WITHIN = "within.";

  private StageFiles() {}

  /**
   * A number as these files write it: the shortest decimal that reads back as the same double, laid
   * out as {@link Double#toString} lays it out. Written by jackson-core's Schubfach ({@code
   * NumberOutput}, the algorithm of Java 19's {@code Double.toString}): Java 17's own digit
   * generation cost most of the links file's time (1.3 million numbers in a 10k workspace, the same
   * text for every one of them; StageFilesTest compares both on seeded random numbers).
   */
  static String number(double v) {
    return NumberOutput.toString(v, true);
  }

  /**
   * A number {@link #number} wrote: the same double as {@link Double#parseDouble}, by Jackson's
   * copy of FastDoubleParser. The JDK's parser takes its slow big-integer path for most of the
   * 16-17 digit numbers these files hold, and runs cold in a query: it was about a quarter of
   * {@code rank}'s time in the command on the seeds (the centralities' two columns, 830 numbers).
   *
   * @throws NumberFormatException if the text is not a number
   */
  static double parseNumber(String text) {
    return NumberInput.parseDouble(text, true);
  }

  // ---- links

  /** Separates the items of a list field (shared terms, topics, references). */
  private static final char ITEM = '\u001e';

  /** Separates the parts of a shared term (term, display form, contribution). */
  private static final char PART = '\u001f';

  /**
   * Writes links one a line, in the given order, as columns {@code a, b, score, text, topic,
   * direct, coupling, cocitation, terms, topics, references}; list items are separated by the
   * record separator U+001E, the parts of a shared term by the unit separator U+001F (control
   * characters that {@link #escape} never leaves in a value).
   */
  static long writeLinks(Path file, Collection<Link> links) throws IOException {
    AtomicOutput.write(
        file,
        true,
        out -> {
          // each line encoded by String.getBytes straight into the output's buffer: a Writer
          // would copy its 40 MB (at 10k papers) once more into chars and encode them again
          out.write(
              "a\tb\tscore\ttext\ttopic\tdirect\tcoupling\tcocitation\tterms\ttopics\treferences\tlexical\tsemantic\n"
                  .getBytes(StandardCharsets.UTF_8));
          StringBuilder b = new StringBuilder();
          for (Link l : links) {
            EdgeExplanation e = l.explanation();
            b.setLength(0);
            b.append(escape(l.a()))
                .append('\t')
                .append(escape(l.b()))
                .append('\t')
                .append(number(e.score()))
                .append('\t')
                .append(number(e.text()))
                .append('\t')
                .append(number(e.topic()))
                .append('\t')
                .append(number(e.direct()))
                .append('\t')
                .append(number(e.coupling()))
                .append('\t')
                .append(number(e.cocitation()))
                .append('\t');
            for (int i = 0; i < e.sharedTerms().size(); i++) {
              SharedTerm t = e.sharedTerms().get(i);
              if (i > 0) b.append(ITEM);
              b.append(escape(t.term()))
                  .append(PART)
                  .append(escape(t.display()))
                  .append(PART)
                  .append(number(t.contribution()));
            }
            b.append('\t');
            join(b, e.sharedTopics());
            b.append('\t');
            join(b, e.sharedReferences());
            b.append('\t').append(number(e.lexical())).append('\t').append(number(e.semantic()));
            out.write(b.append('\n').toString().getBytes(StandardCharsets.UTF_8));
          }
        });
    return links.size();
  }

  /** Reads links written by {@link #writeLinks} from a file (for tests and tools). */
  static List<Link> readLinks(Path dir, Path file) throws IOException {
    return readLinks(dir, file.getFileName().toString(), open(dir, file), -1);
  }

  /**
   * Reads links written by {@link #writeLinks}.
   *
   * @param name the file's name, for messages
   * @param in the file's content (closed here)
   * @param rows the number of links expected, or -1
   */
  static List<Link> readLinks(Path dir, String name, InputStream in, long rows) throws IOException {
    List<Link> out = new ArrayList<>();
    linkRows(
        dir,
        name,
        in,
        rows,
        (f, line) -> out.add(new Link(unescape(f[0]), unescape(f[1]), explanation(f))));
    return Collections.unmodifiableList(out);
  }

  /**
   * Reads links written by {@link #writeLinks} as edges of a similarity graph whose explanations
   * (shared terms, topics, references) are parsed when first asked for; ends and scores are read
   * now. A query that shows a few edges of thousands parses a few. See {@link #readLinks(Path,
   * String, InputStream, long)}.
   */
  static List<SimilarityEdge> readEdges(Path dir, String name, InputStream in, long rows)
      throws IOException {
    // The file as bytes, each row split at its tabs (and line ends: '\n', '\r' or "\r\n", as
    // BufferedReader.readLine) there, UTF-8 safe as both are ASCII: only the two ends and the score
    // are decoded now, the rest of a row when its explanation is asked for. Decoding every row
    // whole (1.5 MB of mostly shared-term lists on the seeds) was most of `neighbors`' time.
    byte[] bytes;
    try (in) {
      bytes = in.readAllBytes();
    }
    if (bytes.length == 0) {
      throw damaged(dir, name, "empty", null);
    }
    int headerEnd = lineEnd(bytes, 0);
    // workspaces written before the semantic part have 11 columns (no lexical, semantic)
    int fields =
        new String(bytes, 0, headerEnd, StandardCharsets.UTF_8).split("\t", -1).length == 13
            ? 13
            : 11;
    List<SimilarityEdge> out = new ArrayList<>();
    long line = 1;
    for (int pos = nextLine(bytes, headerEnd); pos < bytes.length; ) {
      int end = lineEnd(bytes, pos);
      line++;
      int count = 1;
      int[] tabs = new int[3];
      for (int i = pos; i < end; i++) {
        if (bytes[i] == '\t') {
          if (count <= 3) {
            tabs[count - 1] = i;
          }
          count++;
        }
      }
      if (count != fields) {
        throw damaged(dir, name, "line " + line + " has " + count + " fields, not " + fields, null);
      }
      int from = pos;
      long at = line;
      try {
        String a = unescape(new String(bytes, from, tabs[0] - from, StandardCharsets.UTF_8));
        String b =
            unescape(new String(bytes, tabs[0] + 1, tabs[1] - tabs[0] - 1, StandardCharsets.UTF_8));
        if (a.compareTo(b) >= 0) {
          throw new IllegalArgumentException(
              "link ends must be distinct and ordered: " + a + " , " + b);
        }
        double score =
            parseNumber(
                new String(bytes, tabs[1] + 1, tabs[2] - tabs[1] - 1, StandardCharsets.UTF_8));
        out.add(
            new SimilarityEdge(
                a,
                b,
                score,
                () -> {
                  try {
                    return explanation(
                        new String(bytes, from, end - from, StandardCharsets.UTF_8)
                            .split("\t", -1));
                  } catch (RuntimeException e) {
                    throw new UncheckedIOException(
                        damaged(dir, name, "line " + at + " is not a link: " + e.getMessage(), e));
                  }
                }));
      } catch (RuntimeException e) {
        throw damaged(dir, name, "line " + line + " is not a link: " + e.getMessage(), e);
      }
      pos = nextLine(bytes, end);
    }
    if (rows >= 0 && line - 1 != rows) {
      throw damaged(dir, name, (line - 1) + " rows, " + rows + " expected", null);
    }
    return Collections.unmodifiableList(out);
  }

  /** Where the line starting at {@code pos} ends: its '\n' or '\r', or the end of the bytes. */
  private static int lineEnd(byte[] bytes, int pos) {
    int i = pos;
    while (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
      i++;
    }
    return i;
  }

  /** Where the line after the one ending at {@code end} ({@link #lineEnd}) starts. */
  private static int nextLine(byte[] bytes, int end) {
    if (end < bytes.length
        && bytes[end] == '\r'
        && end + 1 < bytes.length
        && bytes[end + 1] == '\n') {
      return end + 2;
    }
    return end + 1;
  }

  /** Each row of a links file (closed here), checked as {@link #rows} does. */
  private static void linkRows(Path dir, String name, InputStream in, long rows, Row row)
      throws IOException {
    try (BufferedReader r = reader(in)) {
      // workspaces written before the semantic part have 11 columns (no lexical, semantic)
      int fields = header(dir, name, r).split("\t", -1).length == 13 ? 13 : 11;
      rows(dir, name, r, fields, rows, "a link", row);
    }
  }

  /** The explanation in the fields of a row of {@link #writeLinks}. */
  private static EdgeExplanation explanation(String[] f) {
    List<SharedTerm> terms = new ArrayList<>();
    for (String item : f[8].isEmpty() ? new String[0] : f[8].split(String.valueOf(ITEM), -1)) {
      String[] parts = item.split(String.valueOf(PART), -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException("a shared term has " + parts.length + " parts, not 3");
      }
      terms.add(new SharedTerm(unescape(parts[0]), unescape(parts[1]), parseNumber(parts[2])));
    }
    return new EdgeExplanation(
        parseNumber(f[2]),
        parseNumber(f[3]),
        parseNumber(f[4]),
        parseNumber(f[5]),
        parseNumber(f[6]),
        parseNumber(f[7]),
        terms,
        split(f[9]),
        split(f[10]),
        f.length == 13 ? parseNumber(f[11]) : parseNumber(f[3]),
        f.length == 13 ? parseNumber(f[12]) : 0);
  }

  private static void join(StringBuilder b, List<String> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) b.append(ITEM);
      b.append(escape(items.get(i)));
    }
  }

  private static List<String> split(String field) {
    if (field.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String item : field.split(String.valueOf(ITEM), -1)) {
      out.add(unescape(item));
    }
    return List.copyOf(out);
  }

  /**
   * A value safe in a column and reversible by {@link #unescape}: a backslash becomes {@code \\},
   * tab, line feed and carriage return {@code \t}, {@code \n}, {@code \r}, every other control
   * character (U+0000 to U+001F, U+007F, among them the list separators) and every unpaired
   * surrogate {@code \}{@code uXXXX}. Other text is unchanged, so ordinary values read as they are.
   */
  static String escape(String s) {
    // most values (ids, terms, display forms) need no escape: one plain scan finds that
    // without calling the rule for every character (the links file escapes ~1.6 million values)
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\' || Character.isSurrogate(c)) {
        return rewrite(s);
      }
    }
    return s;
  }

  private static String rewrite(String s) {
    return Escaping.rewrite(
        s,
        (t, i) -> {
          char c = t.charAt(i);
          return switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default ->
                c < 0x20 || c == 0x7f || Escaping.unpairedSurrogate(t, i)
                    ? String.format("\\u%04x", (int) c)
                    : null;
          };
        });
  }

  /**
   * The value {@link #escape} was given.
   *
   * @throws IllegalArgumentException if the text holds a backslash that {@link #escape} never
   *     writes
   */
  static String unescape(String s) {
    int i = s.indexOf('\\');
    if (i < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalArgumentException("a value ends in a lone backslash");
      }
      char n = s.charAt(++i);
      switch (n) {
        case '\\' -> b.append('\\');
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 'u' -> {
          if (i + 4 >= s.length()) {
            throw new IllegalArgumentException("a value ends in a cut \\u escape");
          }
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("a value holds the unknown escape \\" + n);
      }
    }
    return b.toString();
  }

  // ---- catalog

  /**
   * Writes the catalog: one row per paper, columns {@code id, community, doi, arxiv, openalex, s2,
   * pmid, title, year, cites} (empty when unknown; {@code cites} the ids of the corpus papers it
   * cites, separated like list items), what lookups, listings and year filters need without reading
   * the full papers.
   */
  static long writeCatalog(Path file, List<PaperRef> catalog) throws IOException {
    AtomicOutput.write(
        file,
        true,
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          w.write(CATALOG_HEADER + "\n");
          StringBuilder b = new StringBuilder();
          for (PaperRef p : catalog) {
            ExternalIds ids = p.ids();
            b.setLength(0);
            b.append(escape(p.id()))
                .append('\t')
                .append(p.community() < 0 ? "" : Integer.toString(p.community()))
                .append('\t')
                .append(orEmpty(ids.doi()))
                .append('\t')
                .append(orEmpty(ids.arxiv()))
                .append('\t')
                .append(orEmpty(ids.openalex()))
                .append('\t')
                .append(orEmpty(ids.s2()))
                .append('\t')
                .append(orEmpty(ids.pmid()))
                .append('\t')
                .append(escape(p.title()))
                .append('\t')
                .append(p.year() == null ? "" : p.year().toString())
                .append('\t');
            join(b, p.cites());
            w.write(b.append('\n').toString());
          }
          w.flush();
        });
    return catalog.size();
  }

  private static final String CATALOG_HEADER =
      "id\tcommunity\tdoi\tarxiv\topenalex\ts2\tpmid\ttitle\tyear\tcites";

  /**
   * The rows of a catalog file; {@code complete} is false for a catalog written before the {@code
   * year} and {@code cites} columns existed (its entries then have no year and cite nothing).
   */
  record CatalogRows(List<PaperRef> refs, boolean complete) {}

  /** Reads the catalog written by {@link #writeCatalog} from a file (for tests and tools). */
  static CatalogRows readCatalog(Path dir, Path file) throws IOException {
    return readCatalog(dir, file.getFileName().toString(), open(dir, file), -1);
  }

  /**
   * Reads the catalog written by {@link #writeCatalog}, or by an earlier version without the {@code
   * year} and {@code cites} columns; see {@link #readLinks(Path, String, InputStream, long)}.
   */
  static CatalogRows readCatalog(Path dir, String name, InputStream in, long rows)
      throws IOException {
    List<PaperRef> out = new ArrayList<>();
    boolean complete;
    try (BufferedReader r = reader(in)) {
      complete = header(dir, name, r).equals(CATALOG_HEADER);
      rows(
          dir,
          name,
          r,
          complete ? 10 : 8,
          rows,
          "a paper",
          (f, line) ->
              out.add(
                  new PaperRef(
                      unescape(f[0]),
                      unescape(f[7]),
                      new ExternalIds(
                          unescape(f[2]),
                          unescape(f[3]),
                          unescape(f[4]),
                          unescape(f[5]),
                          unescape(f[6])),
                      f[1].isEmpty() ? -1 : Integer.parseInt(f[1]),
                      f.length > 8 && !f[8].isEmpty() ? Integer.valueOf(f[8]) : null,
                      f.length > 9 ? split(f[9]) : List.of())));
    }
    return new CatalogRows(Collections.unmodifiableList(out), complete);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : escape(s);
  }

  // ---- centralities

  /**
   * Writes the centralities as columns {@code id, pagerank, …, within.pagerank, …}, one row per
   * paper id, in the order of {@code ids}.
   */
  static long writeCentralities(Path file, List<String> ids, Centralities c) throws IOException {
    List<Measure> overall = new ArrayList<>(c.scores().keySet());
    List<Measure> within = new ArrayList<>(c.withinCommunity().keySet());
    AtomicOutput.write(
        file,
        true,
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          w.write("id");
          for (Measure m : overall) w.write("\t" + m.key());
          for (Measure m : within) w.write("\t" + WITHIN + m.key());
          w.write('\n');
          for (String id : ids) {
            w.write(escape(id));
            for (Measure m : overall)
              w.write("\t" + number(c.scores().get(m).getOrDefault(id, 0.0)));
            for (Measure m : within)
              w.write("\t" + number(c.withinCommunity().get(m).getOrDefault(id, 0.0)));
            w.write('\n');
          }
          w.flush();
        });
    return ids.size();
  }

  /** Reads centralities written by {@link #writeCentralities} from a file (for tests and tools). */
  static Centralities readCentralities(Path dir, Path file) throws IOException {
    return readCentralities(
        dir, file.getFileName().toString(), open(dir, file), -1, EnumSet.allOf(Measure.class));
  }

  /**
   * Reads centralities written by {@link #writeCentralities}, the columns of the {@code wanted}
   * measures only (overall and within communities; the others are checked by name and field count
   * but their numbers are not parsed); see {@link #readLinks(Path, String, InputStream, long)}.
   */
  static Centralities readCentralities(
      Path dir, String name, InputStream in, long rows, Set<Measure> wanted) throws IOException {
    try (BufferedReader r = reader(in)) {
      String header = header(dir, name, r);
      if (!header.startsWith("id")) {
        throw damaged(dir, name, "has no header", null);
      }
      String[] cols = header.split("\t", -1);
      List<Map<String, Double>> columns = new ArrayList<>();
      Map<Measure, Map<String, Double>> overall = new EnumMap<>(Measure.class);
      Map<Measure, Map<String, Double>> within = new EnumMap<>(Measure.class);
      for (int i = 1; i < cols.length; i++) {
        boolean inside = cols[i].startsWith(WITHIN);
        String column = inside ? cols[i].substring(WITHIN.length()) : cols[i];
        Measure m =
            Measure.byName(column)
                .orElseThrow(() -> damaged(dir, name, "has an unknown column " + column, null));
        Map<String, Double> col = null;
        if (wanted.contains(m)) {
          col = new LinkedHashMap<>();
          (inside ? within : overall).put(m, col);
        }
        columns.add(col);
      }
      rows(
          dir,
          name,
          r,
          cols.length,
          rows,
          "a row of numbers",
          (f, line) -> {
            String id = unescape(f[0]);
            for (int i = 1; i < f.length; i++) {
              Map<String, Double> col = columns.get(i - 1);
              if (col != null) {
                col.put(id, parseNumber(f[i]));
              }
            }
          });
      return new Centralities(overall, within);
    }
  }

  // ---- layout

  /** Writes positions as columns {@code id, x, y}, in the order of {@code ids}. */
  static long writeLayout(Path file, List<String> ids, Layout layout) throws IOException {
    AtomicOutput.write(
        file,
        true,
        out -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          w.write("id\tx\ty\n");
          for (String id : ids) {
            Layout.Point p = layout.positions().get(id);
            if (p != null) {
              w.write(escape(id) + "\t" + number(p.x()) + "\t" + number(p.y()) + "\n");
            }
          }
          w.flush();
        });
    return ids.stream().filter(layout.positions()::containsKey).count();
  }

  /** Reads positions written by {@link #writeLayout} from a file (for tests and tools). */
  static Layout readLayout(Path dir, Path file) throws IOException {
    return readLayout(dir, file.getFileName().toString(), open(dir, file), -1);
  }

  /**
   * Reads positions written by {@link #writeLayout}; see {@link #readLinks(Path, String,
   * InputStream, long)}.
   */
  static Layout readLayout(Path dir, String name, InputStream in, long rows) throws IOException {
    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    try (BufferedReader r = reader(in)) {
      header(dir, name, r);
      rows(
          dir,
          name,
          r,
          3,
          rows,
          "id, x, y",
          (f, line) ->
              positions.put(
                  unescape(f[0]), new Layout.Point(parseNumber(f[1]), parseNumber(f[2]))));
    }
    return new Layout(positions);
  }

  // ---- helpers

  /** Takes one row's fields and line number; a runtime exception says the row does not parse. */
  private interface Row {
    void accept(String[] fields, long line);
  }

  /**
   * Reads the remaining lines of {@code r} (the lines after the header) as rows of exactly {@code
   * fields} tab-separated fields, then checks their number.
   *
   * @param expected the number of rows the workspace recorded, or -1 when not known
   * @param what what a row is, for the message when one does not parse
   */
  private static void rows(
      Path dir, String name, BufferedReader r, int fields, long expected, String what, Row row)
      throws IOException {
    long line = 1;
    for (String text; (text = r.readLine()) != null; ) {
      line++;
      String[] f = text.split("\t", -1);
      if (f.length != fields) {
        throw damaged(
            dir, name, "line " + line + " has " + f.length + " fields, not " + fields, null);
      }
      try {
        row.accept(f, line);
      } catch (RuntimeException e) {
        throw damaged(dir, name, "line " + line + " is not " + what + ": " + e.getMessage(), e);
      }
    }
    if (expected >= 0 && line - 1 != expected) {
      throw damaged(dir, name, (line - 1) + " rows, " + expected + " expected", null);
    }
  }

  private static String header(Path dir, String name, BufferedReader r) throws IOException {
    String header = r.readLine();
    if (header == null) {
      throw damaged(dir, name, "empty", null);
    }
    return header;
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  private static InputStream open(Path dir, Path file) throws IOException {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw damaged(dir, file.getFileName().toString(), "missing", e);
    }
  }

  static WorkspaceException damaged(Path dir, String name, String what, Throwable cause) {
    return WorkspaceStore.damaged(dir, name, what, cause);
  }
}
