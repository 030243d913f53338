package dev.papergraph.cli;

import dev.papergraph.workspace.PaperRef;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.workspace.PaperLookup;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** PAPER arguments and the small text forms of papers and edges the commands share. */
final class Papers {

  /** Candidates listed for an ambiguous PAPER. */
  static final int CANDIDATES_SHOWN = 15;

  private Papers() {}

  /**
   * The paper a PAPER argument names.
   *
   * @throws UserException listing the candidates when the fragment is ambiguous, or the closest
   *     titles when nothing matches
   */
  static PaperRef resolve(Workspace ws, String query) throws IOException, UserException {
    PaperLookup.Match m = ws.lookup().find(query);
    if (m instanceof PaperLookup.Found f) {
      return f.paper();
    }
    if (m instanceof PaperLookup.Ambiguous a) {
      List<String> lines = new ArrayList<>();
      a.candidates().stream().limit(CANDIDATES_SHOWN).forEach(p -> lines.add(line(p)));
      if (a.candidates().size() > CANDIDATES_SHOWN) {
        lines.add("… and " + (a.candidates().size() - CANDIDATES_SHOWN) + " more");
      }
      throw new UserException("\"" + query + "\" matches " + a.candidates().size()
          + " papers; give more of the title, or one of these ids:", lines);
    }
    PaperLookup.NotFound n = (PaperLookup.NotFound) m;
    if (n.closest().isEmpty()) {
      throw new UserException("no paper matches \"" + query + "\"; try `papergraph search \"" + query + "\"`");
    }
    throw new UserException("no paper matches \"" + query + "\"; the closest titles are:",
        n.closest().stream().map(Papers::line).toList());
  }

  /** "id  title", for candidate lists. */
  static String line(PaperRef p) {
    return p.id() + "  " + p.title();
  }

  /** The readable forms of an edge's strongest shared terms, comma-separated. */
  static String sharedTerms(EdgeExplanation e, int max) {
    return e.sharedTerms().stream().limit(max).map(SharedTerm::display).collect(Collectors.joining(", "));
  }
}
