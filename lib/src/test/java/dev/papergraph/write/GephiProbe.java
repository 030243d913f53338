package dev.papergraph.write;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.AppendProcessor;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports files with Gephi's own importers, headless, as Gephi's "open" does (ImportController,
 * then DefaultProcessor into a new workspace; a second file, the CSV edges table, appended with
 * AppendProcessor) and prints what Gephi made of them as one JSON object. Run by {@link
 * GephiImportTest} in a child JVM whose class path is Gephi's toolkit jar and this class only.
 *
 * <p>Usage: {@code GephiProbe NODE_ID FILE [FILE]}.
 */
public final class GephiProbe {

  private GephiProbe() {}

  public static void main(String[] args) throws Exception {
    String nodeId = args[0];
    ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
    pc.newProject();
    Workspace ws = pc.getCurrentWorkspace();
    ImportController ic = Lookup.getDefault().lookup(ImportController.class);
    List<String> issues = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Container c = ic.importFile(new File(args[i]));
      if (c == null) {
        throw new IllegalStateException("Gephi found no importer for " + args[i]);
      }
      ic.process(c, i == 1 ? new DefaultProcessor() : new AppendProcessor(), ws);
      for (Issue issue : c.getReport().getIssuesList(1000)) {
        if (issue.getLevel().toInteger() >= Issue.Level.WARNING.toInteger()) {
          issues.add(issue.getLevel() + ": " + issue.getMessage());
        }
      }
    }
    GraphModel gm = Lookup.getDefault().lookup(GraphController.class).getGraphModel(ws);
    StringBuilder out = new StringBuilder("{");
    out.append("\"nodes\":").append(gm.getGraph().getNodeCount());
    out.append(",\"edges\":").append(gm.getGraph().getEdgeCount());
    out.append(",\"undirected\":").append(gm.isUndirected());
    double weights = 0;
    int directedEdges = 0;
    for (Edge e : gm.getGraph().getEdges()) {
      weights += e.getWeight();
      directedEdges += e.isDirected() ? 1 : 0;
    }
    out.append(",\"directed_edges\":").append(directedEdges);
    out.append(",\"weight_sum\":").append(String.format(Locale.ROOT, "%.9f", weights));
    out.append(",\"issues\":[");
    for (int i = 0; i < issues.size(); i++) {
      out.append(i > 0 ? "," : "").append(json(issues.get(i)));
    }
    out.append("]");
    Node n = gm.getGraph().getNode(nodeId);
    if (n != null) {
      out.append(",\"label\":").append(json(n.getLabel()));
      out.append(",\"r\":")
          .append(Math.round(n.r() * 255))
          .append(",\"g\":")
          .append(Math.round(n.g() * 255))
          .append(",\"b\":")
          .append(Math.round(n.b() * 255));
      out.append(",\"x\":")
          .append(n.x())
          .append(",\"y\":")
          .append(n.y())
          .append(",\"size\":")
          .append(n.size());
      out.append(",\"values\":{");
      boolean first = true;
      for (Column c : gm.getNodeTable()) {
        Object v = n.getAttribute(c);
        if (v != null && !c.isProperty()) {
          out.append(first ? "" : ",")
              .append(json(c.getTitle()))
              .append(":")
              .append(json(String.valueOf(v)));
          first = false;
        }
      }
      out.append("}");
    }
    out.append(",\"node_columns\":").append(columns(gm.getNodeTable()));
    out.append(",\"edge_columns\":").append(columns(gm.getEdgeTable()));
    out.append("}");
    System.out.println(out);
    System.exit(0);
  }

  private static String columns(Table table) {
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Column c : table) {
      if (!c.isProperty()) {
        b.append(first ? "" : ",")
            .append(json(c.getTitle()))
            .append(":")
            .append(json(c.getTypeClass().getSimpleName()));
        first = false;
      }
    }
    return b.append("}").toString();
  }

  private static String json(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7E) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
