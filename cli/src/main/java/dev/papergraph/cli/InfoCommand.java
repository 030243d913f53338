package dev.papergraph.cli;

import dev.papergraph.analysis.Coverage;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.workspace.Workspace;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code papergraph info}: what the workspace holds and how it was built. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Show the workspace's run manifest: inputs with SHA-256, counts, parameters, versions.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph info                      the workspace in ./.papergraph",
      "  papergraph info --output json | jq   the manifest as JSON",
      "  papergraph info -w other             another workspace"
    })
final class InfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    Workspace ws = workspace.open();
    RunManifest m = ws.manifest();
    Coverage coverage = ws.coverage();
    PrintWriter out = output.out();
    switch (output.form) {
      case json -> {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("workspace", ws.dir().toString());
        doc.put("manifest", m);
        doc.put("coverage", CoverageLines.json(coverage));
        output.json(doc);
      }
      case table -> {
        output.heading("Workspace   " + ws.dir());
        output.heading("Built       " + m.created() + " by " + m.tool());
        out.println();
        out.printf("Inputs (%d)%n", m.inputs().size());
        Table inputs =
            new Table("file", "format", "bytes", "sha256")
                .flexibleFromStart("file")
                .flexible("sha256");
        m.inputs().forEach(i -> inputs.row(i.name(), i.format(), i.bytes(), i.sha256()));
        output.print(inputs);
        out.println();
        CoverageLines.print(coverage, out);
        out.println();
        out.println("Counts");
        m.counts()
            .forEach((k, v) -> output.heading(String.format(Text.NUMBERS, "  %-24s %d", k, v)));
        out.println();
        out.println("Parameters");
        m.parameters()
            .forEach((k, v) -> output.heading(String.format(Text.NUMBERS, "  %-24s %s", k, v)));
        out.println();
        out.println("Libraries");
        m.libraries()
            .forEach((k, v) -> output.heading(String.format(Text.NUMBERS, "  %-24s %s", k, v)));
      }
      case csv, tsv -> {
        Table t = new Table("key", "value");
        t.row("workspace", ws.dir().toString());
        t.row("created", m.created());
        t.row("tool", m.tool());
        for (RunManifest.Input i : m.inputs()) {
          t.row("input." + i.name(), i.format() + " " + i.bytes() + " " + i.sha256());
        }
        m.counts().forEach((k, v) -> t.row("counts." + k, v));
        CoverageLines.json(coverage)
            .forEach(
                (k, v) ->
                    t.row(
                        "coverage." + k,
                        v instanceof List<?> l
                            ? String.join("; ", l.stream().map(Object::toString).toList())
                            : v));
        m.parameters().forEach((k, v) -> t.row("parameters." + k, v));
        m.libraries().forEach((k, v) -> t.row("libraries." + k, v));
        output.print(t);
      }
    }
    out.flush();
    CoverageLines.warn(coverage, spec.commandLine().getErr(), GlobalOptions.of(spec).quiet);
    return Main.EXIT_OK;
  }
}
