package dev.papergraph.cli;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.WorkspaceDiff;
import dev.papergraph.model.Titles;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph diff}: what changed between two workspaces. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare two workspaces (e.g. before and after adding papers): the papers added and removed,"
          + " what became of each community (kept, grown, shrunk, split, merged, appeared, vanished;"
          + " linked by the Jaccard overlap of their members) and the largest moves in PageRank rank."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph diff old.papergraph .papergraph",
      "  papergraph diff a b --output json | jq '.added | length'"
    })
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin OutputOptions output;

  @Parameters(
      index = "0",
      paramLabel = "WORKSPACE_A",
      description = "The first (older) workspace folder.")
  Path first;

  @Parameters(
      index = "1",
      paramLabel = "WORKSPACE_B",
      description = "The second (newer) workspace folder.")
  Path second;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Rank moves and added/removed papers listed in the table (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--threshold",
      paramLabel = "J",
      defaultValue = "" + WorkspaceDiff.THRESHOLD_DEFAULT,
      description = "Least Jaccard overlap linking two communities (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Override
  public Integer call() throws Exception {
    if (top < 0) {
      throw new ParameterException(spec.commandLine(), "--top cannot be negative: " + top);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--threshold must be in (0, 1]: " + threshold);
    }
    Workspace a = Workspace.open(first);
    Workspace b = Workspace.open(second);
    WorkspaceDiff d =
        WorkspaceDiff.of(
            ids(a),
            a.communities(),
            a.centralities().ranking(Measure.PAGERANK),
            keys(a),
            ids(b),
            b.communities(),
            b.centralities().ranking(Measure.PAGERANK),
            keys(b),
            threshold);
    PrintWriter out = spec.commandLine().getOut();
    Table communities =
        new Table("change", "before", "after", "jaccard", "labelBefore", "labelAfter")
            .maxWidth("labelBefore", 40)
            .maxWidth("labelAfter", 40);
    for (WorkspaceDiff.Change c : d.changes()) {
      communities.row(
          c.kind().name().toLowerCase(Locale.ROOT),
          join(c.before()),
          join(c.after()),
          c.jaccard() == 0 ? null : c.jaccard(),
          labels(a.communities(), c.before()),
          labels(b.communities(), c.after()));
    }
    Table moves = new Table("id", "rankBefore", "rankAfter", "gain", "title").maxWidth("title", 70);
    for (WorkspaceDiff.Move m : d.moves()) {
      moves.row(m.paperId(), m.before(), m.after(), m.gain(), b.title(m.paperId()));
    }
    switch (output.form) {
      case json -> {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", a.dir().toString());
        doc.put("b", b.dir().toString());
        doc.put("added", d.added());
        doc.put("removed", d.removed());
        doc.put("renamed", d.renamed());
        doc.put("communities", communities.asMaps());
        doc.put("rankMoves", moves.asMaps());
        Table.json().writeValue(out, doc);
        out.println();
      }
      case csv, tsv -> output.print(communities);
      case table -> {
        out.printf(
            "A %s: %d papers, %d communities%n",
            a.dir(), a.catalog().size(), a.communities().communities().size());
        out.printf(
            "B %s: %d papers, %d communities%n",
            b.dir(), b.catalog().size(), b.communities().communities().size());
        out.printf(
            "%n%d papers added, %d removed, %d renamed (same paper, new id)%n",
            d.added().size(), d.removed().size(), d.renamed().size());
        printPapers(out, "+", d.added(), b);
        printPapers(out, "-", d.removed(), a);
        out.printf("%nCommunities (A -> B, Jaccard >= %s)%n", threshold);
        output.print(communities);
        out.printf("%nLargest PageRank rank moves (papers in both)%n");
        Table head =
            new Table("id", "rankBefore", "rankAfter", "gain", "title").maxWidth("title", 70);
        for (WorkspaceDiff.Move m : d.moves().subList(0, Math.min(top, d.moves().size()))) {
          head.row(m.paperId(), m.before(), m.after(), m.gain(), b.title(m.paperId()));
        }
        output.print(head);
      }
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private void printPapers(PrintWriter out, String sign, List<String> ids, Workspace ws)
      throws IOException {
    for (String id : ids.subList(0, Math.min(top, ids.size()))) {
      out.printf("  %s %s  %s%n", sign, id, ws.title(id));
    }
    if (ids.size() > top) {
      out.printf("  … and %d more (--output json lists all)%n", ids.size() - top);
    }
  }

  /** Identity keys of each paper: its external ids and its normalised title. */
  private static Map<String, List<String>> keys(Workspace ws) throws IOException {
    Map<String, List<String>> out = new HashMap<>();
    for (PaperRef p : ws.catalog()) {
      List<String> k = new ArrayList<>(p.ids().keys());
      k.add("title:" + Titles.normalize(p.title()));
      out.put(p.id(), k);
    }
    return out;
  }

  private static List<String> ids(Workspace ws) throws IOException {
    return ws.catalog().stream().map(PaperRef::id).toList();
  }

  private static String join(List<Integer> ids) {
    return ids.isEmpty()
        ? null
        : ids.stream().map(String::valueOf).collect(Collectors.joining("+"));
  }

  private static String labels(Communities cs, List<Integer> ids) {
    return ids.isEmpty()
        ? null
        : ids.stream().map(i -> cs.communities().get(i).label()).collect(Collectors.joining(" + "));
  }
}
