package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every example in every {@code --help} runs, as written, by bash in a folder holding a workspace
 * of the bundled seeds ({@code .papergraph}, and {@code other} for {@code -w other}) and the small
 * files the examples name; and no help text is broken in the middle of a sentence.
 */
class HelpExamplesTest {

  @TempDir Path tmp;

  /**
   * Commands whose examples cannot run on the seeds: the viewer needs a display (ViewCommandTest
   * covers it); prior and derivative need a corpus with references, which daily listings lack
   * (CitationCommandsTest runs them on one); diff compares two workspaces (DiffCommandTest builds
   * them from the seed files); fetch needs OpenAlex's API (FetchCommandTest runs it on a loopback
   * one).
   */
  private static final List<String> NOT_RUN =
      List.of(
          "view",
          "prior",
          "derivative",
          "diff",
          "fetch",
          "openalex",
          "help",
          "generate-completion");

  /**
   * The example command lines of each command's help footer: " papergraph ..." up to the comment.
   */
  static Map<String, List<String>> examples() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    CommandLine root = Main.commandLine();
    List<CommandLine> all = new ArrayList<>(List.of(root));
    all.addAll(new LinkedHashSet<>(root.getSubcommands().values()));
    for (CommandLine c : all) {
      List<String> lines = new ArrayList<>();
      for (String f : c.getCommandSpec().usageMessage().footer()) {
        for (String line : f.split("%n|\n")) {
          if (line.matches("  \\S.*") && line.contains("papergraph ")) {
            lines.add(line.strip().split("\\s{2,}")[0]);
          }
        }
      }
      out.put(c.getCommandSpec().qualifiedName(), lines);
    }
    return out;
  }

  @Test
  void everyCommandHasExamples() {
    examples()
        .forEach(
            (name, lines) -> {
              if (NOT_RUN.stream().noneMatch(name::endsWith)) {
                assertTrue(!lines.isEmpty(), name + " --help has no example");
              }
            });
  }

  @Test
  void everyExampleRunsOnTheBundledSeeds() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path launcher = bin.resolve("papergraph");
    Files.writeString(
        launcher,
        "#!/usr/bin/env bash\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + Main.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (!Files.isExecutable(Path.of("/usr/bin/jq"))) {
      // CI installs jq; without it the examples' papergraph part still runs and its output is
      // consumed
      Path jq = Files.writeString(bin.resolve("jq"), "#!/usr/bin/env bash\ncat >/dev/null\n");
      Files.setPosixFilePermissions(jq, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (Map.Entry<String, List<String>> e : examples().entrySet()) {
      if (NOT_RUN.stream().anyMatch(e.getKey()::endsWith)) {
        continue;
      }
      for (String example : e.getValue()) {
        Path dir = folder(tmp.resolve("run" + run++));
        ProcessBuilder pb =
            new ProcessBuilder("bash", "-c", "set -o pipefail; " + example)
                .directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("PAPERGRAPH_WORKSPACE");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), example);
        if (p.exitValue() != 0) {
          failures.add(example + "  -> exit " + p.exitValue() + "\n" + output);
        }
      }
    }
    assertTrue(run >= 20, "only " + run + " examples found");
    assertEquals(List.of(), failures);
  }

  /** A folder with a copy of the seed workspace and the files the examples name. */
  private Path folder(Path dir) throws IOException {
    Files.createDirectories(dir);
    copy(SeedWorkspace.dir(), dir.resolve(".papergraph"));
    copy(SeedWorkspace.dir(), dir.resolve("other"));
    String jsonl =
        paper("Grokking as delayed generalization") + paper("Quantization of vision transformers");
    Files.createDirectories(dir.resolve("papers"));
    Files.writeString(dir.resolve("papers/a.jsonl"), jsonl);
    Files.createDirectories(dir.resolve("listings"));
    Files.writeString(
        dir.resolve("listings/b.jsonl"), paper("Post-training quantization") + paper("Grokking"));
    Files.writeString(dir.resolve("more.jsonl"), paper("Delayed generalization in transformers"));
    Files.writeString(dir.resolve("extra.jsonl"), paper("Grokking at scale"));
    Files.writeString(dir.resolve("papers.jsonl"), jsonl);
    Files.createDirectories(dir.resolve("corpus/day1"));
    try (GZIPOutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("corpus/day1/c.jsonl.gz")))) {
      gz.write(jsonl.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(BuildCommand.BUNDLED + "/000_2eefaa9733c16c96.txt")) {
      Files.copy(in, dir.resolve("listing.txt"));
    }
    Files.writeString(
        dir.resolve("more.bib"),
        """
        @article{nanda2023,
          title = {Progress measures for grokking via mechanistic interpretability},
          author = {Nanda, Neel and Chan, Lawrence},
          year = {2023},
          abstract = {Grokking, delayed generalization after overfitting, explained by circuits.}
        }
        """);
    Files.writeString(
        dir.resolve("abstract.txt"),
        "We study post-training quantization of vision transformers "
            + "and show that low-bit activations keep accuracy.");
    return dir;
  }

  private static String paper(String title) {
    return "{\"title\":\""
        + title
        + "\",\"abstractText\":\"About "
        + title
        + ", grokking and quantization.\","
        + "\"provenance\":[]}\n";
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void noHelpTextIsBrokenMidSentence() {
    List<String> broken = new ArrayList<>();
    CommandLine root = Main.commandLine();
    List<CommandLine> all = new ArrayList<>(List.of(root));
    all.addAll(new LinkedHashSet<>(root.getSubcommands().values()));
    for (CommandLine c : all) {
      CommandSpec spec = c.getCommandSpec();
      check(spec.qualifiedName() + " description", spec.usageMessage().description(), broken);
      for (ArgSpec a : spec.args()) {
        check(
            spec.qualifiedName()
                + " "
                + a.paramLabel()
                + " "
                + (a.isOption() ? ((OptionSpec) a).longestName() : ""),
            a.description(),
            broken);
      }
    }
    assertEquals(List.of(), broken);
  }

  /** Each element of a description is printed as its own paragraph, so each must end a sentence. */
  private static void check(String where, String[] lines, List<String> broken) {
    for (String line : lines) {
      String s = line.replaceAll("(%n)+$", "").strip();
      if (!s.isEmpty() && !s.matches("(?s).*[.:?!)]")) {
        broken.add(where + ": \"" + s + "\"");
      }
    }
  }
}
