package dev.papergraph.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/** Test graphs from resources: the classic GML graphs and tab-separated edge lists. */
final class TestGraphs {

  private TestGraphs() {}

  /** The text of a resource next to this class. */
  static String resource(String name) {
    try (InputStream in = TestGraphs.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing test resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the node ids and edges of a GML graph (the subset the classic graphs use: {@code node [
   * id N ... ]}, {@code edge [ source A target B value W? ]}); vertices are the ids as strings, in
   * file order, weight {@code value} or 1.
   */
  static Graph<String, DefaultWeightedEdge> gml(String name) {
    List<String> tokens = tokens(resource(name));
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    int depth = 0;
    String block = null;
    String id = null, source = null, target = null;
    double value = 1;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("[")) {
        depth++;
        if (depth == 2) {
          block = tokens.get(i - 1);
          id = source = target = null;
          value = 1;
        }
      } else if (t.equals("]")) {
        if (depth == 2 && "node".equals(block)) {
          g.addVertex(id);
        } else if (depth == 2 && "edge".equals(block)) {
          DefaultWeightedEdge e = g.addEdge(source, target);
          if (e == null)
            throw new IllegalStateException(name + ": duplicate edge " + source + "-" + target);
          g.setEdgeWeight(e, value);
        }
        depth--;
      } else if (depth == 2 && i + 1 < tokens.size()) {
        String v = tokens.get(i + 1);
        switch (t) {
          case "id" -> id = v;
          case "source" -> source = v;
          case "target" -> target = v;
          case "value" -> value = Double.parseDouble(v);
          default -> {}
        }
      }
    }
    return g;
  }

  /**
   * Reads a tab-separated edge list {@code a<TAB>b<TAB>weight}; lines starting '#' list isolated
   * vertices as "# vertex id".
   */
  static Graph<String, DefaultWeightedEdge> edgeList(String name) {
    Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    for (String line : resource(name).split("\n")) {
      if (line.startsWith("# vertex ")) {
        g.addVertex(line.substring("# vertex ".length()).strip());
      } else if (!line.isBlank() && !line.startsWith("#")) {
        String[] f = line.split("\t");
        g.addVertex(f[0]);
        g.addVertex(f[1]);
        DefaultWeightedEdge e = g.addEdge(f[0], f[1]);
        g.setEdgeWeight(e, Double.parseDouble(f[2]));
      }
    }
    return g;
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int j = text.indexOf('"', i + 1);
        out.add(text.substring(i + 1, j));
        i = j + 1;
      } else if (c == '[' || c == ']') {
        out.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        while (j < text.length()
            && !Character.isWhitespace(text.charAt(j))
            && text.charAt(j) != '['
            && text.charAt(j) != ']') j++;
        out.add(text.substring(i, j));
        i = j;
      }
    }
    return out;
  }
}
