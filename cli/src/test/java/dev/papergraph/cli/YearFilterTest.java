package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --since/--until/--undated on the seed workspace, where 124 of the papers have a year. */
class YearFilterTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void undatedExcludeKeepsThe124PapersWithYears() throws IOException {
    Cli.Result r =
        SeedWorkspace.run("rank", "--undated", "exclude", "--top", "100000", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = JSON.readTree(r.out());
    assertEquals(124, rows.size(), r::toString);
    rows.forEach(row -> assertTrue(row.get("year").isInt(), row::toString));
    assertTrue(r.err().contains("124 of "), r::toString);
    assertTrue(r.err().contains("without a year, left out"), r::toString);
  }

  @Test
  void sinceAndUntilKeepTheirYearsAndTheUndatedByDefault() throws IOException {
    Cli.Result all = SeedWorkspace.run("rank", "--top", "100000", "--output", "json");
    int undated = 0;
    int inRange = 0;
    for (JsonNode row : JSON.readTree(all.out())) {
      if (row.get("year").isNull()) {
        undated++;
      } else if (row.get("year").asInt() >= 2024 && row.get("year").asInt() <= 2024) {
        inRange++;
      }
    }
    Cli.Result r =
        SeedWorkspace.run(
            "rank", "--since", "2024", "--until", "2024", "--top", "100000", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode rows = JSON.readTree(r.out());
    assertEquals(inRange + undated, rows.size(), r::toString);
    rows.forEach(
        row ->
            assertTrue(row.get("year").isNull() || row.get("year").asInt() == 2024, row::toString));
    assertTrue(r.err().contains("(" + undated + " without a year, included)"), r::toString);
  }

  @Test
  void everyPaperCommandTakesTheYears() throws IOException {
    for (String[] args :
        new String[][] {
          {"communities", "--undated", "exclude", "--output", "json"},
          {"search", "grokking", "--undated", "exclude", "--output", "json"},
          {"neighbors", "Grokking at the Edge", "--undated", "exclude", "--output", "json"}
        }) {
      Cli.Result r = SeedWorkspace.run(args);
      assertEquals(0, r.code(), r::toString);
      assertTrue(r.err().contains("124 of "), r::toString);
    }
    Cli.Result search =
        SeedWorkspace.run("search", "grokking", "--undated", "exclude", "--output", "json");
    JSON.readTree(search.out()).forEach(row -> assertTrue(row.get("year").isInt(), row::toString));
    Cli.Result communities =
        SeedWorkspace.run("communities", "--undated", "exclude", "--output", "json");
    int members = 0;
    for (JsonNode c : JSON.readTree(communities.out()).get("communities")) {
      members += c.get("members").size();
    }
    assertEquals(124, members);
  }

  @Test
  void exportKeepsOnlyThePapersOfTheYears(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("dated.json");
    Cli.Result r =
        SeedWorkspace.run(
            "export", "--format", "json", "-o", file.toString(), "--undated", "exclude");
    assertEquals(0, r.code(), r::toString);
    assertEquals(124, JSON.readTree(file.toFile()).get("nodes").size());
  }

  @Test
  void sinceAfterUntilIsAUsageError() {
    Cli.Result r = SeedWorkspace.run("rank", "--since", "2025", "--until", "2020");
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().contains("--since 2025 comes after --until 2020"), r::toString);
  }
}
