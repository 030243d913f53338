package dev.papergraph.workspace;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Measure;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.similarity.Link;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's files that queries read, as tab-separated columns that load without data
 * binding (a warm query must not pay for it): the catalog of papers, the similarity links with
 * their explanations, centralities and layout. Numbers are in Java's shortest round-trip form, so
 * a saved value reads back bit for bit. Every file is written with {@link
 * AtomicOutput}.
 */
final class StageFiles {

  private static final String WITHIN = "within.";

  private StageFiles() {}

  // ---- links

  /** Separates the items of a list field (shared terms, topics, references). */
  private static final char ITEM = '\u001e';
  /** Separates the parts of a shared term (term, display form, contribution). */
  private static final char PART = '\u001f';

  /**
   * Writes links one a line, in the given order, as columns {@code a, b, score, text, topic,
   * direct, coupling, cocitation, terms, topics, references}; list items are separated by the
   * record separator U+001E, the parts of a shared term by the unit separator U+001F (control
   * characters that analysed text never holds; tabs and line breaks in values become spaces).
   */
  static void writeLinks(Path file, Collection<Link> links) throws IOException {
    AtomicOutput.write(file, true, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write("a\tb\tscore\ttext\ttopic\tdirect\tcoupling\tcocitation\tterms\ttopics\treferences\n");
      StringBuilder b = new StringBuilder();
      for (Link l : links) {
        EdgeExplanation e = l.explanation();
        b.setLength(0);
        b.append(clean(l.a())).append('\t').append(clean(l.b())).append('\t').append(e.score()).append('\t')
            .append(e.text()).append('\t').append(e.topic()).append('\t').append(e.direct()).append('\t')
            .append(e.coupling()).append('\t').append(e.cocitation()).append('\t');
        for (int i = 0; i < e.sharedTerms().size(); i++) {
          SharedTerm t = e.sharedTerms().get(i);
          if (i > 0) b.append(ITEM);
          b.append(clean(t.term())).append(PART).append(clean(t.display())).append(PART).append(t.contribution());
        }
        b.append('\t');
        join(b, e.sharedTopics());
        b.append('\t');
        join(b, e.sharedReferences());
        w.write(b.append('\n').toString());
      }
      w.flush();
    });
  }

  /** Reads links written by {@link #writeLinks}. */
  static List<Link> readLinks(Path dir, Path file) throws IOException {
    List<Link> out = new ArrayList<>();
    try (BufferedReader r = reader(dir, file)) {
      r.readLine();
      rows(dir, file, r, 11, "a link", f -> {
        List<SharedTerm> terms = new ArrayList<>();
        for (String item : split(f[8])) {
          String[] parts = item.split(String.valueOf(PART), -1);
          terms.add(new SharedTerm(parts[0], parts[1], Double.parseDouble(parts[2])));
        }
        EdgeExplanation e = new EdgeExplanation(Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
            terms, split(f[9]), split(f[10]));
        out.add(new Link(f[0], f[1], e));
      });
    }
    return Collections.unmodifiableList(out);
  }

  private static void join(StringBuilder b, List<String> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) b.append(ITEM);
      b.append(clean(items.get(i)));
    }
  }

  private static List<String> split(String field) {
    return field.isEmpty() ? List.of() : List.of(field.split(String.valueOf(ITEM), -1));
  }

  /** A value safe in a column: tabs, line breaks and the separators become spaces. */
  static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r' || c == ITEM || c == PART) {
        if (b == null) b = new StringBuilder(s);
        b.setCharAt(i, ' ');
      }
    }
    return b == null ? s : b.toString();
  }

  // ---- catalog

  /**
   * Writes the catalog: one row per paper, columns {@code id, community, doi, arxiv, openalex,
   * s2, pmid, title} (empty when unknown), what lookups and listings need without reading the
   * full papers.
   */
  static void writeCatalog(Path file, List<Paper> papers, Map<String, Integer> membership) throws IOException {
    AtomicOutput.write(file, true, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write("id\tcommunity\tdoi\tarxiv\topenalex\ts2\tpmid\ttitle\n");
      for (Paper p : papers) {
        ExternalIds ids = p.ids();
        Integer c = membership.get(p.id());
        w.write(clean(p.id()) + "\t" + (c == null ? "" : c) + "\t" + orEmpty(ids.doi()) + "\t" + orEmpty(ids.arxiv())
            + "\t" + orEmpty(ids.openalex()) + "\t" + orEmpty(ids.s2()) + "\t" + orEmpty(ids.pmid()) + "\t"
            + clean(p.title()) + "\n");
      }
      w.flush();
    });
  }

  /** Reads the catalog written by {@link #writeCatalog}. */
  static List<PaperRef> readCatalog(Path dir, Path file) throws IOException {
    List<PaperRef> out = new ArrayList<>();
    try (BufferedReader r = reader(dir, file)) {
      r.readLine();
      rows(dir, file, r, 8, "a paper", f -> out.add(new PaperRef(f[0], f[7],
          new ExternalIds(f[2], f[3], f[4], f[5], f[6]), f[1].isEmpty() ? -1 : Integer.parseInt(f[1]))));
    }
    return Collections.unmodifiableList(out);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : clean(s);
  }

  // ---- centralities

  /**
   * Writes the centralities as columns {@code id, pagerank, …, within.pagerank, …}, one row per
   * paper id, in the order of {@code ids}.
   */
  static void writeCentralities(Path file, List<String> ids, Centralities c) throws IOException {
    List<Measure> overall = new ArrayList<>(c.scores().keySet());
    List<Measure> within = new ArrayList<>(c.withinCommunity().keySet());
    AtomicOutput.write(file, true, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("id");
      for (Measure m : overall) w.write("\t" + m.key());
      for (Measure m : within) w.write("\t" + WITHIN + m.key());
      w.write('\n');
      for (String id : ids) {
        w.write(id);
        for (Measure m : overall) w.write("\t" + c.scores().get(m).getOrDefault(id, 0.0));
        for (Measure m : within) w.write("\t" + c.withinCommunity().get(m).getOrDefault(id, 0.0));
        w.write('\n');
      }
      w.flush();
    });
  }

  /** Reads centralities written by {@link #writeCentralities}. */
  static Centralities readCentralities(Path dir, Path file) throws IOException {
    try (BufferedReader r = reader(dir, file)) {
      String header = r.readLine();
      if (header == null || !header.startsWith("id")) {
        throw damaged(dir, file, "has no header", null);
      }
      String[] cols = header.split("\t", -1);
      List<Map<String, Double>> columns = new ArrayList<>();
      Map<Measure, Map<String, Double>> overall = new EnumMap<>(Measure.class);
      Map<Measure, Map<String, Double>> within = new EnumMap<>(Measure.class);
      for (int i = 1; i < cols.length; i++) {
        boolean in = cols[i].startsWith(WITHIN);
        String name = in ? cols[i].substring(WITHIN.length()) : cols[i];
        Measure m = Measure.byName(name).orElseThrow(() -> damaged(dir, file, "has an unknown column " + name, null));
        Map<String, Double> col = new LinkedHashMap<>();
        (in ? within : overall).put(m, col);
        columns.add(col);
      }
      rows(dir, file, r, cols.length, "a row of numbers", f -> {
        for (int i = 1; i < f.length; i++) {
          columns.get(i - 1).put(f[0], Double.parseDouble(f[i]));
        }
      });
      return new Centralities(overall, within);
    }
  }

  // ---- layout

  /** Writes positions as columns {@code id, x, y}, in the order of {@code ids}. */
  static void writeLayout(Path file, List<String> ids, Layout layout) throws IOException {
    AtomicOutput.write(file, true, out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("id\tx\ty\n");
      for (String id : ids) {
        Layout.Point p = layout.positions().get(id);
        if (p != null) {
          w.write(id + "\t" + p.x() + "\t" + p.y() + "\n");
        }
      }
      w.flush();
    });
  }

  /** Reads positions written by {@link #writeLayout}. */
  static Layout readLayout(Path dir, Path file) throws IOException {
    Map<String, Layout.Point> positions = new LinkedHashMap<>();
    try (BufferedReader r = reader(dir, file)) {
      r.readLine();
      rows(dir, file, r, 3, "id, x, y",
          f -> positions.put(f[0], new Layout.Point(Double.parseDouble(f[1]), Double.parseDouble(f[2]))));
    }
    return new Layout(positions);
  }

  // ---- helpers

  /** Takes one row's fields; a runtime exception says the row does not parse. */
  private interface Row {
    void accept(String[] fields);
  }

  /**
   * Reads the remaining lines of {@code r} (the lines after the header) as rows of exactly {@code
   * fields} tab-separated fields.
   *
   * @param what what a row is, for the message when one does not parse
   */
  private static void rows(Path dir, Path file, BufferedReader r, int fields, String what, Row row) throws IOException {
    long line = 1;
    for (String text; (text = r.readLine()) != null; ) {
      line++;
      String[] f = text.split("\t", -1);
      if (f.length != fields) {
        throw damaged(dir, file, "line " + line + " has " + f.length + " fields, not " + fields, null);
      }
      try {
        row.accept(f);
      } catch (RuntimeException e) {
        throw damaged(dir, file, "line " + line + " is not " + what + " (" + e.getMessage() + ")", e);
      }
    }
  }

  private static BufferedReader reader(Path dir, Path file) throws IOException {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw damaged(dir, file, "is missing", e);
    }
  }

  static WorkspaceException damaged(Path dir, Path file, String what, Throwable cause) {
    return new WorkspaceException(dir, "damaged workspace: " + file.getFileName() + " " + what,
        "rebuild it with `papergraph build`", cause);
  }
}
