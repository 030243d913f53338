package dev.papergraph.cli;

import dev.papergraph.analysis.Measure;
import dev.papergraph.workspace.Workspace;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The answers run once, output discarded, in the process that records the launcher's class-data
 * archive. The archive holds the classes (and lambdas) that one process loaded: recorded by a
 * {@code build}, it lacked those of the answers (a {@code neighbors} then made some 60 lambda
 * classes and read some 20 classes from the jar on every run; {@code info} 76 classes), and
 * recorded by one answer, those of the others. So after the command that records it succeeds, the
 * same process asks {@code rank}, {@code neighbors}, {@code communities}, {@code explain} of a
 * linked pair and {@code info} of the workspace that command used, if there is one and it holds at
 * most {@link #MAX_PAPERS} papers.
 */
final class AnswerTraining {

  /** The system property the launcher sets on the run that records its archive. */
  static final String PROPERTY = "papergraph.cds.train";

  /**
   * Workspaces of more papers are not asked: the answers would add seconds (a large graph read for
   * {@code neighbors}) to the run that records the archive, which then holds only that command's
   * classes, as before.
   */
  static final long MAX_PAPERS = 20_000;

  private AnswerTraining() {}

  /** Whether this process records the launcher's archive. */
  static boolean wanted() {
    return Boolean.getBoolean(PROPERTY);
  }

  /**
   * The command lines of the answers on the workspace the given command line used, or none when it
   * named no workspace command or its workspace does not exist.
   */
  static List<String[]> answers(String... args) {
    List<String[]> out = new ArrayList<>();
    try {
      CommandLine cmd = Main.commandLine(new Main(), args);
      CommandLine.ParseResult parsed = cmd.parseArgs(args);
      if (!parsed.hasSubcommand()) {
        return out;
      }
      CommandSpec mixin = parsed.subcommand().commandSpec().mixins().get("workspace");
      if (mixin == null || !(mixin.userObject() instanceof WorkspaceOptions options)) {
        return out;
      }
      Path dir = options.dir;
      if (!Workspace.exists(dir)) {
        return out;
      }
      Workspace ws = Workspace.open(dir);
      if (ws.manifest().counts().getOrDefault("papers", Long.MAX_VALUE) > MAX_PAPERS) {
        return out;
      }
      String w = dir.toString();
      out.add(new String[] {"rank", "-w", w});
      out.add(new String[] {"communities", "-w", w});
      out.add(new String[] {"info", "-w", w});
      List<String> ranking = ws.centralities().ranking(Measure.PAGERANK);
      if (!ranking.isEmpty()) {
        String top = ranking.get(0);
        out.add(new String[] {"neighbors", top, "-w", w});
        List<String> around = ws.ego(top, 1, 1).papers();
        if (around.size() > 1) {
          out.add(new String[] {"explain", top, around.get(1), "-w", w});
        }
      }
    } catch (Exception e) {
      // training is an optimisation: a workspace it cannot read trains fewer answers
    }
    return out;
  }

  /** Runs the answers on the workspace the given command line used; their output is discarded. */
  static void run(String... args) {
    for (String[] answer : answers(args)) {
      Main.run(OutputStream.nullOutputStream(), new PrintWriter(Writer.nullWriter()), 80, answer);
    }
  }
}
