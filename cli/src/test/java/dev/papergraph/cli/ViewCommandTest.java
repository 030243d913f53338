package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code papergraph view} where there is no display (the viewer window itself is tested in viz,
 * under Xvfb).
 */
class ViewCommandTest {

  @Test
  void withoutADisplayExitsOneWithAdviceToRender() {
    Assumptions.assumeTrue(
        GraphicsEnvironment.isHeadless(), "a display is available: nothing to refuse");
    var r = Cli.run("view");
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of(
            "papergraph: no display to open the viewer on (is DISPLAY set?); "
                + "draw a picture instead with `papergraph render -o graph.png`"),
        r.errLines());
  }

  @Test
  void selectFindsABareDoiAsNeighborsDoes(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(
        GraphicsEnvironment.isHeadless(), "a display is available: the viewer would open");
    Path csv = tmp.resolve("papers.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "title,abstract,doi",
            "\"Grokking in small transformers\",\"We study grokking and delayed generalisation in transformers.\",10.1234/grok.1",
            "\"Delayed generalisation explained\",\"Grokking and delayed generalisation in small transformers.\",10.1234/grok.2",
            "\"Diffusion for images\",\"Image diffusion models sample images.\",10.1234/diff.3",
            ""));
    Path ws = tmp.resolve("ws");
    var r = Cli.run("build", "-q", "-w", ws.toString(), csv.toString());
    assertEquals(0, r.code(), r::toString);
    r = Cli.run("neighbors", "-w", ws.toString(), "10.1234/grok.1");
    assertEquals(0, r.code(), "neighbors takes a bare DOI: " + r);
    // found: only the missing display stops it
    r = Cli.run("view", "-w", ws.toString(), "--select", "10.1234/grok.1");
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of(
            "papergraph: no display to open the viewer on (is DISPLAY set?); "
                + "draw a picture instead with `papergraph render -o graph.png`"),
        r.errLines());
    r = Cli.run("view", "-w", ws.toString(), "--select", "https://doi.org/10.1234/GROK.2");
    assertEquals(1, r.code(), r::toString);
    assertTrue(r.err().startsWith("papergraph: no display"), "a DOI URL is found too: " + r);
    // not found: the same message as neighbors gives
    var neighbors = Cli.run("neighbors", "-w", ws.toString(), "10.1234/none");
    r = Cli.run("view", "-w", ws.toString(), "--select", "10.1234/none");
    assertEquals(1, r.code(), r::toString);
    assertEquals(neighbors.errLines().get(0), r.errLines().get(0));
  }

  @Test
  void helpListsTheViewerOptions() {
    var r = Cli.run("view", "--help");
    assertEquals(0, r.code(), r::toString);
    for (String option :
        List.of("--select", "--size-by", "--edge-cap", "--live-layout", "--workspace")) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
  }
}
