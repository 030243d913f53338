package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, outputs and the command line: each numbered finding has a test named after it. */
class CliSafetyTest {

  @TempDir Path tmp;

  /** Standard output on a full disk: accepts a few bytes, then fails as the kernel does. */
  static final class FullDisk extends OutputStream {
    private int room;

    FullDisk(int room) {
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      if (room-- <= 0) {
        throw new IOException("No space left on device");
      }
    }
  }

  @Test
  void finding05_rankCsvOnAFullDiskExits1WithOneLine() {
    var r =
        Cli.runTo(
            new FullDisk(100), 80, "rank", "--output", "csv", "-w", SeedWorkspace.dir().toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of("papergraph: cannot write to standard output: No space left on device"),
        r.errLines());
  }

  @Test
  void finding05_exportToStandardOutputOnAFullDiskExits1WithOneLine() {
    var r =
        Cli.runTo(
            new FullDisk(4096),
            80,
            "export",
            "--format",
            "graphml",
            "-o",
            "-",
            "-w",
            SeedWorkspace.dir().toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of("papergraph: cannot write to standard output: No space left on device"),
        r.errLines());
  }

  @Test
  void finding05_everyCommandsStandardOutputIsChecked() {
    // help and version go through the same checked stream as data
    for (String[] args :
        List.of(
            new String[] {"--help"}, new String[] {"--version"}, new String[] {"rank", "--help"})) {
      var r = Cli.runTo(new FullDisk(10), 80, args);
      assertEquals(1, r.code(), r::toString);
      assertEquals(1, r.errLines().size(), r::toString);
    }
  }

  private static String paper(String title) {
    return "{\"title\":"
        + Table.json().valueToTree(title)
        + ",\"abstractText\":\"About grokking, delayed "
        + "generalization and "
        + title.replaceAll("[^A-Za-z ]", "")
        + ".\",\"provenance\":[]}\n";
  }

  @Test
  void finding21_controlCharactersAndBidiOverridesNeverReachTheTerminal() throws Exception {
    String esc = "Grokking \u001B[31mred\u001B[0m \u001B]0;owned\u0007title\u0008";
    String bidi = "Grokking \u202Egnikcolb\u202C and \u2066isolate\u2069 bell\u0007";
    Path data =
        Files.writeString(
            tmp.resolve("evil.jsonl"), paper(esc) + paper(bidi) + paper("Grokking plain"));
    Path ws = tmp.resolve("ws");
    var b = Cli.run("build", "-q", "-w", ws.toString(), data.toString());
    assertEquals(0, b.code(), b::toString);
    for (String[] args :
        List.of(
            new String[] {"rank"},
            new String[] {"search", "grokking"},
            new String[] {"neighbors", "Grokking plain"},
            new String[] {"communities"},
            new String[] {"build", "-q", data.toString(), "-w", tmp.resolve("ws2").toString()})) {
      List<String> all = new ArrayList<>(List.of(args));
      if (!all.contains("-w")) {
        all.addAll(List.of("-w", ws.toString()));
      }
      var r = Cli.run(all.toArray(String[]::new));
      assertEquals(0, r.code(), r::toString);
      for (char c : r.out().toCharArray()) {
        assertFalse(
            c < 0x20 && c != '\n'
                || c == 0x7F
                || c >= 0x80 && c < 0xA0
                || Character.getType(c) == Character.FORMAT,
            () -> String.format("U+%04X in %s:%n%s", (int) c, all, r.out()));
      }
    }
    // the readers may clean titles at the door too; the table form never relies on it
    StringWriter tableOut = new StringWriter();
    StringWriter jsonOut = new StringWriter();
    StringWriter tsvOut = new StringWriter();
    Table t = new Table("id", "title").row("a", esc).row("b", bidi);
    t.print(new PrintWriter(tableOut), OutputOptions.Form.table, 200);
    t.print(new PrintWriter(jsonOut), OutputOptions.Form.json, 200);
    t.print(new PrintWriter(tsvOut), OutputOptions.Form.tsv, 200);
    assertTrue(tableOut.toString().contains("Grokking red title"), tableOut::toString);
    assertTrue(
        tableOut.toString().contains("Grokking gnikcolb and isolate bell"), tableOut::toString);
    List<String> titles = new ArrayList<>();
    Table.json().readTree(jsonOut.toString()).forEach(n -> titles.add(n.get("title").asText()));
    assertEquals(List.of(esc, bidi), titles, "JSON keeps the data exactly");
    assertTrue(tsvOut.toString().contains("\u202Egnikcolb\u202C"), "TSV keeps the data");
  }

  @Test
  void finding22_outputCsvAndTsvNeutraliseFormulaCells() throws Exception {
    String formula = "=HYPERLINK(\"http://x\",\"Grokking\")";
    Path data =
        Files.writeString(
            tmp.resolve("f.jsonl"),
            paper(formula) + paper("Grokking plain") + paper("Grokking again"));
    Path ws = tmp.resolve("ws");
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), data.toString()).code());
    String csv = Cli.run("rank", "--output", "csv", "-w", ws.toString()).out();
    assertTrue(csv.contains("\"'=HYPERLINK(") && !csv.contains(",=HYPERLINK"), csv);
    assertTrue(
        Cli.run("rank", "--output", "tsv", "-w", ws.toString()).out().contains("\t'=HYPERLINK("));
    // JSON carries the title as it is
    assertTrue(
        Cli.run("rank", "--output", "json", "-w", ws.toString()).out().contains("\"=HYPERLINK("));
  }

  @Test
  void finding23_exportRefusesDevicesFifosAndSymlinksEvenWithForce() throws Exception {
    String ws = SeedWorkspace.dir().toString();
    // a device: /dev/null stays a device
    var dev = Cli.run("export", "--force", "--format", "graphml", "-o", "/dev/null", "-w", ws);
    assertEquals(1, dev.code(), dev::toString);
    assertTrue(dev.err().contains("/dev/null is a device, FIFO or socket"), dev::toString);
    assertTrue(!Files.isRegularFile(Path.of("/dev/null"), LinkOption.NOFOLLOW_LINKS));
    // -o /dev/full --format csv makes no files beside it in /dev
    var csv = Cli.run("export", "--force", "--format", "csv", "-o", "/dev/full", "-w", ws);
    assertEquals(1, csv.code(), csv::toString);
    try (Stream<Path> s = Files.list(Path.of("/dev"))) {
      assertTrue(
          s.noneMatch(p -> p.getFileName().toString().startsWith("full-")), "files made in /dev");
    }
    // a symbolic link is refused, its target untouched
    Path target = Files.writeString(tmp.resolve("real.graphml"), "keep me");
    Path link = Files.createSymbolicLink(tmp.resolve("link.graphml"), target);
    var sym = Cli.run("export", "--force", "-o", link.toString(), "-w", ws);
    assertEquals(1, sym.code(), sym::toString);
    assertTrue(sym.err().contains("is a symbolic link"), sym::toString);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("keep me", Files.readString(target));
    // so is a symlink among the files a CSV export writes
    Files.createSymbolicLink(tmp.resolve("g-edges.csv"), target);
    var csvLink = Cli.run("export", "--force", "-o", tmp.resolve("g.csv").toString(), "-w", ws);
    assertEquals(1, csvLink.code(), csvLink::toString);
    assertFalse(
        Files.exists(tmp.resolve("g-nodes.csv")), "nothing written when one file is refused");
    // a FIFO (mkfifo, where there is one)
    Path fifo = tmp.resolve("fifo.graphml");
    Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
    var f = Cli.run("export", "--force", "-o", fifo.toString(), "-w", ws);
    assertEquals(1, f.code(), f::toString);
    assertTrue(f.err().contains("is a device, FIFO or socket"), f::toString);
    assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO is still a FIFO");
  }

  @Test
  void finding25_hugeWeightsAreAUsageErrorNotAnInternalOne() {
    var r =
        Cli.run(
            "build",
            "-w",
            tmp.resolve("ws").toString(),
            "--weight",
            "text=1e308",
            "--weight",
            "topic=1e308");
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().contains("--weight text=1.0E308") && !r.err().contains("internal"), r::toString);
    for (String bad : List.of("text=NaN", "text=Infinity", "text=-1")) {
      assertEquals(
          2, Cli.run("build", "-w", tmp.resolve("ws").toString(), "--weight", bad).code(), bad);
    }
    assertFalse(Files.exists(tmp.resolve("ws")));
  }

  @Test
  void finding25_anEmptyInputIsAUsageErrorNotTheCurrentFolder() {
    for (String empty : List.of("", "  ")) {
      var r = Cli.run("build", "-w", tmp.resolve("ws").toString(), empty);
      assertEquals(2, r.code(), r::toString);
      assertTrue(r.err().contains("an INPUT is empty"), r::toString);
    }
    assertFalse(Files.exists(tmp.resolve("ws")));
  }

  @Test
  void finding25_dashIsStandardInputAndDotSlashDashIsTheFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("-"), paper("From the file"));
    byte[] stdin = paper("From standard input").getBytes(StandardCharsets.UTF_8);
    var fromStdin = Inputs.expand(List.of("-"), new ByteArrayInputStream(stdin));
    assertEquals("-", fromStdin.get(0).name());
    assertEquals(
        new String(stdin, StandardCharsets.UTF_8),
        new String(fromStdin.get(0).open().readAllBytes(), StandardCharsets.UTF_8));
    var fromFile = Inputs.expand(List.of(tmp + "/./-"), new ByteArrayInputStream(new byte[0]));
    assertTrue(
        new String(fromFile.get(0).open().readAllBytes(), StandardCharsets.UTF_8)
            .contains("From the file"));
    assertTrue(Files.exists(file));
    assertTrue(Cli.runWithColumns(200, "build", "--help").out().contains("a file named - is ./-"));
  }

  @Test
  void finding25_anUnknownExportFormatExits2LikeOtherBadValues() {
    var r =
        Cli.run(
            "export",
            "--format",
            "foo",
            "-o",
            tmp.resolve("x.foo").toString(),
            "-w",
            SeedWorkspace.dir().toString());
    assertEquals(2, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("unknown --format 'foo'"), r::toString);
    var n =
        Cli.run(
            "neighbors",
            "Grokking at the Edge",
            "--export",
            tmp.resolve("x.foo").toString(),
            "--format",
            "foo",
            "-w",
            SeedWorkspace.dir().toString());
    assertEquals(2, n.code(), n::toString);
  }

  @Test
  void finding25_aHugeQueryIsNotEchoedWhole() {
    String query = "q".repeat(40_000);
    for (String[] args :
        List.of(
            new String[] {"neighbors", query},
            new String[] {"explain", query, "Grokking at the Edge"},
            new String[] {"rank", "--by", query},
            new String[] {"build", "--quality", query},
            new String[] {"rank", "--output", query},
            new String[] {query})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("-w", SeedWorkspace.dir().toString()));
      var r = Cli.run(all.toArray(String[]::new));
      assertTrue(r.code() == 1 || r.code() == 2, r::toString);
      assertTrue(
          r.err().length() < 1000,
          () -> args[0] + ": " + r.err().length() + " characters of error");
    }
  }
}
