package dev.papergraph.cli;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papergraph communities}: the communities with their labels and most central papers. */
@Command(
    name = "communities",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "List the communities (Leiden), largest first, each with its label (its most distinctive terms) "
            + "and its most central papers.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph communities                   every community, 3 central papers each",
      "  papergraph communities --top-papers 0    labels only",
      "  papergraph communities --output json     with member ids"
    })
final class CommunitiesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;
  @Mixin YearOptions years;

  @Option(
      names = "--top-papers",
      paramLabel = "N",
      defaultValue = "3",
      description = "Central papers listed per community (default: ${DEFAULT-VALUE}).")
  int topPapers;

  @Override
  public Integer call() throws Exception {
    if (topPapers < 0) {
      throw new ParameterException(
          spec.commandLine(), "--top-papers cannot be negative: " + topPapers);
    }
    Workspace ws = workspace.open();
    Communities cs = ws.communities();
    Optional<Set<String>> kept = years.keep(ws);
    if (kept.isPresent()) {
      // each community with its members of those years; communities with none are left out
      List<Community> within = new ArrayList<>();
      for (Community c : cs.communities()) {
        List<String> members = c.members().stream().filter(kept.get()::contains).toList();
        if (!members.isEmpty()) {
          within.add(
              new Community(
                  c.id(),
                  members,
                  c.labelTerms(),
                  c.centralPapers().stream().filter(kept.get()::contains).toList(),
                  c.small()));
        }
      }
      cs =
          new Communities(
              cs.membership(), within, cs.modularity(), cs.quality(), cs.resolution(), cs.seed());
    }
    switch (output.form) {
      case json -> {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("modularity", cs.modularity());
        doc.put("quality", cs.quality());
        doc.put("resolution", cs.resolution());
        doc.put("seed", cs.seed());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Community c : cs.communities()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", c.id());
          m.put("size", c.size());
          m.put("label", c.label());
          m.put("labelTerms", c.labelTerms());
          m.put("small", c.small());
          List<Map<String, Object>> central = new ArrayList<>();
          for (String id :
              c.centralPapers().subList(0, Math.min(topPapers, c.centralPapers().size()))) {
            central.add(Papers.idAndTitle(id, ws.title(id)));
          }
          m.put("centralPapers", central);
          m.put("members", c.members());
          list.add(m);
        }
        doc.put("communities", list);
        output.json(doc);
      }
      case table, csv, tsv -> {
        if (output.table()) {
          output.heading(
              String.format(
                  Text.NUMBERS,
                  "%d communities, modularity %.4f (%s, resolution %s, seed %d)",
                  cs.communities().size(),
                  cs.modularity(),
                  cs.quality(),
                  cs.resolution(),
                  cs.seed()));
          output.out().println();
        }
        Table t =
            new Table("community", "size", "label", "centralPapers")
                .flexible("label", "centralPapers");
        for (Community c : cs.communities()) {
          List<String> titles = new ArrayList<>();
          for (String id :
              c.centralPapers().subList(0, Math.min(topPapers, c.centralPapers().size()))) {
            titles.add(ws.title(id));
          }
          t.row(c.id(), c.size(), c.label(), String.join(" | ", titles));
        }
        output.print(t);
      }
    }
    return Main.EXIT_OK;
  }
}
