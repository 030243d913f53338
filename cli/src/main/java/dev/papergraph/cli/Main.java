package dev.papergraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code papergraph} command: git-style subcommands over the papergraph library. */
@Command(
    name = "papergraph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns a pile of scientific papers into a related-paper graph to explore, rank and export.",
    subcommands = {BuildCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  /** Exit code for a user or input error. */
  public static final int EXIT_USER_ERROR = 1;
  /** Exit code for an internal error (a bug). */
  public static final int EXIT_INTERNAL_ERROR = 3;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }
}
