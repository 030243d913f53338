package dev.papergraph.write;

import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.io.AtomicOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two CSV files that Gephi's spreadsheet import reads as one graph, and that pandas, R and Python's
 * csv module read too: {@code <name>-nodes.csv} with {@code Id}, {@code Label} (the title) and the
 * other node attributes of {@link ExportModel}, and {@code <name>-edges.csv} with {@code Source},
 * {@code Target}, {@code Type} (always {@code Undirected}), {@code Weight} (the combined score) and
 * the other edge attributes. {@code <name>} is the target without its {@code .csv} extension.
 * Unknown values are empty fields.
 *
 * <p>Text: UTF-8 without BOM, CRLF line ends, a header row; a field is quoted when it holds a
 * comma, a quote, a backslash, CR or LF, with quotes doubled (RFC 4180). Gephi's reader (Apache
 * Commons CSV with {@code \} as escape character) would read {@code \"} or {@code \n} inside a
 * field as an escape, so every backslash is written doubled: read the files with the backslash as
 * escape character (Python: {@code csv.reader(f, escapechar="\\")}, pandas: {@code
 * escapechar="\\"}) to get the text back exactly. Text cells from the input that a spreadsheet
 * would run as a formula are neutralised by {@link CsvCells#neutralise} (a leading {@code '}); lone
 * surrogates become U+FFFD.
 *
 * <p>Each file is written atomically; both are checked for existence before either is written.
 */
public final class CsvWriter implements GraphWriter {

  @Override
  public ExportFormat format() {
    return ExportFormat.CSV;
  }

  @Override
  public List<Path> files(Path target) {
    String name = target.getFileName().toString();
    String base =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return List.of(
        target.resolveSibling(base + "-nodes.csv"), target.resolveSibling(base + "-edges.csv"));
  }

  @Override
  public List<Path> write(AnalysedGraph analysis, Path target, WriteOptions options)
      throws IOException {
    List<Path> files = files(target);
    if (!options.overwrite()) {
      for (Path f : files) {
        if (Files.exists(f)) {
          throw new FileAlreadyExistsException(f.toString(), null, "exists (ask to overwrite it)");
        }
      }
    }
    for (Path f : files) {
      AtomicOutput.removeStaleTemporaries(f);
    }
    ExportModel m = new ExportModel(analysis, options);
    List<Column<String>> nodeColumns =
        m.nodeColumns().stream().filter(c -> !c.name().equals("label")).toList();
    List<Column<SimilarityEdge>> edgeColumns =
        m.edgeColumns().stream().filter(c -> !c.name().equals("weight")).toList();
    AtomicOutput.write(
        files.get(0),
        options.overwrite(),
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          List<String> header = new ArrayList<>(List.of("Id", "Label"));
          nodeColumns.forEach(c -> header.add(c.name()));
          row(w, header);
          for (String id : m.ids()) {
            List<String> row = new ArrayList<>(List.of(text(id), text(m.title(id))));
            nodeColumns.forEach(c -> row.add(cell(c, c.of(id))));
            row(w, row);
          }
          w.flush();
        });
    AtomicOutput.write(
        files.get(1),
        options.overwrite(),
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          List<String> header = new ArrayList<>(List.of("Source", "Target", "Type", "Weight"));
          edgeColumns.forEach(c -> header.add(c.name()));
          row(w, header);
          for (SimilarityEdge e : m.edges()) {
            List<String> row =
                new ArrayList<>(
                    List.of(
                        text(e.first()), text(e.second()), "Undirected", Values.text(m.weight(e))));
            edgeColumns.forEach(c -> row.add(cell(c, c.of(e))));
            row(w, row);
          }
          w.flush();
        });
    return files;
  }

  private static String cell(Column<?> c, Object v) {
    if (v == null) {
      return "";
    }
    return c.type() == AttrType.STRING ? text(v.toString()) : Values.text(v);
  }

  // text from the input: well-formed Unicode, not a spreadsheet formula
  private static String text(String s) {
    return CsvCells.neutralise(Values.wellFormed(s));
  }

  static void row(Writer w, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(quote(fields.get(i)));
    }
    w.write("\r\n");
  }

  /**
   * A field as RFC 4180 writes it, with backslashes doubled for Gephi's reader (see the class
   * comment).
   */
  static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char c = s.charAt(i);
      needs = c == ',' || c == '"' || c == '\r' || c == '\n' || c == '\\';
    }
    return needs ? '"' + s.replace("\\", "\\\\").replace("\"", "\"\"") + '"' : s;
  }
}
