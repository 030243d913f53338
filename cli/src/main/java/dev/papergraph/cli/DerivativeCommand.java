package dev.papergraph.cli;

import dev.papergraph.analysis.DerivativeWorks;
import dev.papergraph.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph derivative}: the corpus papers that build on a paper's neighbourhood or a
 * community.
 */
@Command(
    name = "derivative",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Derivative works: the papers of the corpus citing many of a set of papers (PAPER and its "
          + "strongest neighbours, or a community), with how many of them each cites. Needs a corpus with "
          + "references (OpenAlex, Semantic Scholar)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph derivative --community 0",
      "  papergraph derivative \"dropout\" --output json"
    })
final class DerivativeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;
  @Mixin CitationSelection selection;

  @Override
  public Integer call() throws Exception {
    selection.checkTop();
    Workspace ws = workspace.open();
    CitationSelection.Selected sel = selection.resolve(ws);
    List<DerivativeWorks.Work> works = DerivativeWorks.of(sel.papers(), sel.index(), sel.ids());
    Table t =
        new Table("rank", "cites", "share", "inSet", "community", "year", "id", "title")
            .flexible("title");
    int rank = 0;
    for (DerivativeWorks.Work w : works.subList(0, Math.min(selection.top, works.size()))) {
      int c = ws.ref(w.paperId()).orElseThrow().community();
      t.row(
          ++rank,
          w.cites(),
          (double) w.cites() / sel.ids().size(),
          w.given() ? "yes" : "no",
          c < 0 ? null : c,
          YearOptions.year(ws, w.paperId()),
          w.paperId(),
          ws.title(w.paperId()));
    }
    if (output.form == OutputOptions.Form.table) {
      spec.commandLine()
          .getOut()
          .printf(
              "Derivative works of %s: %d citing papers in the corpus%n",
              sel.description(), works.size());
    }
    output.print(t);
    if (works.isEmpty() && !GlobalOptions.of(spec).quiet) {
      spec.commandLine().getErr().println("papergraph: no paper of the corpus cites these papers");
    }
    return Main.EXIT_OK;
  }
}
