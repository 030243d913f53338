package dev.papergraph.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --verbose} and {@code --quiet}, accepted before or after any command name; the values are
 * kept on the top-level command so that the error handler and progress rendering see them.
 */
final class GlobalOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces of errors.")
  void setVerbose(boolean verbose) {
    root().verbose |= verbose;
  }

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bars or messages on standard error, only errors.")
  void setQuiet(boolean quiet) {
    root().quiet |= quiet;
  }

  private Main root() {
    return (Main) mixee.root().userObject();
  }

  /** The top-level options of the command line this spec belongs to. */
  static Main of(CommandSpec spec) {
    return (Main) spec.root().userObject();
  }
}
