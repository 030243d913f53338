package dev.papergraph.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.RecordedModel;

/** The {@code papergraph} command: git-style subcommands over the papergraph library. */
@Command(
    name = "papergraph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Turns a pile of scientific papers into a related-paper graph to explore, rank and export.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph build                     the bundled seed corpus into .papergraph",
      "  papergraph build papers/ more.jsonl  your own files",
      "  papergraph rank --top 5              the most central papers",
      "  papergraph neighbors \"Grokking at the Edge\"",
      "  papergraph search \"quantization of vision transformers\"",
      "  papergraph export -o seeds.graphml   for Gephi",
      "  papergraph info                      what the workspace holds, how it was built",
      "",
      "Exit codes: 0 ok, 1 user or input error, 2 usage error, 3 internal error.",
      "Data goes to standard output, messages and progress to standard error."
    })
public final class Main implements Callable<Integer> {

  /**
   * The subcommands, in the order the usage lists them. picocli builds a command's model (every
   * option, mixin and description, by reflection) when the command is added; a run that names one
   * of these adds only that one (see {@link #commandLine(Main, String...)}).
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          FetchCommand.class,
          BuildCommand.class,
          RankCommand.class,
          NeighborsCommand.class,
          CommunitiesCommand.class,
          ExplainCommand.class,
          PriorCommand.class,
          DerivativeCommand.class,
          TimelineCommand.class,
          BurstsCommand.class,
          DiffCommand.class,
          PathCommand.class,
          SearchCommand.class,
          ExportCommand.class,
          InfoCommand.class,
          RenderCommand.class,
          ViewCommand.class,
          CommandLine.HelpCommand.class,
          AutoComplete.GenerateCompletion.class);

  /** Exit code for success. */
  public static final int EXIT_OK = 0;

  /** Exit code for a user or input error. */
  public static final int EXIT_USER_ERROR = 1;

  /** Exit code for a usage error (unknown option, bad option value). */
  public static final int EXIT_USAGE = 2;

  /** Exit code for an internal error (a bug). */
  public static final int EXIT_INTERNAL_ERROR = 3;

  @Mixin GlobalOptions global;

  /** Set by {@link GlobalOptions} on any (sub)command. */
  boolean verbose;

  /** Set by {@link GlobalOptions} on any (sub)command. */
  boolean quiet;

  /** Columns of a terminal whose width is not known ({@code COLUMNS} unset). */
  public static final int COLUMNS_DEFAULT = 80;

  /** Columns tables may take: {@code COLUMNS} of the environment, else {@link #COLUMNS_DEFAULT}. */
  int columns = COLUMNS_DEFAULT;

  /** Standard output as bytes, for commands that write binary data (exports to {@code -o -}). */
  OutputStream stdout;

  /**
   * picocli's system property naming the built-in type converters it should not register (regular
   * expressions over class names, comma-separated).
   */
  static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  /**
   * The converters no papergraph option needs: every parser picocli makes looks those of java.sql
   * and java.time up by reflection (Class.forName and getDeclaredMethod of 17 classes), about 6 %
   * of the main thread of an answer. MainTest checks that no option has such a type.
   */
  static final String UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

  /**
   * picocli's system property that keeps its factory from looking for Groovy's closure class. The
   * lookup fails (papergraph has no Groovy) after searching the class path: it was the one reason
   * an answer opened the 150 MB jar (reading its 12,000-entry directory) when every class comes
   * from the launcher's class-data archive.
   */
  static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

  public static void main(String[] args) {
    long start = System.nanoTime();
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
    }
    if (System.getProperty(NO_GROOVY_CLOSURES) == null) {
      System.setProperty(NO_GROOVY_CLOSURES, "true");
    }
    int code = run(args);
    if (Boolean.getBoolean("papergraph.timing")) {
      // -Dpapergraph.timing=true (e.g. in PAPERGRAPH_JAVA_OPTS): how long the command itself took
      long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      System.err.printf(
          Locale.ROOT,
          "papergraph: %.0f ms in the command (main thread CPU %.0f ms), "
              + "JVM start to command %d ms%n",
          (System.nanoTime() - start) / 1e6,
          cpu / 1e6,
          ManagementFactory.getRuntimeMXBean().getUptime()
              - Math.round((System.nanoTime() - start) / 1e6));
    }
    if (code == EXIT_OK && AnswerTraining.wanted()) {
      AnswerTraining.run(args);
    }
    System.exit(code);
  }

  /** Runs the command line on the process's standard streams and returns its exit code. */
  public static int run(String... args) {
    return run(
        new FileOutputStream(FileDescriptor.out),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        columns(System.getenv("COLUMNS")),
        args);
  }

  /**
   * The table width for a {@code COLUMNS} value: a positive number, else {@link #COLUMNS_DEFAULT}.
   */
  static int columns(String env) {
    try {
      int c = env == null ? 0 : Integer.parseInt(env.strip());
      return c >= 20 && c <= 10_000 ? c : COLUMNS_DEFAULT;
    } catch (NumberFormatException e) {
      return COLUMNS_DEFAULT;
    }
  }

  /**
   * Runs the command line with these streams and table width (for tests) and returns its exit code.
   * Every command's data goes to {@code stdout} through one {@link StandardOutput}, flushed and
   * checked here: a write failure (a full disk) exits 1 with one line, whatever the command did.
   */
  public static int run(OutputStream stdout, PrintWriter err, int columns, String... args) {
    StandardOutput checked = new StandardOutput(stdout);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8), true);
    Main main = new Main();
    main.columns = columns;
    main.stdout = checked;
    CommandLine cmd = commandLine(main, args);
    cmd.setUsageHelpWidth(Math.max(55, Math.min(columns, 120)));
    cmd.setOut(out);
    cmd.setErr(err);
    int code;
    try {
      code = cmd.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands only exceptions to Errors; an error propagates out of execute
      code = Errors.outOfMemory(err, GlobalOptions.of(cmd.getCommandSpec()).verbose, e);
    } finally {
      out.flush();
      try {
        checked.flush();
      } catch (IOException e) {
        // recorded in checked.failure()
      }
    }
    IOException failure = checked.failure();
    if (failure != null && code == EXIT_OK) {
      // a reader that went away (| head) is told nothing; it is not listening
      if (!checked.brokenPipe()) {
        err.println("papergraph: " + failure.getMessage());
      }
      code = EXIT_USER_ERROR;
    }
    err.flush();
    return code;
  }

  /** The configured command line with every subcommand: exit codes, error handlers. */
  static CommandLine commandLine() {
    return commandLine(new Main());
  }

  /**
   * The command line for these arguments: with only the subcommand they name when they name one
   * (after any top-level options, which take no value), else with every subcommand (the usage, the
   * {@code help} and {@code generate-completion} commands, suggestions for a mistyped name). A
   * query then does not pay for the models of the other seventeen commands.
   */
  static CommandLine commandLine(Main main, String... args) {
    if (versionOnly(args)) {
      return configured(root(main));
    }
    for (String arg : args) {
      if (arg.startsWith("@") || arg.equals("--")) {
        break; // an argument file or the end of options: let picocli read them with every command
      }
      if (arg.startsWith("-")) {
        continue;
      }
      Class<?> named = named(arg);
      if (named != null) {
        return configured(root(main).addSubcommand(subcommand(named)));
      }
      break;
    }
    return commandLine(main);
  }

  /**
   * The papergraph command (not {@code help} or {@code generate-completion}) this name or alias
   * names, or null. The class the naming convention gives ({@code neighbors}: {@code
   * NeighborsCommand}) is asked first, so that a query reads one command's annotation, not those of
   * the commands listed before it: each costs the parsing of its descriptions and a reflective call
   * (a query that read 15 of them also made the JDK generate a constructor accessor class).
   */
  static Class<?> named(String arg) {
    String conventional =
        arg.isEmpty() ? "" : Character.toUpperCase(arg.charAt(0)) + arg.substring(1) + "Command";
    for (Class<?> c : COMMANDS) {
      if (c.getSimpleName().equals(conventional) && names(c, arg)) {
        return c;
      }
    }
    for (Class<?> c : COMMANDS) {
      if (names(c, arg)) {
        return c;
      }
    }
    return null;
  }

  private static boolean names(Class<?> c, String arg) {
    if (c == CommandLine.HelpCommand.class || c == AutoComplete.GenerateCompletion.class) {
      return false;
    }
    Command command = RECORDED != null ? RECORDED.command(c) : c.getAnnotation(Command.class);
    return command.name().equals(arg) || List.of(command.aliases()).contains(arg);
  }

  /**
   * Whether the arguments ask only for the version ({@code -V}/{@code --version}, perhaps with
   * other top-level options, no command and no help): the version needs no subcommand models.
   */
  static boolean versionOnly(String... args) {
    boolean version = false;
    for (String arg : args) {
      switch (arg) {
        case "-V", "--version" -> version = true;
        case "-v", "--verbose", "-q", "--quiet" -> {}
        default -> {
          return false;
        }
      }
    }
    return version;
  }

  /**
   * The command models recorded at build time from the annotations ({@link RecordCommands}
   * generates the class), or null where that class is missing (a build that skipped the {@code
   * process-classes} phase): then the annotations are read, as picocli does by default. A query
   * builds its two models from the record: reading the annotations made the JDK generate a proxy
   * class for each annotation type, about a third of a query's main-thread time.
   */
  static final RecordedModel RECORDED = recorded();

  @SuppressWarnings("unchecked")
  private static RecordedModel recorded() {
    try {
      return new RecordedModel(
          (Function<String, String>)
              Class.forName(RecordCommands.CLASS).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /**
   * The one factory of a query's command line, as {@code new CommandLine(main)} makes one. In a
   * holder class, made at its first use: picocli's factory class looks Groovy's closure class up
   * when it is initialised, unless {@link #NO_GROOVY_CLOSURES} is set, which {@link #main} does
   * only after this class's own initialisation.
   */
  private static final class Factory {
    static final IFactory INSTANCE = CommandLine.defaultFactory();

    private Factory() {}
  }

  /** The top-level command line without subcommands. */
  private static CommandLine root(Main main) {
    return RECORDED == null
        ? new CommandLine(main)
        : new CommandLine(RECORDED.commandSpec(main, Factory.INSTANCE), Factory.INSTANCE);
  }

  /** The command line of this subcommand class, to add to {@link #root}. */
  private static Object subcommand(Class<?> command) {
    if (RECORDED == null) {
      return command;
    }
    try {
      return new CommandLine(
          RECORDED.commandSpec(Factory.INSTANCE.create(command), Factory.INSTANCE),
          Factory.INSTANCE);
    } catch (Exception e) {
      throw new CommandLine.InitializationException("Could not instantiate " + command, e);
    }
  }

  private static CommandLine commandLine(Main main) {
    CommandLine cmd = new CommandLine(main);
    COMMANDS.forEach(cmd::addSubcommand);
    return configured(cmd);
  }

  private static CommandLine configured(CommandLine cmd) {
    Errors errors = new Errors();
    cmd.setExecutionExceptionHandler(errors);
    cmd.setParameterExceptionHandler(errors);
    return cmd;
  }

  @Spec CommandSpec spec;

  /** Without a command: the usage on standard error, a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }
}
