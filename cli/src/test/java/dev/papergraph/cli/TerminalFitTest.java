package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, the CLI: tables fit the terminal, machine forms are whole, one JSON style, typos get a
 * suggestion.
 */
class TerminalFitTest {

  private static final List<List<String>> TABLE_COMMANDS =
      List.of(
          List.of("rank"),
          List.of("rank", "--gems"),
          List.of("rank", "--community", "0"),
          List.of("neighbors", "Grokking at the Edge", "--depth", "2"),
          List.of("neighbors", "Grokking at the Edge"),
          List.of("communities"),
          List.of("explain", "Grokking at the Edge", "Grokking as the Transition"),
          List.of("path", "Grokking at the Edge", "PD-Quant"),
          List.of("search", "post-training quantization of vision transformers"),
          List.of("info"));

  private static Cli.Result run(int columns, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("-w", SeedWorkspace.dir().toString()));
    return Cli.runWithColumns(columns, all.toArray(String[]::new));
  }

  private static int widest(String text) {
    return text.lines().mapToInt(Text::width).max().orElse(0);
  }

  @Test
  void everyTableFitsEightyColumns() {
    for (List<String> args : TABLE_COMMANDS) {
      var r = run(80, args);
      assertEquals(0, r.code(), r::toString);
      assertTrue(
          widest(r.out()) <= 80,
          () -> args + " is " + widest(r.out()) + " columns wide:\n" + r.out());
    }
    // the build's import report and summary too
    assertTrue(widest(SeedWorkspace.build().out()) <= 80, SeedWorkspace.build()::toString);
  }

  @Test
  void tablesUseTheColumnsTheyAreGivenAndNarrowTerminalsStillFit() {
    var wide = run(200, List.of("rank"));
    assertTrue(widest(wide.out()) > 80, wide::toString);
    // 200 columns hold every title of the seed ranking uncut
    assertFalse(wide.out().contains("…"), wide::toString);
    // the id, number and year columns are never cut: 70 columns is about the narrowest a rank table
    // takes
    var narrow = run(70, List.of("rank"));
    assertTrue(widest(narrow.out()) <= 70, narrow::toString);
    assertTrue(narrow.out().contains("…"), narrow::toString);
    assertEquals(Main.COLUMNS_DEFAULT, Main.columns(null));
    assertEquals(Main.COLUMNS_DEFAULT, Main.columns("wide"));
    assertEquals(132, Main.columns("132"));
  }

  @Test
  void machineFormsAreNeverShortened() throws Exception {
    JsonNode json = Table.json().readTree(run(40, List.of("rank", "--output", "json")).out());
    String tsv = run(40, List.of("rank", "--output", "tsv")).out();
    String csv = run(40, List.of("rank", "--output", "csv")).out();
    for (JsonNode row : json) {
      String title = row.get("title").asText();
      assertTrue(tsv.contains(title) && csv.contains(title), title);
    }
    assertTrue(!tsv.contains("…") && !csv.contains("…"));
  }

  @Test
  void neighborsAndPathJsonCarryTheComponentsAndSharedTermsAsAnArray() throws Exception {
    for (List<String> args :
        List.of(
            List.of("neighbors", "Grokking at the Edge", "--output", "json"),
            List.of("path", "Grokking at the Edge", "PD-Quant", "--output", "json"))) {
      JsonNode rows = Table.json().readTree(run(80, args).out());
      assertTrue(rows.isArray() && rows.size() > 1, rows::toString);
      JsonNode edge = rows.get(1);
      for (String key : List.of("score", "text", "topic", "direct", "coupling", "cocitation")) {
        assertTrue(edge.get(key).isNumber(), args + " " + key + ": " + edge);
      }
      assertTrue(
          edge.get("sharedTerms").isArray() && edge.get("sharedTerms").size() > 0, edge::toString);
      assertTrue(edge.get("sharedTopics").isArray(), edge::toString);
    }
    // the same components as explain gives for the pair
    JsonNode first =
        Table.json()
            .readTree(
                run(80, List.of("neighbors", "Grokking at the Edge", "--output", "json")).out())
            .get(0);
    JsonNode explain =
        Table.json()
            .readTree(
                run(
                        80,
                        List.of(
                            "explain",
                            "Grokking at the Edge",
                            first.get("id").asText(),
                            "--output",
                            "json"))
                    .out())
            .get("explanation");
    for (String key : List.of("score", "text", "topic")) {
      assertEquals(explain.get(key).asDouble(), first.get(key).asDouble(), 1e-9, key);
    }
  }

  @Test
  void everyJsonDocumentUsesCamelCaseKeys() throws Exception {
    List<List<String>> commands =
        List.of(
            List.of("rank"),
            List.of("rank", "--gems"),
            List.of("communities"),
            List.of("neighbors", "Grokking at the Edge", "--depth", "2"),
            List.of("path", "Grokking at the Edge", "PD-Quant"),
            List.of("explain", "Grokking at the Edge", "PD-Quant"),
            List.of("search", "grokking"),
            List.of("info"));
    List<String> bad = new ArrayList<>();
    for (List<String> args : commands) {
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of("--output", "json"));
      keys(Table.json().readTree(run(80, all).out()), args.get(0), bad);
    }
    assertEquals(List.of(), bad);
  }

  /**
   * Object keys that are not camelCase; the manifest's maps of parameter, count and library names
   * are data.
   */
  private static void keys(JsonNode node, String path, List<String> bad) {
    if (node.isArray()) {
      node.forEach(n -> keys(n, path + "[]", bad));
    } else if (node.isObject()) {
      boolean data =
          path.endsWith("/parameters") || path.endsWith("/libraries") || path.endsWith("/counts");
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (!data && !e.getKey().matches("[a-z][A-Za-z0-9]*")) {
          bad.add(path + "/" + e.getKey());
        }
        keys(e.getValue(), path + "/" + e.getKey(), bad);
      }
    }
  }

  @Test
  void aMistypedCommandOrOptionGetsASuggestion() {
    var c = Cli.run("nieghbors", "Grokking at the Edge");
    assertEquals(2, c.code(), c::toString);
    assertEquals(
        List.of(
            "papergraph: 'nieghbors' is not a papergraph command; did you mean neighbors? "
                + "(see `papergraph --help`)"),
        c.errLines());
    var o = Cli.run("rank", "--topp", "3");
    assertEquals(2, o.code(), o::toString);
    assertTrue(o.err().contains("unknown option '--topp'; did you mean --top?"), o::toString);
    var far = Cli.run("xyzzy");
    assertEquals(2, far.code(), far::toString);
    assertTrue(!far.err().contains("did you mean"), far::toString);
    assertEquals(
        List.of("build"), Errors.nearest("biuld", Map.of("build", "build", "rank", "rank")));
  }

  @Test
  void numbersAreFormattedAsInTheRootLocale() {
    List<Object> values =
        List.of(
            0.0,
            -0.0,
            1e-5,
            -1e-5,
            0.1 + 0.2,
            -123456.789,
            1e300,
            Double.NaN,
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE,
            42,
            -7L,
            Long.MIN_VALUE);
    for (String form : List.of("%.4f", "%.3e", "%10.2f", "%-24s %s")) {
      for (Object v : values) {
        if (form.contains("e") || form.contains("f")) {
          if (!(v instanceof Double)) {
            continue;
          }
          String root = String.format(Locale.ROOT, form, v);
          assertEquals(root, String.format(Text.NUMBERS, form, v), form + " of " + v);
        } else {
          assertEquals(
              String.format(Locale.ROOT, form, "k", v),
              String.format(Text.NUMBERS, form, "k", v),
              form + " of " + v);
        }
      }
    }
    for (Object v : values) {
      if (!(v instanceof Double)) {
        assertEquals(String.format(Locale.ROOT, "%d", v), String.format(Text.NUMBERS, "%d", v));
        assertEquals(
            String.format(Locale.ROOT, "%-24s %d", "k", v),
            String.format(Text.NUMBERS, "%-24s %d", "k", v));
      }
    }
    assertEquals("0.3000", Table.format(0.1 + 0.2));
    assertEquals("-1.000e-05", Table.format(-1e-5));
  }
}
