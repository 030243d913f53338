package dev.papergraph.cli.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code papergraph bench}: measurements of the similarity engine against its peers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: neighbour quality (citation recovery) and top-k graph speed beside the Python peer.",
    subcommands = {RecoveryBench.class, GraphBench.class, GraphRun.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  papergraph bench recovery SET/works_1.zip -o neighbours.tsv",
        "  papergraph bench graph --sizes 10000,30000,all"})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** Exit code for a user or input error (as the rest of the CLI). */
  static final int EXIT_USER_ERROR = 1;

  static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
