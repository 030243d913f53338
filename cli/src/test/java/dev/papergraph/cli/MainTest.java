package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class MainTest {

  @Test
  void versionNamesTheTool() {
    var r = Cli.run("--version");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().startsWith("papergraph "), r::toString);
  }

  @Test
  void everyCommandNameAndAliasFindsItsCommandAndNothingElseDoes() {
    int found = 0;
    for (Class<?> c : Main.COMMANDS) {
      CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
      boolean own =
          c != CommandLine.HelpCommand.class && c != AutoComplete.GenerateCompletion.class;
      List<String> names = new ArrayList<>(List.of(command.aliases()));
      names.add(command.name());
      for (String name : names) {
        assertEquals(own ? c : null, Main.named(name), name);
        found += own ? 1 : 0;
      }
    }
    assertEquals(Main.COMMANDS.size() - 2 + 1, found); // the one alias: neighbours
    assertEquals(NeighborsCommand.class, Main.named("neighbours"));
    for (String other : List.of("", "Rank", "ranks", "neighbor", "help", "openalex", "Command")) {
      assertEquals(null, Main.named(other), other);
    }
  }

  @Test
  void versionAloneBuildsNoSubcommandAndPrintsWhatTheFullCommandLinePrints() {
    assertTrue(Main.commandLine(new Main(), "--version").getSubcommands().isEmpty());
    assertTrue(Main.commandLine(new Main(), "-q", "-V").getSubcommands().isEmpty());
    // with help, a command or anything else: every command (or the one named), as before
    assertEquals(
        Main.COMMANDS.size(),
        new LinkedHashSet<>(
                Main.commandLine(new Main(), "--version", "--help").getSubcommands().values())
            .size());
    assertEquals(1, Main.commandLine(new Main(), "-V", "rank").getSubcommands().size());
    assertEquals(
        Main.COMMANDS.size(),
        new LinkedHashSet<>(Main.commandLine(new Main(), "-V", "--bogus").getSubcommands().values())
            .size());
    StringWriter full = new StringWriter();
    CommandLine all = Main.commandLine();
    all.setOut(new PrintWriter(full));
    assertEquals(0, all.execute("--version"));
    assertEquals(full.toString(), Cli.run("-V").out());
    assertEquals(Cli.run("--version").out(), Cli.run("-q", "--version").out());
  }

  @Test
  void noOptionNeedsAConverterThatMainLeavesOut() {
    assertTrue("java.time.Duration".matches(Main.UNUSED_CONVERTERS));
    assertTrue("java.sql.Timestamp".matches(Main.UNUSED_CONVERTERS));
    assertFalse("java.nio.file.Path".matches(Main.UNUSED_CONVERTERS));
    List<String> checked = new ArrayList<>();
    assertNoUnusedConverterType(Main.commandLine().getCommandSpec(), checked);
    // every command's options and parameters were seen, the workspace's Path among them
    assertTrue(checked.contains("rank -w java.nio.file.Path"), checked::toString);
    assertTrue(checked.size() > 100, checked::toString);
  }

  private static void assertNoUnusedConverterType(CommandSpec spec, List<String> checked) {
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec a : args) {
      List<Class<?>> types = new ArrayList<>(List.of(a.auxiliaryTypes()));
      types.add(a.type());
      for (Class<?> t : types) {
        String name = spec.name() + " " + a.paramLabel() + " " + t.getName();
        if (a instanceof OptionSpec o) {
          name = spec.name() + " " + o.shortestName() + " " + t.getName();
        }
        assertFalse(t.getName().matches(Main.UNUSED_CONVERTERS), name);
        checked.add(name);
      }
    }
    spec.subcommands()
        .values()
        .forEach(c -> assertNoUnusedConverterType(c.getCommandSpec(), checked));
  }

  @Test
  void noCommandPrintsUsageOnStderrAndExits2() {
    var r = Cli.run();
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("Usage: papergraph"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void unknownCommandIsAUsageErrorOnOneLineWithASuggestion() {
    var r = Cli.run("biuld");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("'biuld'") && r.err().contains("build"), r::toString);
  }

  @Test
  void badOptionValueIsAUsageErrorOnOneLine() {
    var r = Cli.run("info", "--output", "xml");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph info: Invalid value for option '--output'"), r::toString);
    assertTrue(r.err().contains("see `papergraph info --help`"), r::toString);
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    CommandLine cmd = Main.commandLine();
    for (CommandLine sub : new LinkedHashSet<>(cmd.getSubcommands().values())) {
      String name = sub.getCommandName();
      if (name.equals("help") || name.equals("generate-completion")) {
        continue;
      }
      var r = Cli.run(name, "--help");
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.out().contains("Usage: papergraph " + name), r::toString);
      assertTrue(
          r.out().contains("Examples:"), () -> name + " --help has no examples:\n" + r.out());
    }
    assertTrue(Cli.run("--help").out().contains("Examples:"));
  }

  @Test
  void generatesABashCompletionScriptKnowingTheCommands() {
    var r = Cli.run("generate-completion");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("complete -F"), "not a bash completion script");
    assertTrue(
        r.out().contains("build") && r.out().contains("info"), "commands missing from completion");
  }
}
