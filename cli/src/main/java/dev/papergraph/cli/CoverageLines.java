package dev.papergraph.cli;

import dev.papergraph.analysis.Coverage;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The coverage of a workspace as {@code build} and {@code info} print it. */
final class CoverageLines {

  private CoverageLines() {}

  /** "Coverage" and its lines, for the table form. */
  static void print(Coverage c, PrintWriter out) {
    out.println("Coverage (what each feature can use)");
    c.lines().forEach(l -> out.println("  " + l));
  }

  /** Each warning as one line on standard error. */
  static void warn(Coverage c, PrintWriter err, boolean quiet) {
    if (!quiet) {
      c.warnings().forEach(w -> err.println("papergraph: warning: " + w));
      err.flush();
    }
  }

  /** The figures and warnings as a JSON object. */
  static Map<String, Object> json(Coverage c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("papers", c.papers());
    m.put("withAbstract", c.withAbstract());
    m.put("withYear", c.withYear());
    m.put("withReferences", c.withReferences());
    m.put("references", c.references());
    m.put("referencesResolved", c.resolved());
    m.put("warnings", c.warnings());
    return m;
  }
}
