package dev.papergraph.write;

import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Graphviz DOT that Graphviz and Gephi's DOT importer both read: an undirected {@code graph} whose
 * nodes carry {@code label} (title), {@code pos} (layout position in points, so {@code neato -n}
 * draws the computed layout; Gephi takes it as the position), {@code width} (inches, from the
 * size), {@code color} and {@code fillcolor} (community colour, which Gephi takes as the node
 * colour), {@code style}, {@code shape}, {@code fixedsize} and the other attributes of {@link
 * ExportModel} except the abstract; edges carry {@code weight} (the combined score, Gephi's edge
 * weight), {@code score} (the same), {@code penwidth} and the score components. Every attribute is
 * on its node or edge: Gephi's importer takes default statements ({@code graph [...]}, {@code node
 * [...]}) for nodes, so there are none. Every value is a quoted string: {@code "} and {@code \} are
 * escaped with a backslash, line breaks become {@code \n}, other control characters are removed,
 * lone surrogates become U+FFFD.
 */
public final class DotWriter implements StreamGraphWriter {

  private static final Set<String> SKIPPED =
      Set.of("label", "x", "y", "size", "r", "g", "b", "abstract", "weight");

  @Override
  public ExportFormat format() {
    return ExportFormat.DOT;
  }

  @Override
  public void write(AnalysedGraph analysis, WriteOptions options, OutputStream out)
      throws IOException {
    ExportModel m = new ExportModel(analysis, options);
    List<Column<String>> nodeAttrs =
        m.nodeColumns().stream().filter(c -> !SKIPPED.contains(c.name())).toList();
    List<Column<SimilarityEdge>> edgeAttrs =
        m.edgeColumns().stream().filter(c -> !SKIPPED.contains(c.name())).toList();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("graph papergraph {\n");
    for (String id : m.ids()) {
      Layout.Point p = m.position(id);
      w.write("  " + quote(id) + " [label=" + quote(m.title(id)));
      w.write(", pos=" + quote(String.format(Locale.ROOT, "%.3f,%.3f", p.x(), p.y())));
      w.write(", width=" + quote(String.format(Locale.ROOT, "%.3f", m.size(id) / 72 * 4)));
      String colour = quote(Palette.hex(m.rgb(id)));
      w.write(
          ", color="
              + colour
              + ", fillcolor="
              + colour
              + ", style=\"filled\", shape=\"circle\", fixedsize=\"true\"");
      for (Column<String> c : nodeAttrs) {
        Object v = c.of(id);
        if (v != null) {
          w.write(", " + c.name() + "=" + quote(Values.text(v)));
        }
      }
      w.write("];\n");
    }
    for (SimilarityEdge e : m.edges()) {
      double weight = m.weight(e);
      w.write(
          "  "
              + quote(e.first())
              + " -- "
              + quote(e.second())
              + " [weight="
              + quote(Values.text(weight)));
      w.write(", score=" + quote(Values.text(weight)));
      w.write(", penwidth=" + quote(String.format(Locale.ROOT, "%.3f", 0.5 + 3 * weight)));
      for (Column<SimilarityEdge> c : edgeAttrs) {
        Object v = c.of(e);
        if (v != null) {
          w.write(", " + c.name() + "=" + quote(Values.text(v)));
        }
      }
      w.write("];\n");
    }
    w.write("}\n");
    w.flush();
  }

  /** A DOT double-quoted string. */
  static String quote(String text) {
    String raw = Values.wellFormed(text);
    StringBuilder b = new StringBuilder(raw.length() + 2).append('"');
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> {
          if (i + 1 >= raw.length() || raw.charAt(i + 1) != '\n') {
            b.append("\\n");
          }
        }
        default -> {
          if (c >= 0x20 || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
