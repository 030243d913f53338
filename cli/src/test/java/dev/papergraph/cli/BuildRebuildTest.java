package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build} without INPUT on an existing workspace rebuilds it from its recorded inputs (issue
 * 14); with no workspace it reads the bundled seeds ({@link SeedWorkspace} builds that way).
 */
class BuildRebuildTest {

  @TempDir Path tmp;

  private static String paper(String title) {
    return BuildSafetyTest.paper(title);
  }

  private static JsonNode manifest(Path ws) throws Exception {
    return Table.json()
        .readTree(Cli.run("info", "-w", ws.toString(), "--output", "json").out())
        .at("/manifest");
  }

  /** A build's JSON summary without its semantic part. */
  private static JsonNode withoutSemantic(String out) throws Exception {
    JsonNode doc = Table.json().readTree(out);
    ((ObjectNode) doc.get("summary")).remove("semantic");
    return doc;
  }

  /** A build's semantic part as it says it in its JSON summary, the model's name left out. */
  private static String semantic(String out) throws Exception {
    ObjectNode semantic = (ObjectNode) Table.json().readTree(out).at("/summary/semantic");
    assertTrue(semantic.get("model").asText().startsWith("all-MiniLM-L6-v2"), semantic::toString);
    semantic.remove("model");
    return semantic.toString();
  }

  @Test
  void buildWithoutInputRebuildsFromTheRecordedInputsWithTheNewParameters() throws Exception {
    Path a =
        Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha graphs") + paper("Beta graphs"));
    Path b =
        Files.writeString(
            tmp.resolve("b.jsonl"), paper("Gamma graphs") + paper("Alpha beta graphs"));
    Path ws = tmp.resolve("ws");
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), a.toString(), b.toString()).code());
    JsonNode before = manifest(ws);

    var r = Cli.run("build", "-w", ws.toString(), "--resolution", "1.2", "--output", "json");
    assertEquals(0, r.code(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: rebuilding " + ws + " from the 2 inputs it was built from"),
        r::toString);
    JsonNode after = manifest(ws);
    assertEquals(before.get("inputs"), after.get("inputs"), "the same inputs, same hashes");
    assertEquals(1.2, after.at("/parameters/leiden.resolution").asDouble());
    assertEquals(4, Table.json().readTree(r.out()).at("/summary/papers").asInt());
  }

  @Test
  void anUnchangedRebuildSaysSoAndPrintsTheSameSummaryUnlessForced() throws Exception {
    Path a =
        Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha graphs") + paper("Beta graphs"));
    Path ws = tmp.resolve("ws");
    var first = Cli.run("build", "-w", ws.toString(), a.toString(), "--output", "json");
    assertEquals(0, first.code(), first::toString);
    String created = manifest(ws).get("created").asText();

    var same = Cli.run("build", "-w", ws.toString(), "--output", "json");
    assertEquals(0, same.code(), same::toString);
    assertTrue(same.err().contains("papergraph: " + ws + " is up to date"), same::toString);
    assertEquals(withoutSemantic(first.out()), withoutSemantic(same.out()), "the same summary");
    assertEquals(created, manifest(ws).get("created").asText(), "nothing written");
    assertEquals("{\"state\":\"on\",\"embedded\":2,\"reused\":0}", semantic(first.out()));
    assertEquals("{\"state\":\"on\",\"embedded\":0,\"reused\":2}", semantic(same.out()));

    var forced = Cli.run("build", "-w", ws.toString(), "--force", "--output", "json");
    assertEquals(0, forced.code(), forced::toString);
    assertFalse(forced.err().contains("up to date"), forced::toString);
    assertEquals(same.out(), forced.out(), "the vectors reused, none embedded");
    assertNotEquals(created, manifest(ws).get("created").asText(), "built again");

    // the same file, one byte more: built again
    Files.writeString(a, paper("Alpha graphs") + paper("Beta graphs") + "\n");
    var grown = Cli.run("build", "-q", "-w", ws.toString(), a.toString());
    assertEquals(0, grown.code(), grown::toString);
    assertFalse(grown.err().contains("up to date"), grown::toString);
  }

  @Test
  void rebuildKeepsTheRecordedForcedFormatUnlessAnotherIsGiven() throws Exception {
    // a .txt name: only the forced format reads it as JSON Lines
    Path a = Files.writeString(tmp.resolve("a.txt"), paper("Alpha graphs") + paper("Beta graphs"));
    Path ws = tmp.resolve("ws");
    assertEquals(
        0, Cli.run("build", "-q", "-w", ws.toString(), "--format", "jsonl", a.toString()).code());
    var r = Cli.run("build", "-q", "-w", ws.toString(), "-k", "3");
    assertEquals(0, r.code(), r::toString);
    JsonNode after = manifest(ws);
    assertEquals("jsonl", after.at("/parameters/read.format").asText());
    assertEquals(3, after.at("/parameters/similarity.k").asInt());
    assertEquals(2, after.at("/counts/papers").asInt());
  }

  @Test
  void rebuildingWhenARecordedInputIsGoneExits1NamingIt() throws Exception {
    Path a =
        Files.writeString(tmp.resolve("a.jsonl"), paper("Alpha graphs") + paper("Beta graphs"));
    Path ws = tmp.resolve("ws");
    assertEquals(0, Cli.run("build", "-q", "-w", ws.toString(), a.toString()).code());
    String catalog = Files.readString(ws.resolve("catalog.tsv"));
    Files.delete(a);
    var r = Cli.run("build", "-w", ws.toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err()
            .startsWith(
                "papergraph: " + a + ": an input the workspace was built from is no longer there"),
        r::toString);
    assertEquals(catalog, Files.readString(ws.resolve("catalog.tsv")));
  }
}
