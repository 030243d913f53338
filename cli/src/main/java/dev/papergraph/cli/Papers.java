package dev.papergraph.cli;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.workspace.PaperLookup;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
      throw new UserException(
          "\""
              + Text.echo(query)
              + "\" matches "
              + a.candidates().size()
              + " papers; give more of the title, or one of these ids:",
          lines);
    }
    PaperLookup.NotFound n = (PaperLookup.NotFound) m;
    if (n.closest().isEmpty()) {
      throw new UserException(
          "no paper matches \""
              + Text.echo(query)
              + "\"; try `papergraph search \""
              + Text.echo(query)
              + "\"`");
    }
    throw new UserException(
        "no paper matches \"" + Text.echo(query) + "\"; the closest titles are:",
        n.closest().stream().map(Papers::line).toList());
  }

  /**
   * Community N of the partition, for {@code --community N}.
   *
   * @throws UserException naming the communities there are, when there is no community N
   */
  static Community community(Communities communities, int n) throws UserException {
    if (n < 0 || n >= communities.communities().size()) {
      throw new UserException(
          "no community "
              + n
              + ": this workspace has communities 0 to "
              + (communities.communities().size() - 1)
              + " (see `papergraph communities`)");
    }
    return communities.communities().get(n);
  }

  /**
   * A paper as a JSON object of its id and title, in that order (an ordered map: {@code Map.of}
   * iterates in an order that changes from run to run).
   */
  static Map<String, Object> idAndTitle(String id, String title) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    return m;
  }

  /** "id title", for candidate lists. */
  static String line(PaperRef p) {
    return p.id() + "  " + p.title();
  }

  /** The readable forms of an edge's shared terms, strongest first. */
  static List<String> sharedTerms(EdgeExplanation e) {
    return e.sharedTerms().stream().map(SharedTerm::display).toList();
  }

  /**
   * A table of papers reached over edges, as {@code neighbors} and {@code path} print it: the given
   * leading columns (a hop or step number, then others shown only to programs, such as {@code
   * via}), then the edge's score, the paper (year, id, title), the shared terms, and, for programs,
   * the score components that {@code explain} gives.
   */
  static Table edgeTable(String position, String... machineOnly) {
    List<String> keys = new ArrayList<>(List.of(position, "score", "year", "id", "title"));
    keys.addAll(List.of(machineOnly));
    keys.addAll(
        List.of(
            "sharedTerms",
            "text",
            "topic",
            "direct",
            "coupling",
            "cocitation",
            "sharedTopics",
            "sharedReferences"));
    return new Table(keys.toArray(String[]::new))
        .machineOnly(machineOnly)
        .machineOnly(
            "text", "topic", "direct", "coupling", "cocitation", "sharedTopics", "sharedReferences")
        .flexible("title", "sharedTerms");
  }

  /**
   * A row of {@link #edgeTable}: the explanation of the edge that reached the paper (null: none).
   */
  static void edgeRow(
      Table t,
      EdgeExplanation e,
      int position,
      Integer year,
      String id,
      String title,
      Object... machineOnly) {
    List<Object> row = new ArrayList<>(List.of(position));
    row.add(e == null ? null : e.score());
    row.add(year);
    row.add(id);
    row.add(title);
    row.addAll(Arrays.asList(machineOnly));
    if (e == null) {
      row.addAll(Arrays.asList(List.of(), null, null, null, null, null, List.of(), List.of()));
    } else {
      row.addAll(
          List.of(
              sharedTerms(e),
              e.text(),
              e.topic(),
              e.direct(),
              e.coupling(),
              e.cocitation(),
              e.sharedTopics(),
              e.sharedReferences()));
    }
    t.row(row.toArray());
  }
}
