package dev.papergraph.cli;

import dev.papergraph.fetch.FetchException;
import dev.papergraph.fetch.OpenAlexClient;
import dev.papergraph.fetch.OpenAlexFetch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papergraph fetch}: build a corpus file from a bibliographic API. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Builds a corpus file from a bibliographic API, to `build` as usual. One source so far: openalex."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph fetch openalex --seed 10.1001/archpsyc.63.7.757 --dry-run",
      "  papergraph fetch openalex --seed 10.1001/archpsyc.63.7.757 -o dbt.jsonl"
    },
    subcommands = {FetchCommand.OpenAlex.class})
final class FetchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Without a source: the usage, a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.EXIT_USAGE;
  }

  /** {@code papergraph fetch openalex}. */
  @Command(
      name = "openalex",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Grows a corpus from a seed work through OpenAlex's works API: the seed, the works it "
            + "references, the works citing it (most cited first), and with --depth 2 the works "
            + "those reference, most shared first; or the works a search finds. --limit counts the "
            + "works besides the seed and is spent in that order. Each line of the output is an "
            + "OpenAlex work with a papergraph_fetch field saying where it came from (role seed, "
            + "reference, citing or search; depth; of: the works it is a reference of or cites).",
        "",
        "OpenAlex asks for an API key (free, openalex.org/settings/api): lookups by id are free, "
            + "list calls (references, citing works) and search calls cost from a daily budget; "
            + "--dry-run shows the calls first. Every response is kept in a cache folder, so "
            + "running the same command again spends nothing twice, and a fetch that stopped "
            + "(network, daily budget) continues where it stopped."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  papergraph fetch openalex --seed 10.1001/archpsyc.63.7.757 --dry-run",
        "  papergraph fetch openalex --seed W2120220100 -o dbt.jsonl",
        "  papergraph fetch openalex --seed arXiv:1706.03762 --references --depth 2 \\",
        "      -o attention.jsonl",
        "  papergraph fetch openalex --query \"borderline personality\" --limit 500 \\",
        "      -o bpd.jsonl",
        "  papergraph build -w dbt dbt.jsonl"
      })
  static final class OpenAlex implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin GlobalOptions global;

    static final class Start {
      @Option(
          names = "--seed",
          paramLabel = "ID",
          required = true,
          description = "The seed work: a DOI, an arXiv id or an OpenAlex work id (W…).")
      String seed;

      @Option(
          names = "--query",
          paramLabel = "TEXT",
          required = true,
          description = "Instead of a seed: the works OpenAlex's search finds for TEXT.")
      String query;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Start start;

    @Option(
        names = "--references",
        description = "The works the seed references (with --cited-by: both; neither: both).")
    boolean references;

    @Option(names = "--cited-by", description = "The works citing the seed.")
    boolean citedBy;

    @Option(
        names = "--depth",
        paramLabel = "1|2",
        defaultValue = "1",
        description = "2: also the references of the works found (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "" + OpenAlexFetch.LIMIT_DEFAULT,
        description = "At most N works besides the seed (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(
        names = {"-o", "--corpus"},
        paramLabel = "FILE",
        description = "The corpus file to write (JSON Lines); required unless --dry-run.")
    Path out;

    @Option(
        names = "--api-key",
        paramLabel = "KEY",
        description = "OpenAlex API key (default: the OPENALEX_API_KEY environment variable).")
    String apiKey;

    @Option(
        names = "--api-url",
        paramLabel = "URL",
        defaultValue = OpenAlexClient.API_URL_DEFAULT,
        description = "The API's base URL, for a mirror (default: ${DEFAULT-VALUE}).")
    String apiUrl;

    @Option(
        names = "--cache",
        paramLabel = "DIR",
        description = "Where responses are kept (default: FILE.cache beside the output).")
    Path cache;

    @Option(
        names = "--dry-run",
        description = "Look the seed up (free) and print the calls the fetch would make.")
    boolean dryRun;

    @Option(
        names = {"-f", "--force"},
        description = "Overwrite the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      Main main = GlobalOptions.of(spec);
      PrintWriter err = spec.commandLine().getErr();
      OpenAlexFetch.Request request;
      try {
        boolean both = !references && !citedBy;
        request =
            new OpenAlexFetch.Request(
                start.seed, start.query, both || references, both || citedBy, depth, limit);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      if (out == null && !dryRun) {
        throw new ParameterException(spec.commandLine(), "give the corpus file to write with -o");
      }
      if (out != null && !dryRun) {
        OutputFiles.requireWritable(out, List.of());
        if (!force && Files.exists(out)) {
          throw new UserException(out + " exists; use --force to overwrite it");
        }
      }
      Path folder = cache != null ? cache : cacheBeside(out);
      String key = apiKey != null ? apiKey : System.getenv("OPENALEX_API_KEY");
      OpenAlexClient client;
      try {
        client = new OpenAlexClient(apiUrl, key, folder, OpenAlexClient.Sleeper.REAL);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--api-url: " + e.getMessage());
      }
      OpenAlexFetch fetch = new OpenAlexFetch(client, request);
      try {
        if (dryRun) {
          printPlan(fetch.plan(), spec.commandLine().getOut(), main.columns);
          return Main.EXIT_OK;
        }
        List<OpenAlexFetch.Fetched> works =
            fetch.run(ConsoleProgress.forTerminal(main.quiet, main.columns));
        OpenAlexFetch.write(works, out, force);
        if (!main.quiet) {
          err.println("papergraph: " + summary(works, client) + " into " + out);
          err.println("papergraph: next: papergraph build " + out);
        }
      } catch (FetchException.NotFound e) {
        throw new UserException(e.getMessage());
      } catch (FetchException e) {
        int kept = responses(folder);
        boolean noKey = key == null || key.isBlank();
        throw new UserException(
            e.getMessage()
                + (noKey && !e.getMessage().startsWith("cannot reach")
                    ? " (no API key given: --api-key or OPENALEX_API_KEY; without one OpenAlex "
                        + "allows very little)"
                    : "")
                + (kept == 0
                    ? ""
                    : "; "
                        + kept
                        + " responses are kept in "
                        + folder
                        + ": run the same command again to continue"));
      } catch (FileAlreadyExistsException e) {
        throw new UserException(out + " exists; use --force to overwrite it");
      }
      return Main.EXIT_OK;
    }

    /** FILE.cache beside FILE; for a dry run without -o, openalex.cache here. */
    static Path cacheBeside(Path out) {
      if (out == null) {
        return Path.of("openalex.cache");
      }
      Path abs = out.toAbsolutePath();
      return abs.resolveSibling(abs.getFileName() + ".cache");
    }

    private static int responses(Path folder) {
      if (!Files.isDirectory(folder)) {
        return 0;
      }
      try (Stream<Path> files = Files.list(folder)) {
        return (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
      } catch (IOException e) {
        return 0;
      }
    }

    /** "149 works (1 seed, 12 reference, 136 citing) in 4 calls (...)". */
    static String summary(List<OpenAlexFetch.Fetched> works, OpenAlexClient client) {
      Map<String, Integer> roles = new TreeMap<>();
      for (OpenAlexFetch.Fetched f : works) {
        roles.merge(f.depth() == 2 ? "depth 2" : f.role(), 1, Integer::sum);
      }
      StringBuilder s = new StringBuilder().append(works.size()).append(" works (");
      String sep = "";
      for (String role : List.of("seed", "reference", "citing", "search", "depth 2")) {
        if (roles.containsKey(role)) {
          s.append(sep).append(roles.get(role)).append(' ').append(role);
          sep = ", ";
        }
      }
      int list = client.calls(OpenAlexClient.CallKind.LIST);
      int search = client.calls(OpenAlexClient.CallKind.SEARCH);
      int free = client.calls(OpenAlexClient.CallKind.SINGLETON);
      return s.append("); calls: ")
          .append(list)
          .append(" list, ")
          .append(search)
          .append(" search, ")
          .append(free)
          .append(" free lookup; ")
          .append(client.cached())
          .append(" answered from the cache; ")
          .append(client.retries())
          .append(" retried")
          .toString();
    }

    private static void printPlan(OpenAlexFetch.Plan plan, PrintWriter out, int columns) {
      if (plan.seedId() != null) {
        out.printf(
            "seed %s%n  %s%n  %d references, cited by %d%n",
            plan.seedId(),
            Text.cut(Text.terminal(plan.seedTitle() == null ? "" : plan.seedTitle()), columns - 3),
            plan.references(),
            plan.citedBy());
        out.println("calls besides the lookup of the seed (free):");
      } else {
        out.println("calls:");
      }
      for (OpenAlexFetch.PlannedCalls c : plan.calls()) {
        out.printf(
            "  %s%d %s call%s for %s%s%n",
            c.upperBound() ? "at most " : "",
            c.calls(),
            c.kind() == OpenAlexClient.CallKind.SEARCH ? "search" : "list",
            c.calls() == 1 ? "" : "s",
            Text.terminal(c.what()),
            c.cached() > 0 ? " (" + c.cached() + " already in the cache)" : "");
      }
      out.printf("total: at most %d calls that cost%n", plan.paidCalls());
    }
  }
}
