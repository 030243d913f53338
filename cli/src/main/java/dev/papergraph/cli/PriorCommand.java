package dev.papergraph.cli;

import dev.papergraph.analysis.PriorWorks;
import dev.papergraph.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code papergraph prior}: the works a paper's neighbourhood or a community builds on. */
@Command(
    name = "prior",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Prior works: the works most cited by a set of papers (PAPER and its strongest neighbours, or a "
          + "community), with how many of them cite each. Works outside the corpus, known only as references, "
          + "are listed too (by id; title empty). Needs a corpus with references (OpenAlex, Semantic "
          + "Scholar)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph prior --community 0",
      "  papergraph prior \"dropout\" --neighbours 0     the references of one paper",
      "  papergraph prior --community 2 --output csv > prior.csv"
    })
final class PriorCommand implements Callable<Integer> {

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
    List<PriorWorks.Work> works = PriorWorks.of(sel.papers(), sel.index(), sel.ids());
    Table t =
        new Table("rank", "citing", "share", "community", "year", "id", "title").flexible("title");
    int rank = 0;
    for (PriorWorks.Work w : works.subList(0, Math.min(selection.top, works.size()))) {
      Integer community = null;
      String title = null;
      Integer year = null;
      if (w.inCorpus()) {
        int c = ws.ref(w.key()).orElseThrow().community();
        community = c < 0 ? null : c;
        title = ws.title(w.key());
        year = YearOptions.year(ws, w.key());
      }
      t.row(
          ++rank,
          w.citing(),
          (double) w.citing() / sel.ids().size(),
          community,
          year,
          w.key(),
          title);
    }
    if (output.form == OutputOptions.Form.table) {
      spec.commandLine()
          .getOut()
          .printf("Prior works of %s: %d works cited%n", sel.description(), works.size());
    }
    output.print(t);
    if (works.isEmpty() && !GlobalOptions.of(spec).quiet) {
      spec.commandLine().getErr().println("papergraph: none of these papers has references");
    }
    return Main.EXIT_OK;
  }
}
