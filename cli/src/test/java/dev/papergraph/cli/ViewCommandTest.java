package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code papergraph view} where there is no display (the viewer window itself is tested in viz, under Xvfb). */
class ViewCommandTest {

  @Test
  void withoutADisplayExitsOneWithAdviceToRender() {
    Assumptions.assumeTrue(GraphicsEnvironment.isHeadless(), "a display is available: nothing to refuse");
    var r = Cli.run("view");
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of("papergraph: no display to open the viewer on (is DISPLAY set?); "
        + "draw a picture instead with `papergraph render -o graph.png`"), r.errLines());
  }

  @Test
  void helpListsTheViewerOptions() {
    var r = Cli.run("view", "--help");
    assertEquals(0, r.code(), r::toString);
    for (String option : List.of("--select", "--size-by", "--edge-cap", "--live-layout", "--workspace")) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
  }
}
