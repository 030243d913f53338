package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 acceptance: {@code papergraph export --format html -o seeds.html} opens in headless
 * Chromium with the network off (a new network namespace when {@code unshare -n} works): the map
 * script runs to its end with every seed paper and link, and the page fetched nothing.
 */
class WebMapCommandTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  @Test
  void exportHtmlOfTheSeedsOpensOfflineInChromium() throws Exception {
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          Files.isExecutable(CHROMIUM), "chromium absent: skipped (CI installs it)");
    }
    Path file = tmp.resolve("seeds.html");
    var r = SeedWorkspace.run("export", "--format", "html", "-o", file.toString());
    assertEquals(0, r.code(), r::toString);
    Matcher wrote =
        Pattern.compile("wrote html \\((\\d+) papers, (\\d+) edges\\)").matcher(r.err());
    assertTrue(wrote.find(), r::toString);
    List<String> cmd = new ArrayList<>();
    if (unshareWorks()) {
      cmd.addAll(List.of("unshare", "-n"));
    }
    cmd.addAll(
        List.of(
            CHROMIUM.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + Files.createTempDirectory(tmp, "profile"),
            "--window-size=1280,800",
            "--virtual-time-budget=15000",
            "--dump-dom",
            file.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertEquals("true", body(dom, "data-ready"), "the map script ran to its end");
    assertEquals("415", body(dom, "data-papers"));
    assertEquals(wrote.group(2), body(dom, "data-links"));
    assertEquals("0", body(dom, "data-requests"), "no http(s) resource fetched");
    assertEquals("0", body(dom, "data-blocked"), "no request tried");
    assertTrue(
        dom.contains("id=\"search\"") && dom.contains("class=\"legend-row\""),
        "search box and legend");
  }

  @Test
  void anUnknownGexfVersionOrSizeMeasureIsAUsageError() {
    var r =
        SeedWorkspace.run(
            "export",
            "--format",
            "gexf",
            "--gexf-version",
            "2.0",
            "-o",
            tmp.resolve("x.gexf").toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--gexf-version '2.0'"), r::toString);
    r =
        SeedWorkspace.run(
            "export",
            "--format",
            "html",
            "--size-by",
            "fame",
            "-o",
            tmp.resolve("x.html").toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--size-by 'fame'"), r::toString);
  }

  private static String body(String dom, String attribute) {
    Matcher m = Pattern.compile("<body[^>]*\\s" + attribute + "=\"([^\"]*)\"").matcher(dom);
    return m.find() ? m.group(1) : null;
  }

  private static boolean unshareWorks() {
    try {
      Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
