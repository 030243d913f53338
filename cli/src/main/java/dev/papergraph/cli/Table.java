package dev.papergraph.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.papergraph.write.CsvCells;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Rows of data printed in the form the user asked for: an aligned table for people, or JSON (an
 * array of objects with typed values, lists as arrays), CSV (RFC 4180) or TSV for programs; text
 * cells of CSV and TSV that start like a spreadsheet formula get a leading {@code '} ({@link
 * CsvCells#neutralise}, issue 12 #22).
 *
 * <p>One naming style: a column's key is camelCase ({@code sharedTerms}); it is the JSON key and
 * the CSV/TSV header, and the table header is the key in words ({@code SHARED TERMS}).
 *
 * <p>A table fits the terminal: numbers are right aligned, text is made terminal-safe ({@link
 * Text#terminal}), and when the rows are wider than the given columns the flexible text columns
 * (titles, labels, terms) are narrowed, widest first, and their cells end with "…". The machine
 * forms are never shortened and carry the text as it is.
 */
final class Table {

  /** The JSON writer of every command's output; built on first use (a table never needs it). */
  static ObjectMapper json() {
    return Json.MAPPER;
  }

  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
  }

  /** Columns a flexible column keeps at least when narrowed. */
  static final int FLEX_MIN_DEFAULT = 8;

  /**
   * A column: its camelCase key; the widest it is drawn in a table (0 = any); the narrowest it may
   * be made to fit the terminal (0 = never narrowed); whether the table form shows it at all;
   * whether a cut keeps the end (file paths) rather than the start.
   */
  record Column(String key, int maxWidth, int flexMin, boolean inTable, boolean keepEnd) {
    /** The table header: the key in upper-case words. */
    String header() {
      return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
  }

  private final List<Column> columns = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();

  /** A table with these camelCase column keys, none narrowed or hidden. */
  Table(String... keys) {
    for (String k : keys) {
      // camelCase, or a number (a column per community id)
      if (!k.matches("[a-z][A-Za-z0-9]*|[0-9]+")) {
        throw new IllegalArgumentException("column keys are camelCase: " + k);
      }
      columns.add(new Column(k, 0, 0, true, false));
    }
  }

  private Table change(String key, UnaryOperator<Column> f) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(key)) {
        columns.set(i, f.apply(columns.get(i)));
        return this;
      }
    }
    throw new IllegalArgumentException("no column " + key);
  }

  /** Limits how wide a column is drawn in table form. */
  Table maxWidth(String key, int width) {
    return change(key, c -> new Column(c.key(), width, c.flexMin(), c.inTable(), c.keepEnd()));
  }

  /**
   * Lets a text column be narrowed down to {@link #FLEX_MIN_DEFAULT} columns to fit the terminal.
   */
  Table flexible(String... keys) {
    for (String k : keys) {
      change(k, c -> new Column(c.key(), c.maxWidth(), FLEX_MIN_DEFAULT, c.inTable(), c.keepEnd()));
    }
    return this;
  }

  /**
   * Like {@link #flexible}, but a cut keeps the end of the text ("…/seed/000.txt"): for file paths.
   */
  Table flexibleFromStart(String... keys) {
    flexible(keys);
    for (String k : keys) {
      change(k, c -> new Column(c.key(), c.maxWidth(), c.flexMin(), c.inTable(), true));
    }
    return this;
  }

  /** Columns for programs only: in JSON, CSV and TSV, not in the table. */
  Table machineOnly(String... keys) {
    for (String k : keys) {
      change(k, c -> new Column(c.key(), c.maxWidth(), c.flexMin(), false, c.keepEnd()));
    }
    return this;
  }

  /** Adds a row; values are strings, numbers, lists of strings, or null (empty). */
  Table row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, table " + columns.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** The number of rows. */
  int size() {
    return rows.size();
  }

  /**
   * Prints the table in the given form; a table form takes at most {@code width} columns where it
   * can.
   */
  void print(PrintWriter out, OutputOptions.Form form, int width) throws IOException {
    switch (form) {
      case table -> printAligned(out, width);
      case json -> {
        json().writeValue(out, asMaps());
        out.println();
      }
      case csv -> printSeparated(out, ',');
      case tsv -> printSeparated(out, '\t');
    }
    out.flush();
  }

  /** The rows as ordered maps (for JSON documents that embed a table). */
  List<Map<String, Object>> asMaps() {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        m.put(columns.get(i).key(), r[i]);
      }
      out.add(m);
    }
    return out;
  }

  private void printAligned(PrintWriter out, int termWidth) {
    List<Integer> shown = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).inTable()) {
        shown.add(c);
      }
    }
    int n = shown.size();
    String[] header = new String[n];
    String[][] text = new String[rows.size()][n];
    int[] width = new int[n];
    int[] min = new int[n];
    boolean[] numeric = new boolean[n];
    for (int i = 0; i < n; i++) {
      Column col = columns.get(shown.get(i));
      header[i] = col.header();
      width[i] = Text.width(header[i]);
      min[i] = col.flexMin() > 0 ? Math.max(col.flexMin(), width[i]) : Integer.MAX_VALUE;
      numeric[i] = !rows.isEmpty();
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < n; i++) {
        Column col = columns.get(shown.get(i));
        Object v = rows.get(r)[shown.get(i)];
        String s = Text.cut(Text.terminal(format(v)), col.maxWidth());
        text[r][i] = s;
        width[i] = Math.max(width[i], Text.width(s));
        numeric[i] &= v == null || v instanceof Number;
      }
    }
    fit(width, min, termWidth);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      pad(b, Text.cut(header[i], width[i]), width[i], numeric[i], i == n - 1);
    }
    out.println(b.toString().stripTrailing());
    for (String[] row : text) {
      b.setLength(0);
      for (int i = 0; i < n; i++) {
        String cell =
            columns.get(shown.get(i)).keepEnd()
                ? Text.cutStart(row[i], width[i])
                : Text.cut(row[i], width[i]);
        pad(b, cell, width[i], numeric[i], i == n - 1);
      }
      out.println(b.toString().stripTrailing());
    }
  }

  /**
   * Narrows the widest flexible column, one column at a time, until the row fits or none can give.
   */
  static void fit(int[] width, int[] min, int termWidth) {
    int total = 2 * Math.max(0, width.length - 1);
    for (int w : width) {
      total += w;
    }
    while (total > termWidth) {
      int widest = -1;
      for (int i = 0; i < width.length; i++) {
        if (width[i] > min[i] && (widest < 0 || width[i] > width[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        return;
      }
      width[widest]--;
      total--;
    }
  }

  private static void pad(StringBuilder b, String s, int width, boolean right, boolean last) {
    int fill = Math.max(0, width - Text.width(s));
    if (right) {
      b.append(" ".repeat(fill)).append(s);
    } else {
      b.append(s);
      if (!last) {
        b.append(" ".repeat(fill));
      }
    }
    if (!last) {
      b.append("  ");
    }
  }

  private void printSeparated(PrintWriter out, char sep) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) b.append(sep);
      b.append(field(columns.get(c).key(), sep));
    }
    out.print(b.append(sep == ',' ? "\r\n" : "\n"));
    for (Object[] r : rows) {
      b.setLength(0);
      for (int c = 0; c < r.length; c++) {
        if (c > 0) b.append(sep);
        String cell = formatFull(r[c]);
        // text cells a spreadsheet would run as a formula are neutralised (OWASP); numbers stay
        // numbers
        b.append(field(r[c] instanceof Number ? cell : CsvCells.neutralise(cell), sep));
      }
      out.print(b.append(sep == ',' ? "\r\n" : "\n"));
    }
  }

  private static String field(String s, char sep) {
    if (sep == '\t') {
      return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** A value as shown in tables: numbers with up to 4 decimals, lists joined by commas. */
  static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return String.format(Text.NUMBERS, Math.abs(d) >= 1e-4 || d == 0 ? "%.4f" : "%.3e", d);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Table::format).collect(Collectors.joining(", "));
    }
    return v.toString();
  }

  /** A value in full precision for CSV/TSV; lists joined by "; ". */
  private static String formatFull(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Table::formatFull).collect(Collectors.joining("; "));
    }
    return v.toString();
  }
}
