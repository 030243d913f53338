package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

  @TempDir Path tmp;

  @Test
  void showsInputsCountsAndParameters() {
    var r = SeedWorkspace.run("info");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Inputs (5)"), r::toString);
    assertTrue(r.out().matches("(?s).*\\n  papers +415\\n.*"), r::toString);
    // at 80 columns the table shortens the hashes; the machine forms carry them whole
    assertTrue(r.out().contains("9797d943f04"), r::toString);
    assertTrue(
        SeedWorkspace.run("info", "--output", "tsv")
            .out()
            .contains("9797d943f04ae4547411fa74f7e75d80676b68a8f438fe841588494eaca61cbc"));
  }

  @Test
  void jsonIsTheManifest() throws Exception {
    var r = SeedWorkspace.run("info", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode doc = Table.json().readTree(r.out());
    assertEquals(415, doc.at("/manifest/counts/papers").asInt());
    assertEquals(5, doc.at("/manifest/inputs").size());
    assertTrue(doc.at("/manifest/counts/edges").asInt() > 415, r::toString);
    assertEquals(10, doc.at("/manifest/parameters/similarity.k").asInt());
    assertEquals(42, doc.at("/manifest/parameters/leiden.seed").asInt());
    assertEquals("9.12.3", doc.at("/manifest/libraries/lucene").asText());
  }

  @Test
  void missingWorkspaceExits1WithOneLineOfAdvice() {
    Path nowhere = tmp.resolve("nowhere");
    var r = Cli.run("info", "-w", nowhere.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r::toString);
    assertEquals(
        "papergraph: no workspace folder in "
            + nowhere
            + ": build one with `papergraph build [INPUT...]`",
        r.errLines().get(0));
  }
}
