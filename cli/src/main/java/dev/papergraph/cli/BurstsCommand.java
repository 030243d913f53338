package dev.papergraph.cli;

import dev.papergraph.analysis.Bursts;
import dev.papergraph.analysis.Period;
import dev.papergraph.model.Paper;
import dev.papergraph.workspace.Workspace;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph bursts}: terms whose share of papers bursts for a span of years (or months).
 */
@Command(
    name = "bursts",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Terms whose share of papers rises sharply for a span of years (or months): Kleinberg's two-state "
          + "burst detection (KDD 2002) on the number of papers per period containing each term, as CiteSpace "
          + "reports it: term, strength (the cost the burst saves), begin, end. Terms are the analysed terms "
          + "that community labels are made of; a term must occur in --min-papers papers."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph bursts",
      "  papergraph bursts --community 2 --top 10",
      "  papergraph bursts --by month --output csv > bursts.csv"
    })
final class BurstsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Option(names = "--community", paramLabel = "N", description = "Only the papers of community N.")
  Integer community;

  @Mixin PeriodOption step;
  @Mixin YearOptions years;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--s",
      paramLabel = "S",
      defaultValue = "" + Bursts.S_DEFAULT,
      description = "Burst rate over base rate, above 1 (default: ${DEFAULT-VALUE}).")
  double s;

  @Option(
      names = "--gamma",
      paramLabel = "G",
      defaultValue = "" + Bursts.GAMMA_DEFAULT,
      description =
          "Cost of entering a burst, in units of ln(periods); larger finds fewer bursts (default: "
              + "${DEFAULT-VALUE}).")
  double gamma;

  @Option(
      names = "--min-papers",
      paramLabel = "N",
      defaultValue = "" + Bursts.MIN_PAPERS_DEFAULT,
      description = "Least papers a term must occur in (default: ${DEFAULT-VALUE}).")
  int minPapers;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1: " + top);
    }
    Bursts detector;
    try {
      detector = new Bursts(s, gamma, minPapers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Workspace ws = workspace.open();
    List<Paper> papers = years.filter(ws, ws.papers());
    String scope = "all papers";
    if (community != null) {
      var c = Papers.community(ws.communities(), community);
      Set<String> members = new HashSet<>(c.members());
      papers = papers.stream().filter(p -> members.contains(p.id())).toList();
      scope = "community " + community + " (" + c.label() + ")";
    }
    Period period = step.period(papers);
    List<Bursts.Burst> bursts = detector.detect(papers, ws.terms(), period);
    Table t =
        new Table("rank", "term", "strength", "begin", "end", "papers", "analysed")
            .maxWidth("term", 40)
            .flexible("term");
    int rank = 0;
    for (Bursts.Burst b : bursts.subList(0, Math.min(top, bursts.size()))) {
      t.row(
          ++rank,
          b.display(),
          b.strength(),
          period.label(b.begin()),
          period.label(b.end()),
          b.papers(),
          b.term());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.form == OutputOptions.Form.table) {
      out.printf("Bursts by %s in %s: %d bursts%n", period.key(), scope, bursts.size());
    }
    output.print(t);
    if (bursts.isEmpty() && !GlobalOptions.of(spec).quiet) {
      spec.commandLine()
          .getErr()
          .println(
              "papergraph: no term bursts; the papers may span too few "
                  + period.key()
                  + "s, or try a smaller --gamma or --min-papers");
    }
    return Main.EXIT_OK;
  }
}
