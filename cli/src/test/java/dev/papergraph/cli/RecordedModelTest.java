package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.RecordedModel;

/**
 * The models a query builds from the record ({@link RecordedModel}) against those picocli builds
 * from the annotations: every command, attribute by attribute, and its help.
 */
class RecordedModelTest {

  @Test
  void theBuildRecordedEveryCommand() {
    assertNotNull(Main.RECORDED, "RecordCommands did not run in process-classes");
    for (Class<?> c : RecordCommands.roots()) {
      assertTrue(Main.RECORDED.covers(c), c::getName);
    }
  }

  @Test
  void everyRecordedCommandHasTheModelAndHelpOfItsAnnotations() {
    int compared = 0;
    for (Class<?> c : RecordCommands.roots()) {
      if (c == Main.class) {
        continue;
      }
      String name = Main.RECORDED.command(c).name();
      CommandLine recorded = Main.commandLine(new Main(), name);
      CommandLine reflected = new CommandLine(new Main()).addSubcommand(c);
      assertEquals(describe(reflected.getCommandSpec()), describe(recorded.getCommandSpec()), name);
      for (int width : new int[] {55, 80, 120}) {
        assertEquals(
            lines(usage(reflected.getSubcommands().get(name), width)),
            lines(usage(recorded.getSubcommands().get(name), width)),
            name + " at " + width);
      }
      compared++;
    }
    assertEquals(Main.COMMANDS.size() - 2, compared);
    CommandLine recorded = Main.commandLine(new Main(), "--version");
    CommandLine reflected = new CommandLine(new Main());
    assertEquals(describe(reflected.getCommandSpec()), describe(recorded.getCommandSpec()));
    assertEquals(usage(reflected, 80), usage(recorded, 80));
  }

  @Test
  void setterOptionsKeepTheSourceOrderInHelpThatIsNotSorted() {
    // GlobalOptions declares setVerbose before setQuiet; rank lists options unsorted
    String help = usage(Main.commandLine(new Main(), "rank").getSubcommands().get("rank"), 80);
    int verbose = help.indexOf("-v, --verbose");
    int quiet = help.indexOf("-q, --quiet");
    assertTrue(verbose > 0 && quiet > verbose, help);
  }

  @Test
  void recordedModelBindsOptionsMixinsGroupsAndSpecsToTheCommandObjects() {
    Main main = new Main();
    CommandLine cmd = Main.commandLine(main, "rank");
    cmd.parseArgs("rank", "--gems", "--top", "3", "-q", "-w", "somewhere");
    CommandLine rankLine = cmd.getSubcommands().get("rank");
    RankCommand rank = rankLine.getCommand();
    assertSame(rankLine.getCommandSpec(), rank.spec);
    assertSame(main, GlobalOptions.of(rank.spec));
    assertTrue(main.quiet);
    assertEquals(3, rank.top);
    assertTrue(rank.contrast.gems);
    assertEquals("somewhere", rank.workspace.dir.toString());
    assertEquals("pagerank", rank.by);
    assertThrows(
        CommandLine.MutuallyExclusiveArgsException.class,
        () -> Main.commandLine(new Main(), "rank").parseArgs("rank", "--gems", "--hype"));
  }

  @Test
  void literalsOfTheGeneratedClassRoundTripEveryCharacter() {
    String text = "a\0b\n\"q\"\\ \u00e9\u2013\t\u0001%n";
    String literal = RecordCommands.literal(text);
    assertTrue(literal.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e), literal);
    assertTrue(literal.contains("\\000"), literal);
  }

  private static String usage(CommandLine cmd, int width) {
    cmd.setUsageHelpWidth(width);
    StringWriter s = new StringWriter();
    cmd.usage(new PrintWriter(s));
    return s.toString();
  }

  /**
   * The help's lines, sorted: the reflected model lists setter options in the JDK's method order,
   * which has none defined (see RecordedModel); the order of the rest is in {@link #describe}.
   */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n")));
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  /** Every attribute of the spec, its options by name, and of its subcommands. */
  private static String describe(CommandSpec spec) {
    StringBuilder s = new StringBuilder();
    s.append("command ").append(spec.qualifiedName()).append('\n');
    s.append(" aliases ").append(Arrays.toString(spec.aliases())).append('\n');
    s.append(" user object ").append(spec.userObject().getClass().getName()).append('\n');
    s.append(" version ").append(Arrays.toString(spec.version())).append('\n');
    s.append(" version provider ")
        .append(spec.versionProvider() == null ? null : spec.versionProvider().getClass())
        .append('\n');
    s.append(" standard help ").append(spec.mixinStandardHelpOptions()).append('\n');
    s.append(" mixins ").append(new TreeMap<>(spec.mixins()).keySet()).append('\n');
    for (Map.Entry<String, CommandSpec> m : new TreeMap<>(spec.mixins()).entrySet()) {
      s.append(" mixin ")
          .append(m.getKey())
          .append(' ')
          .append(m.getValue().toString().replaceAll("@[0-9a-f]+", "@"))
          .append('\n');
    }
    s.append(" spec elements ").append(spec.specElements().size()).append('\n');
    s.append(" scope ").append(spec.scopeType()).append(' ').append(spec.inherited()).append('\n');
    s.append(" exit codes ")
        .append(spec.exitCodeOnSuccess())
        .append(spec.exitCodeOnUsageHelp())
        .append(spec.exitCodeOnVersionHelp())
        .append(spec.exitCodeOnInvalidInput())
        .append(spec.exitCodeOnExecutionException())
        .append('\n');
    s.append(" separator ").append(spec.parser().separator()).append('\n');
    UsageMessageSpec u = spec.usageMessage();
    s.append(" usage ")
        .append(Arrays.toString(u.description()))
        .append(Arrays.toString(u.header()))
        .append(Arrays.toString(u.footer()))
        .append(Arrays.toString(u.customSynopsis()))
        .append(u.footerHeading())
        .append(u.headerHeading())
        .append(u.descriptionHeading())
        .append(u.synopsisHeading())
        .append(u.optionListHeading())
        .append(u.parameterListHeading())
        .append(u.commandListHeading())
        .append(u.synopsisSubcommandLabel())
        .append(u.sortOptions())
        .append(u.sortSynopsis())
        .append(u.abbreviateSynopsis())
        .append(u.showDefaultValues())
        .append(u.hidden())
        .append(u.requiredOptionMarker())
        .append(u.showAtFileInUsageHelp())
        .append(u.showEndOfOptionsDelimiterInUsageHelp())
        .append('\n');
    List<OptionSpec> options = new ArrayList<>(spec.options());
    options.sort(Comparator.comparing(OptionSpec::longestName));
    for (OptionSpec o : options) {
      s.append(" option ")
          .append(Arrays.toString(o.names()))
          .append(" help ")
          .append(o.usageHelp())
          .append(o.versionHelp())
          .append(" negatable ")
          .append(o.negatable())
          .append(" fallback ")
          .append(o.fallbackValue())
          .append(" order ")
          .append(o.order());
      arg(s, o);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      s.append(" positional ").append(p.index());
      arg(s, p);
    }
    for (ArgGroupSpec g : spec.argGroups()) {
      s.append(" group ")
          .append(g.exclusive())
          .append(' ')
          .append(g.multiplicity())
          .append(' ')
          .append(g.heading())
          .append(' ')
          .append(g.order())
          .append(' ')
          .append(g.validate())
          .append(' ')
          .append(g.typeInfo().getClassName())
          .append(' ')
          .append(g.args().stream().map(RecordedModelTest::name).sorted().toList())
          .append('\n');
    }
    for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
      s.append(" subcommand ").append(sub.getKey()).append('\n');
      s.append(describe(sub.getValue().getCommandSpec()));
    }
    return s.toString();
  }

  private static String name(ArgSpec a) {
    return a instanceof OptionSpec o
        ? o.longestName()
        : ((PositionalParamSpec) a).index().toString();
  }

  private static void arg(StringBuilder s, ArgSpec a) {
    List<String> candidates = new ArrayList<>();
    if (a.completionCandidates() != null) {
      a.completionCandidates().forEach(candidates::add);
    }
    s.append(" label ")
        .append(a.paramLabel())
        .append(" arity ")
        .append(a.arity())
        .append(" type ")
        .append(a.type().getName())
        .append(Arrays.toString(a.auxiliaryTypes()))
        .append(" description ")
        .append(Arrays.toString(a.description()))
        .append(" key ")
        .append(a.descriptionKey())
        .append(" default ")
        .append(a.defaultValue())
        .append(' ')
        .append(a.defaultValueString())
        .append(" required ")
        .append(a.required())
        .append(" hidden ")
        .append(a.hidden())
        .append(a.hideParamSyntax())
        .append(" interactive ")
        .append(a.interactive())
        .append(" split ")
        .append(a.splitRegex())
        .append(" show default ")
        .append(a.showDefaultValue())
        .append(" scope ")
        .append(a.scopeType())
        .append(a.inherited())
        .append(" candidates ")
        .append(candidates)
        .append(" converters ")
        .append(a.converters().length)
        .append(" group ")
        .append(a.group() == null ? null : a.group().exclusive())
        .append(" binding ")
        .append(a.getter())
        .append(" initial ")
        .append(a.hasInitialValue())
        .append(' ')
        .append(a.initialValue())
        .append('\n');
  }
}
