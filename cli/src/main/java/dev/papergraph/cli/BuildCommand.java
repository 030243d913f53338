package dev.papergraph.cli;

import dev.papergraph.read.Format;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.workspace.BuildOptions;
import dev.papergraph.workspace.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

/** {@code papergraph build}: reads inputs (the bundled seed corpus by default) into a workspace. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Read papers and build the workspace: papers, import report and run manifest.",
        "With no INPUT, reads the bundled seed corpus (415 papers from five daily-papers listings).",
        "Prints the import report (records read, imported, merged, rejected) and a summary."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  papergraph build                        the bundled seed corpus",
        "  papergraph build listings/ extra.jsonl  a folder (recursively) and a file",
        "  papergraph build 'corpus/**.jsonl.gz'   a glob the shell did not expand",
        "  cat papers.jsonl | papergraph build -   standard input",
        "  papergraph build -w /tmp/ws --format hf listing.txt",
        "                                          another workspace, forced format"})
final class BuildCommand implements Callable<Integer> {

  /** The classpath folder of the bundled default corpus (module testdata). */
  static final String BUNDLED = "papergraph/seed/hf-papers";

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Parameters(paramLabel = "INPUT", arity = "0..*",
      description = "Files, folders, globs, or - for standard input (default: the bundled seed corpus).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Read every input as this format instead of detecting it: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format;

  @Override
  public Integer call() throws Exception {
    Format forced = null;
    if (format != null) {
      forced = Format.byName(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "unknown --format '" + format + "': expected one of " + String.join(", ", new FormatNames())));
    }
    List<InputSource> sources = inputs.isEmpty()
        ? Readers.bundled(BuildCommand.class.getClassLoader(), BUNDLED)
        : Inputs.expand(inputs, System.in);
    Main main = GlobalOptions.of(spec);
    BuildOptions options = BuildOptions.DEFAULTS.withFormat(forced);
    Workspace ws = Workspace.build(workspace.dir, sources, options, ConsoleProgress.forTerminal(main.quiet));

    PrintWriter out = spec.commandLine().getOut();
    ImportReport report = ws.importReport();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("workspace", ws.dir().toString());
    summary.put("papers", ws.papers().size());
    switch (output.form) {
      case table -> {
        out.print(report.toText());
        out.println();
        out.printf("Workspace %s: %d papers%n", workspace.dir, ws.papers().size());
      }
      case json -> {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("report", report);
        doc.put("summary", summary);
        Table.JSON.writeValue(out, doc);
        out.println();
      }
      case csv, tsv -> {
        Table t = new Table("file", "format", "read", "imported", "merged", "rejected");
        for (ImportReport.FileCounts f : report.files()) {
          t.row(f.file(), f.format(), f.read(), f.imported(), f.merged(), f.rejected());
        }
        t.print(out, output.form);
      }
    }
    out.flush();
    if (!main.quiet) {
      spec.commandLine().getErr().println("papergraph: workspace written to " + workspace.dir
          + "; try `papergraph info`");
    }
    return Main.EXIT_OK;
  }

  /** The names {@code --format} accepts, for help and shell completion. */
  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      super(Arrays.stream(Format.values()).map(Format::cliName).collect(Collectors.toList()));
    }
  }
}
