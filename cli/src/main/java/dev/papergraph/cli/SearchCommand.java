package dev.papergraph.cli;

import dev.papergraph.workspace.PaperIndex;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph search}: the papers nearest to a piece of free text. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find the papers nearest to free text (a few words, a title, or a whole pasted abstract): BM25 over the "
          + "workspace's Lucene index of titles and abstracts, analysed as the similarity engine analyses them "
          + "(stemming, phrases).",
      "Scores are BM25's: higher is closer, not bounded."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph search \"post-training quantization of vision transformers\"",
      "  papergraph search \"$(cat abstract.txt)\" --top 20",
      "  papergraph search grokking --output json | jq '.[0].id'"
    })
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;
  @Mixin YearOptions years;

  @Parameters(
      paramLabel = "TEXT",
      arity = "1..*",
      description = "The text to search for (several words are joined).")
  List<String> text;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Results to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1: " + top);
    }
    String query = String.join(" ", text).strip();
    if (query.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "the search text is empty");
    }
    Workspace ws = workspace.open();
    Optional<Set<String>> kept = years.keep(ws);
    List<PaperIndex.SearchHit> hits =
        ws.search(query, kept.isPresent() ? Math.max(top, ws.catalog().size()) : top);
    if (kept.isPresent()) {
      hits = hits.stream().filter(h -> kept.get().contains(h.paper().id())).limit(top).toList();
    }
    Table t = new Table("rank", "score", "community", "year", "id", "title").flexible("title");
    int rank = 0;
    for (PaperIndex.SearchHit h : hits) {
      int community = ws.ref(h.paper().id()).map(PaperRef::community).orElse(-1);
      t.row(
          ++rank,
          h.score(),
          community < 0 ? null : community,
          h.paper().year().orElse(null),
          h.paper().id(),
          h.paper().title());
    }
    output.print(t);
    if (hits.isEmpty() && !GlobalOptions.of(spec).quiet) {
      spec.commandLine()
          .getErr()
          .println(
              "papergraph: no paper shares a term with \""
                  + Text.echo(query)
                  + "\" (after stop words and stemming); try other words");
    }
    return Main.EXIT_OK;
  }
}
