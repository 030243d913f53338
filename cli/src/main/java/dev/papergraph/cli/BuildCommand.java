package dev.papergraph.cli;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Coverage;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.RunManifest;
import dev.papergraph.read.Format;
import dev.papergraph.read.ImportIssue;
import dev.papergraph.read.ImportReport;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.workspace.BuildOptions;
import dev.papergraph.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph build}: reads inputs (the bundled seed corpus by default) into a workspace. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Read papers and build the workspace: papers, similarity edges with explanations, communities with labels, "
          + "centralities, layout and the run manifest.",
      "With no INPUT on an existing workspace, rebuilds it from the inputs its manifest records (files by "
          + "the path they were given as, from the current folder; the bundled seeds from the jar), with this "
          + "command's parameters (those not given take their defaults; a --format the workspace was built with "
          + "is kept unless another is given). With no INPUT and no workspace, reads the bundled seed corpus "
          + "(415 papers from five daily-papers listings).",
      "Prints the import report and a summary: papers, edges, communities, central papers."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph build                        the bundled seed corpus (no workspace yet)",
      "  papergraph build --resolution 1.2       rebuild the workspace from its recorded",
      "                                          inputs with another resolution",
      "  papergraph build listings/ extra.jsonl  a folder (recursively) and a file",
      "  papergraph build 'corpus/**.jsonl.gz'   a glob the shell did not expand",
      "  cat papers.jsonl | papergraph build -   standard input",
      "  papergraph build -k 15 --resolution 1.2 --weight topic=0.3",
      "                                          more edges, smaller communities",
      "  papergraph build -w other --format hf listing.txt",
      "                                          another workspace, forced format",
      "  papergraph build --add more.bib         add papers to the workspace (inputs",
      "                                          it was built from are not read again)"
    })
final class BuildCommand implements Callable<Integer> {

  /** The classpath folder of the bundled default corpus (module testdata). */
  static final String BUNDLED = "papergraph/seed/hf-papers";

  /** Communities listed in the summary. */
  static final int SUMMARY_COMMUNITIES = 10;

  /** Central papers listed in the summary. */
  static final int SUMMARY_PAPERS = 5;

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description =
          "Files, folders, globs, or - for standard input (a file named - is ./-); "
              + "default: the inputs the workspace was built from, or the bundled seed corpus when there is "
              + "no workspace.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Read every input as this format instead of detecting it: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format;

  @Option(
      names = "--add",
      description =
          "Add the INPUTs to the existing workspace, with the parameters it was built with: its saved "
              + "papers are not read again, new records merge into them, the index gains only new and changed papers; "
              + "links, communities and ranks are computed anew.")
  boolean add;

  @Option(
      names = "--force",
      description =
          "Build even when the workspace is up to date (built by this papergraph, with these parameters, "
              + "from inputs of the same names and bytes): without it such a build does nothing but print "
              + "the summary, since it would write the same files.")
  boolean force;

  @ArgGroup(validate = false, heading = "%nEngine parameters (recorded in the run manifest):%n")
  EngineArgs engine = new EngineArgs();

  @Override
  public Integer call() throws Exception {
    BuildOptions options = options();
    for (String input : inputs) {
      if (input.isBlank()) {
        throw new ParameterException(
            spec.commandLine(),
            "an INPUT is empty (''): give a file, a folder, a glob or -"
                + " (the current folder is ./)");
      }
    }
    Main main = GlobalOptions.of(spec);
    Workspace ws;
    if (add) {
      if (inputs.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--add needs at least one INPUT to add");
      }
      for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
        if (o.group() != null) {
          throw new ParameterException(
              spec.commandLine(),
              o.longestName()
                  + " cannot be used with --add: the"
                  + " workspace keeps the parameters it was built with (build without --add to change them)");
        }
      }
      ws =
          Workspace.add(
              workspace.dir,
              Inputs.expand(inputs, System.in),
              options.forcedFormat(),
              ConsoleProgress.forTerminal(main.quiet, main.columns));
    } else {
      List<InputSource> sources;
      if (!inputs.isEmpty()) {
        sources = Inputs.expand(inputs, System.in);
      } else if (Workspace.exists(workspace.dir)) {
        RunManifest recorded = Workspace.open(workspace.dir).manifest();
        sources = recordedInputs(recorded);
        if (format == null && recorded.parameters().get("read.format") instanceof String f) {
          options = options.withFormat(Format.byName(f).orElse(null));
        }
        if (!main.quiet) {
          spec.commandLine()
              .getErr()
              .println(
                  "papergraph: rebuilding "
                      + workspace.dir
                      + " from the "
                      + sources.size()
                      + " inputs it was built from");
        }
      } else {
        sources = Readers.bundled(BuildCommand.class.getClassLoader(), BUNDLED);
      }
      ws =
          Workspace.build(
              workspace.dir,
              sources,
              options,
              ConsoleProgress.forTerminal(main.quiet, main.columns),
              !force);
      if (ws.upToDate() && !main.quiet) {
        spec.commandLine()
            .getErr()
            .println(
                "papergraph: "
                    + workspace.dir
                    + " is up to date (built by this papergraph with these parameters from inputs of"
                    + " the same bytes): nothing was embedded or written; --force builds it again");
      }
    }

    PrintWriter out = output.out();
    ImportReport report = ws.importReport();
    Communities communities = ws.communities();
    List<String> central = ws.centralities().ranking(Measure.PAGERANK);
    Coverage coverage = ws.coverage();
    switch (output.form) {
      case table -> {
        printReport(report);
        out.println();
        out.printf(
            Locale.ROOT,
            "Graph: %d papers, %d edges, %d communities, modularity %.4f%n",
            count(ws, "papers"),
            count(ws, "edges"),
            communities.communities().size(),
            communities.modularity());
        out.println(neighbourSearch(ws));
        semanticLine(ws.semantic()).ifPresent(out::println);
        out.println();
        CoverageLines.print(coverage, out);
        out.println();
        int shown = Math.min(SUMMARY_COMMUNITIES, communities.communities().size());
        out.printf(
            "Communities (%s)%n",
            shown == communities.communities().size()
                ? "all " + shown
                : "largest " + shown + " of " + communities.communities().size());
        output.print(communityTable(communities, shown));
        out.println();
        out.println("Most central papers (PageRank)");
        output.print(centralTable(ws, central));
      }
      case json -> {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("workspace", ws.dir().toString());
        summary.put("papers", count(ws, "papers"));
        summary.put("edges", count(ws, "edges"));
        summary.put("modularity", communities.modularity());
        summary.put("search", ws.approximateNeighbours() ? "approximate" : "exact");
        summary.put("semantic", semanticJson(ws.semantic()));
        summary.put("coverage", CoverageLines.json(coverage));
        summary.put(
            "communities", communityTable(communities, communities.communities().size()).asMaps());
        summary.put("central", centralTable(ws, central).asMaps());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("report", report);
        doc.put("summary", summary);
        output.json(doc);
      }
      case csv, tsv -> output.print(fileTable(report));
    }
    out.flush();
    CoverageLines.warn(coverage, spec.commandLine().getErr(), main.quiet);
    if (!main.quiet && !ws.upToDate()) {
      spec.commandLine()
          .getErr()
          .println(
              "papergraph: workspace written to "
                  + workspace.dir
                  + "; try `papergraph rank`, `papergraph communities` or `papergraph info`");
    }
    return Main.EXIT_OK;
  }

  /**
   * The workspace's papers or edges: counted in memory after a build; as the manifest records them
   * for a workspace found up to date, whose papers and links are then not read for the summary.
   */
  private static long count(Workspace ws, String what) throws IOException {
    Long recorded = ws.upToDate() ? ws.manifest().counts().get(what) : null;
    if (recorded != null) {
      return recorded;
    }
    return what.equals("papers") ? ws.papers().size() : ws.links().size();
  }

  /**
   * The inputs a workspace was built from, as its manifest names them: bundled seed files from the
   * classpath, files by their recorded path.
   *
   * @throws UserException if an input was standard input or is no longer there
   */
  private static List<InputSource> recordedInputs(RunManifest manifest)
      throws IOException, UserException {
    Map<String, InputSource> bundled = new LinkedHashMap<>();
    for (InputSource s : Readers.bundled(BuildCommand.class.getClassLoader(), BUNDLED)) {
      bundled.put(s.name(), s);
    }
    List<InputSource> out = new ArrayList<>();
    for (RunManifest.Input in : manifest.inputs()) {
      if (bundled.containsKey(in.name())) {
        out.add(bundled.get(in.name()));
      } else if (in.name().equals("-")) {
        throw new UserException(
            "the workspace was built from standard input, which cannot be read again:"
                + " give its inputs to rebuild it");
      } else if (Files.isRegularFile(Path.of(in.name()))) {
        out.add(InputSource.of(Path.of(in.name())));
      } else {
        throw new UserException(
            in.name()
                + ": an input the workspace was built from is no longer there:"
                + " give the inputs to rebuild it");
      }
    }
    if (out.isEmpty()) {
      throw new UserException("the workspace records no inputs: give the inputs to rebuild it");
    }
    return out;
  }

  private BuildOptions options() {
    BuildOptions options = BuildOptions.DEFAULTS;
    if (format != null) {
      Format forced =
          Format.byName(format)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "unknown --format '"
                              + Text.echo(format)
                              + "': expected one of "
                              + String.join(", ", new FormatNames())));
      options = options.withFormat(forced);
    }
    try {
      return (engine == null ? new EngineArgs() : engine).apply(options);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /**
   * Which top-k search found the neighbours, and why when {@code --search auto} chose the
   * approximate one.
   */
  private static String neighbourSearch(Workspace ws) throws IOException {
    if (!ws.approximateNeighbours()) {
      return "Neighbours: exact top-k of every paper";
    }
    Map<String, Object> p = ws.manifest().parameters();
    String why =
        "auto".equals(p.get("similarity.search"))
            ? String.format(
                Locale.ROOT,
                "--search auto is approximate above %,d papers (%,d with the semantic part); ",
                EngineOptions.APPROXIMATE_ABOVE,
                EngineOptions.FUSED_APPROXIMATE_ABOVE)
            : "";
    return "Neighbours: approximate top-k ("
        + why
        + "every score exact, recall@10 about 0.95; --search exact for exact lists)";
  }

  /**
   * The links' semantic part in this run, for people: whether it was on, and how many papers were
   * embedded and how many vectors were reused from the workspace; empty for a workspace that does
   * not record it.
   */
  static Optional<String> semanticLine(Workspace.SemanticRun run) {
    String model = run.model();
    int paren = model.indexOf(" (");
    model = paren > 0 ? model.substring(0, paren) : model;
    return switch (run.state()) {
      case UNKNOWN -> Optional.empty();
      case OFF -> Optional.of("Links: lexical only (the semantic part is off)");
      case UNAVAILABLE ->
          Optional.of(
              "Links: lexical only (the semantic model is unavailable here: "
                  + Text.terminal(run.reason())
                  + ")");
      case ON -> {
        String what =
            String.format(
                Locale.ROOT, "%,d papers embedded, %,d reused", run.embedded(), run.reused());
        yield Optional.of("Links: lexical + semantic (" + Text.terminal(model) + "): " + what);
      }
    };
  }

  /** The links' semantic part in this run, for {@code --output json}. */
  private static Map<String, Object> semanticJson(Workspace.SemanticRun run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", run.state().name().toLowerCase(Locale.ROOT));
    switch (run.state()) {
      case ON -> {
        m.put("model", run.model());
        m.put("embedded", run.embedded());
        m.put("reused", run.reused());
      }
      case UNAVAILABLE -> m.put("reason", run.reason());
      default -> {}
    }
    return m;
  }

  /** The import report for people: totals, a row per file, then each rejection and warning. */
  private void printReport(ImportReport report) throws IOException {
    PrintWriter out = output.out();
    output.heading(
        String.format(
            Locale.ROOT,
            "Import: %d records read: %d papers imported, %d merged into them, %d rejected",
            report.read(),
            report.imported(),
            report.merged(),
            report.rejected()));
    output.print(fileTable(report));
    for (ImportIssue r : report.rejections()) {
      out.println("  rejected " + Text.terminal(r.message()));
    }
    for (ImportReport.Warning w : report.warnings()) {
      out.println("  warning " + Text.terminal(w.file() + ": " + w.message()));
    }
  }

  private static Table fileTable(ImportReport report) {
    Table t =
        new Table("file", "format", "read", "imported", "merged", "rejected")
            .flexibleFromStart("file");
    for (ImportReport.FileCounts f : report.files()) {
      t.row(f.file(), f.format(), f.read(), f.imported(), f.merged(), f.rejected());
    }
    return t;
  }

  private static Table communityTable(Communities communities, int limit) {
    Table t = new Table("community", "size", "label").flexible("label");
    for (Community c : communities.communities().subList(0, limit)) {
      t.row(c.id(), c.size(), c.label());
    }
    return t;
  }

  private static Table centralTable(Workspace ws, List<String> ranking) throws IOException {
    Table t =
        new Table("rank", "pagerank", "community", "id", "title")
            .machineOnly("id")
            .flexible("title");
    int rank = 0;
    for (String id : ranking.subList(0, Math.min(SUMMARY_PAPERS, ranking.size()))) {
      t.row(
          ++rank,
          ws.centralities().score(Measure.PAGERANK, id),
          ws.communities().of(id).map(Community::id).orElse(null),
          id,
          ws.title(id));
    }
    return t;
  }

  /** The names {@code --format} accepts, for help and shell completion. */
  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      super(Arrays.stream(Format.values()).map(Format::cliName).collect(Collectors.toList()));
    }
  }
}
