package dev.papergraph.cli;

import dev.papergraph.model.Paper;
import dev.papergraph.similarity.CitationIndex;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows to show (default: ${DEFAULT-VALUE}).")
  int top = 20;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * The papers selected, a description for messages, and the workspace's papers with their citation
   * index.
   */
  record Selected(List<String> ids, String description, List<Paper> papers, CitationIndex index) {}

  /**
   * The ids of the selected papers.
   *
   * @throws UserException if neither or both of PAPER and --community are given, or they name
   *     nothing
   */
  Selected resolve(Workspace ws) throws IOException, UserException {
    Chosen chosen = choose(ws);
    List<Paper> papers = ws.papers();
    return new Selected(chosen.ids(), chosen.description(), papers, index(papers));
  }

  /**
   * Checks {@code --top} before anything is read.
   *
   * @throws ParameterException if it is below 1
   */
  void checkTop() {
    if (top < 1) {
      throw new ParameterException(mixee.commandLine(), "--top must be at least 1: " + top);
    }
  }

  private record Chosen(List<String> ids, String description) {}

  private Chosen choose(Workspace ws) throws IOException, UserException {
    if ((paper == null) == (community == null)) {
      throw new UserException("give either PAPER or --community N (see `papergraph communities`)");
    }
    if (neighbours < 0) {
      throw new UserException("--neighbours cannot be negative: " + neighbours);
    }
    if (community != null) {
      var c = Papers.community(ws.communities(), community);
      return new Chosen(
          c.members(), "community " + community + " (" + c.size() + " papers, " + c.label() + ")");
    }
    PaperRef p = Papers.resolve(ws, paper);
    List<String> ids = new ArrayList<>(List.of(p.id()));
    if (neighbours > 0) {
      for (String id : ws.ego(p.id(), 1, neighbours).papers()) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return new Chosen(
        ids,
        p.id() + (ids.size() > 1 ? " and its " + (ids.size() - 1) + " strongest neighbours" : ""));
  }

  /**
   * The citation index of the workspace papers.
   *
   * @throws UserException if no paper has a reference
   */
  private static CitationIndex index(List<Paper> papers) throws UserException {
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
