package dev.papergraph.write;

import dev.papergraph.analysis.Analysis;
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

/**
 * Two RFC 4180 CSV files (UTF-8 without BOM, CRLF line ends, a header row; a field is quoted when it
 * holds a comma, a quote, CR or LF, quotes doubled): {@code <name>-nodes.csv} with {@code id} and
 * the node attributes of {@link ExportModel}, and {@code <name>-edges.csv} with {@code source},
 * {@code target} and the edge attributes. {@code <name>} is the target without its {@code .csv}
 * extension. Unknown values are empty fields. Gephi's spreadsheet import, pandas, R and Python's
 * csv module read them.
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
    String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return List.of(target.resolveSibling(base + "-nodes.csv"), target.resolveSibling(base + "-edges.csv"));
  }

  @Override
  public List<Path> write(Analysis analysis, Path target, WriteOptions options) throws IOException {
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
    AtomicOutput.write(files.get(0), options.overwrite(), out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      List<String> header = new ArrayList<>(List.of("id"));
      m.nodeColumns().forEach(c -> header.add(c.name()));
      row(w, header);
      for (String id : m.ids()) {
        List<String> row = new ArrayList<>(List.of(id));
        m.nodeColumns().forEach(c -> row.add(cell(c.of(id))));
        row(w, row);
      }
      w.flush();
    });
    AtomicOutput.write(files.get(1), options.overwrite(), out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      List<String> header = new ArrayList<>(List.of("source", "target"));
      m.edgeColumns().forEach(c -> header.add(c.name()));
      row(w, header);
      for (SimilarityEdge e : m.edges()) {
        List<String> row = new ArrayList<>(List.of(e.first(), e.second()));
        m.edgeColumns().forEach(c -> row.add(cell(c.of(e))));
        row(w, row);
      }
      w.flush();
    });
    return files;
  }

  private static String cell(Object v) {
    return v == null ? "" : Values.text(v);
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

  /** A field as RFC 4180 writes it. */
  static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char c = s.charAt(i);
      needs = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
