package dev.papergraph.cli;

import dev.papergraph.workspace.Workspace;
import dev.papergraph.write.AnalysedGraph;
import dev.papergraph.write.ExportFormat;
import dev.papergraph.write.Exports;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papergraph export}: the whole graph as a file other tools open. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write the graph (papers with communities, centralities and positions; edges with their score components "
          + "and shared terms; the run manifest) in a format other tools open: GraphML for Gephi, networkx and "
          + "igraph; GEXF for Gephi and networkx (1.2draft, or 1.3); node-link JSON; CSV (nodes and edges files "
          + "Gephi's spreadsheet import reads); DOT for Graphviz and Gephi; VOSviewer JSON; HTML, a one-file "
          + "interactive web map that opens offline in any browser.",
      "The file is written atomically and an existing file is kept unless --force is given; papergraph writes "
          + "only regular files (a device, FIFO or symbolic link at FILE is refused). -o - writes to standard "
          + "output."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph export -o seeds.graphml               open it in Gephi",
      "  papergraph export --format html -o seeds.html     a web map to open or e-mail",
      "  papergraph export --format gexf -o seeds.gexf",
      "  papergraph export --format vosviewer -o map.json",
      "  papergraph export -o graph.csv                   writes graph-nodes.csv, graph-edges.csv",
      "  papergraph export --format json -o - | jq '.nodes | length'"
    })
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "The file to write, or - for standard output.")
  Path target;

  @Mixin ExportTarget exportArgs;
  @Mixin YearOptions years;

  @Override
  public Integer call() throws Exception {
    boolean stdout = target.toString().equals("-");
    if (stdout && exportArgs.format == null) {
      throw new UserException("-o - needs --format: one of " + ExportFormat.names());
    }
    if (!stdout) {
      OutputFiles.requireWritable(target, List.of());
    }
    ExportFormat format = exportArgs.formatFor(target);
    Workspace ws = workspace.open();
    AnalysedGraph analysis = RenderCommand.analysis(ws, years);
    if (stdout) {
      if (format == ExportFormat.CSV) {
        throw new UserException("csv is two files (nodes and edges): give a file name with -o");
      }
      // the checked standard output: a write failure (a full disk) ends the command with exit 1
      OutputStream out = GlobalOptions.of(spec).stdout;
      Exports.write(analysis, format, out, exportArgs.options(spec.commandLine()));
      out.flush();
      return Main.EXIT_OK;
    }
    List<Path> files = ExportToFile.write(analysis, format, target, exportArgs, spec.commandLine());
    if (!GlobalOptions.of(spec).quiet) {
      spec.commandLine()
          .getErr()
          .println(
              "papergraph: wrote "
                  + format.key()
                  + " ("
                  + analysis.graph().papers().size()
                  + " papers, "
                  + analysis.graph().similarity().edgeSet().size()
                  + " edges) to "
                  + String.join(", ", files.stream().map(Path::toString).toList()));
    }
    return Main.EXIT_OK;
  }
}
