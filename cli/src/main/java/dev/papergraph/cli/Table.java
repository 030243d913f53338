package dev.papergraph.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of data printed in the form the user asked for: an aligned table for people (numbers right
 * aligned, long text cut to the column's width with an ellipsis), or JSON (an array of objects with
 * typed values), CSV (RFC 4180) or TSV for programs, which get every value in full.
 */
final class Table {

  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  /** A column: its name (also the JSON key) and the widest it may be drawn in a table (0 = any). */
  record Column(String name, int maxWidth) {}

  private final List<Column> columns = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();

  /** A table with these column names, none cut. */
  Table(String... names) {
    for (String n : names) {
      columns.add(new Column(n, 0));
    }
  }

  /** Limits how wide a column is drawn in table form. */
  Table maxWidth(String column, int width) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        columns.set(i, new Column(column, width));
        return this;
      }
    }
    throw new IllegalArgumentException("no column " + column);
  }

  /** Adds a row; values are strings, numbers, or null (empty). */
  Table row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table " + columns.size() + " columns");
    }
    rows.add(cells.clone());
    return this;
  }

  /** The number of rows. */
  int size() {
    return rows.size();
  }

  /** Prints the table in the given form. */
  void print(PrintWriter out, OutputOptions.Form form) throws IOException {
    switch (form) {
      case table -> printAligned(out);
      case json -> {
        JSON.writeValue(out, asMaps());
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
        m.put(columns.get(i).name(), r[i]);
      }
      out.add(m);
    }
    return out;
  }

  private void printAligned(PrintWriter out) {
    int n = columns.size();
    String[][] text = new String[rows.size()][n];
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    for (int c = 0; c < n; c++) {
      width[c] = columns.get(c).name().length();
      numeric[c] = !rows.isEmpty();
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < n; c++) {
        Object v = rows.get(r)[c];
        String s = cut(format(v).replace('\n', ' '), columns.get(c).maxWidth());
        text[r][c] = s;
        width[c] = Math.max(width[c], s.codePointCount(0, s.length()));
        numeric[c] &= v == null || v instanceof Number;
      }
    }
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < n; c++) {
      pad(b, columns.get(c).name().toUpperCase(Locale.ROOT), width[c], numeric[c], c == n - 1);
    }
    out.println(b.toString().stripTrailing());
    for (String[] row : text) {
      b.setLength(0);
      for (int c = 0; c < n; c++) {
        pad(b, row[c], width[c], numeric[c], c == n - 1);
      }
      out.println(b.toString().stripTrailing());
    }
  }

  private static void pad(StringBuilder b, String s, int width, boolean right, boolean last) {
    int fill = width - s.codePointCount(0, s.length());
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

  private static String cut(String s, int max) {
    if (max <= 0 || s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  private void printSeparated(PrintWriter out, char sep) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      if (c > 0) b.append(sep);
      b.append(field(columns.get(c).name(), sep));
    }
    out.print(b.append(sep == ',' ? "\r\n" : "\n"));
    for (Object[] r : rows) {
      b.setLength(0);
      for (int c = 0; c < r.length; c++) {
        if (c > 0) b.append(sep);
        b.append(field(r[c] == null ? "" : formatFull(r[c]), sep));
      }
      out.print(b.append(sep == ',' ? "\r\n" : "\n"));
    }
  }

  private static String field(String s, char sep) {
    if (sep == '\t') {
      return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  /** A value as shown in tables: numbers with up to 4 decimals. */
  static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return String.format(Locale.ROOT, Math.abs(d) >= 1e-4 || d == 0 ? "%.4f" : "%.3e", d);
    }
    return v.toString();
  }

  /** A value in full precision for CSV/TSV. */
  private static String formatFull(Object v) {
    return v.toString();
  }
}
