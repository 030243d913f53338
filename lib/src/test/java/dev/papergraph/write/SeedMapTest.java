package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.Measure;
import dev.papergraph.layout.Layout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seed corpus through the real engine and analysis: the map a Gephi user opens. */
class SeedMapTest {

  private static List<String> titled(AnalysedGraph a, String regex) {
    return a.graph().papers().values().stream()
        .filter(p -> p.title().toLowerCase(Locale.ROOT).matches(".*" + regex + ".*"))
        .map(p -> p.id())
        .toList();
  }

  @Test
  void topicalGroupsShareAColourAndSitTogetherOnTheMap() throws Exception {
    AnalysedGraph a = TestAnalyses.pipeline();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    List<String> ptq = titled(a, "post[- ]training quantization");
    List<String> grok = titled(a, "grok");
    assertEquals(10, ptq.size());
    assertEquals(7, grok.size());
    Set<Integer> ptqColours = ptq.stream().map(m::rgb).collect(Collectors.toSet());
    Set<Integer> grokColours = grok.stream().map(m::rgb).collect(Collectors.toSet());
    assertEquals(1, ptqColours.size(), "one colour for the post-training quantization papers");
    assertEquals(1, grokColours.size(), "one colour for the grokking papers");
    assertNotEquals(ptqColours, grokColours);
    assertNotEquals(Palette.GREY, ptqColours.iterator().next());

    // each group is tighter on the map than every one of 1000 random groups of its size
    for (List<String> group : List.of(ptq, grok)) {
      double d = meanDistance(a.layout(), group);
      double closestRandom =
          closestRandomGroup(a.layout(), List.copyOf(a.graph().papers().keySet()), group.size());
      assertTrue(
          d < closestRandom,
          "group mean distance " + d + ", tightest random group " + closestRandom);
    }
  }

  private static double closestRandomGroup(Layout layout, List<String> ids, int size) {
    Random random = new Random(7);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 1000; i++) {
      List<String> shuffled = new ArrayList<>(ids);
      Collections.shuffle(shuffled, random);
      best = Math.min(best, meanDistance(layout, shuffled.subList(0, size)));
    }
    return best;
  }

  @Test
  void theMostCentralPaperIsTheLargestAndEveryNodeIsDrawable() throws Exception {
    AnalysedGraph a = TestAnalyses.pipeline();
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    Map<String, Double> pr = a.centralities().scores().get(Measure.PAGERANK);
    String top = pr.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String bottom = pr.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertEquals(50.0, m.size(top), 0.0);
    assertEquals(5.0, m.size(bottom), 0.0);
    for (String id : m.ids()) {
      Layout.Point p = a.layout().of(id);
      assertTrue(Double.isFinite(p.x()) && Double.isFinite(p.y()), id);
      assertTrue(a.layout().positions().containsKey(id), id);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new GexfWriter().write(a, WriteOptions.defaults(), out);
    GexfWriterTest.validate12draft(out.toString(StandardCharsets.UTF_8));
  }

  static double meanDistance(Layout layout, List<String> ids) {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        Layout.Point p = layout.of(ids.get(i));
        Layout.Point q = layout.of(ids.get(j));
        sum += Math.hypot(p.x() - q.x(), p.y() - q.y());
        n++;
      }
    }
    return sum / n;
  }
}
