package dev.papergraph.cli;

import dev.papergraph.analysis.Communities;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code [PAPER | --community N] [--neighbours K]}: the papers whose references (prior works) or
 * citing papers (derivative works) are counted, shared by {@code prior} and {@code derivative}.
 */
final class CitationSelection {

  @Parameters(
      paramLabel = "PAPER",
      arity = "0..1",
      description = "Id, DOI, arXiv id or title fragment: this paper and its strongest neighbours.")
  String paper;

  @Option(
      names = "--community",
      paramLabel = "N",
      description = "The papers of community N instead of PAPER.")
  Integer community;

  @Option(
      names = "--neighbours",
      paramLabel = "K",
      defaultValue = "10",
      description =
          "With PAPER: how many of its strongest similarity neighbours join it (default: "
              + "${DEFAULT-VALUE}; 0 for the paper alone).")
  int neighbours;

  /** The papers selected, and a description for messages. */
  record Selected(List<String> ids, String description) {}

  /**
   * The ids of the selected papers.
   *
   * @throws UserException if neither or both of PAPER and --community are given, or they name
   *     nothing
   */
  Selected resolve(Workspace ws) throws IOException, UserException {
    if ((paper == null) == (community == null)) {
      throw new UserException("give either PAPER or --community N (see `papergraph communities`)");
    }
    if (neighbours < 0) {
      throw new UserException("--neighbours cannot be negative: " + neighbours);
    }
    if (community != null) {
      Communities cs = ws.communities();
      if (community < 0 || community >= cs.communities().size()) {
        throw new UserException(
            "no community "
                + community
                + ": this workspace has communities 0 to "
                + (cs.communities().size() - 1)
                + " (see `papergraph communities`)");
      }
      var c = cs.communities().get(community);
      return new Selected(
          c.members(), "community " + community + " (" + c.size() + " papers, " + c.label() + ")");
    }
    PaperRef p = Papers.resolve(ws, paper);
    List<String> ids = new ArrayList<>(List.of(p.id()));
    if (neighbours > 0) {
      for (String id : ws.neighbourhoods().ego(p.id(), 1, neighbours).papers()) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return new Selected(
        ids,
        p.id() + (ids.size() > 1 ? " and its " + (ids.size() - 1) + " strongest neighbours" : ""));
  }

  /**
   * The citation index of the workspace papers.
   *
   * @throws UserException if no paper has a reference
   */
  static CitationIndex index(List<Paper> papers) throws UserException {
    CitationIndex index = CitationIndex.of(papers);
    if (!index.hasReferences()) {
      throw new UserException(
          "no paper of this workspace has references (arXiv listings and plain lists do not "
              + "give them); build from a source with references, such as OpenAlex (`papergraph fetch openalex`) "
              + "or Semantic Scholar");
    }
    return index;
  }
}
