package dev.papergraph.cli;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Period;
import dev.papergraph.analysis.Timeline;
import dev.papergraph.model.Paper;
import dev.papergraph.viz.GraphPicture;
import dev.papergraph.viz.TimelinePicture;
import dev.papergraph.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph timeline}: papers per community per year (or month), as a table and a picture.
 */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Papers per community per year (or month): how each community grew. The table has one column per "
          + "large community (ids as in `communities`) and one for the rest; -o draws the same as stacked "
          + "areas in the community colours and labels of `render`."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph timeline",
      "  papergraph timeline -o timeline.png",
      "  papergraph timeline --by month -o timeline.svg --output csv > timeline.csv"
    })
final class TimelineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Mixin PeriodOption step;
  @Mixin YearOptions years;

  @Option(
      names = "--communities",
      paramLabel = "N",
      defaultValue = "" + TimelinePicture.COMMUNITIES_DEFAULT,
      description =
          "The N largest communities get a column and a colour; the rest are summed (default: "
              + "${DEFAULT-VALUE}).")
  int shown;

  @Option(
      names = {"-o", "--picture"},
      paramLabel = "FILE",
      description = "Also draw the timeline to FILE (.png or .svg).")
  Path picture;

  @Option(
      names = "--width",
      paramLabel = "PX",
      description = "Picture width in pixels (default: ${DEFAULT-VALUE}).")
  int width = TimelinePicture.WIDTH_DEFAULT;

  @Option(
      names = "--height",
      paramLabel = "PX",
      description = "Picture height in pixels (default: ${DEFAULT-VALUE}).")
  int height = TimelinePicture.HEIGHT_DEFAULT;

  @Option(
      names = {"-f", "--force"},
      description = "Overwrite the picture if it exists.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    if (shown < 1) {
      throw new ParameterException(
          spec.commandLine(), "--communities must be at least 1: " + shown);
    }
    if (picture != null) {
      try {
        GraphPicture.Format.of(picture);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      if (!force && Files.exists(picture)) {
        throw new UserException(picture + " exists; use --force to overwrite it");
      }
    }
    Workspace ws = workspace.open();
    List<Paper> papers = years.filter(ws, ws.papers());
    Period period = step.period(papers);
    Communities cs = ws.communities();
    Timeline t = Timeline.of(papers, cs, period);
    if (t.periods() == 0) {
      throw new UserException(
          "no paper of this workspace has a "
              + (period == Period.MONTH ? "month and " : "")
              + "year, so there is no timeline to draw");
    }
    List<Community> bands = TimelinePicture.largest(cs, shown);
    boolean other = bands.size() < cs.communities().size();
    List<String> names = new ArrayList<>(List.of(period.key(), "total"));
    bands.forEach(c -> names.add(String.valueOf(c.id())));
    if (other) {
      names.add("other");
    }
    Table table = new Table(names.toArray(new String[0]));
    for (int p = t.first(); p <= t.last(); p++) {
      List<Object> row = new ArrayList<>(List.of(period.label(p), t.total(p)));
      int inBands = 0;
      for (Community c : bands) {
        row.add(t.count(c.id(), p));
        inBands += t.count(c.id(), p);
      }
      if (other) {
        row.add(t.total(p) - inBands);
      }
      table.row(row.toArray());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.form == OutputOptions.Form.table) {
      out.printf(
          "Papers per %s by community (%d without a %s)%n",
          period.key(), t.undated(), period.key());
      for (Community c : bands) {
        out.printf("  %3d  %s%n", c.id(), c.label());
      }
      out.println();
    }
    output.print(table);
    if (picture != null) {
      try {
        TimelinePicture.write(t, cs, shown, picture, width, height, force);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      } catch (FileAlreadyExistsException e) {
        throw new UserException(picture + " exists; use --force to overwrite it");
      }
      if (!GlobalOptions.of(spec).quiet) {
        spec.commandLine().getErr().println("papergraph: wrote " + picture);
      }
    }
    return Main.EXIT_OK;
  }
}
