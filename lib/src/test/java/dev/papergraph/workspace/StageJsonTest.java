package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Coverage;
import dev.papergraph.analysis.RunManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming readers of the stage files give what Jackson's object mapper made of them. */
class StageJsonTest {

  private static byte[] written(Object value) throws IOException {
    // as WorkspaceBuilder.writeJson writes a stage file
    return WorkspaceStore.json().writeValueAsBytes(value);
  }

  private static <T> T mapped(byte[] json, Class<T> type) throws IOException {
    return WorkspaceStore.json().readValue(json, type);
  }

  @Test
  void readsCommunitiesAsTheMapperDoes() throws Exception {
    Map<String, Integer> membership = new LinkedHashMap<>();
    membership.put("b", 1);
    membership.put("a", 0);
    membership.put("c", 1);
    Communities c =
        new Communities(
            membership,
            List.of(
                new Community(0, List.of("a"), List.of("x / y", "é"), List.of("a"), true),
                new Community(1, List.of("b", "c"), List.of(), List.of("c", "b"))),
            0.123456789,
            "cpm",
            0.05,
            Long.MAX_VALUE);
    byte[] json = written(c);
    assertEquals(mapped(json, Communities.class), StageJson.communities(json));
    assertEquals(c, StageJson.communities(json));
  }

  @Test
  void readsCoverageAsTheMapperDoes() throws Exception {
    Coverage c = new Coverage(415, 415, 124, 3, 5_000_000_000L, 7);
    byte[] json = written(c);
    assertEquals(mapped(json, Coverage.class), StageJson.coverage(json));
    assertEquals(c, StageJson.coverage(json));
  }

  @Test
  void readsTheManifestAsTheMapperDoes() throws Exception {
    RunManifest m =
        RunManifest.builder()
            .input(new RunManifest.Input("seed/000.txt", "hf", 133_203, "9797d9"))
            .input(new RunManifest.Input("more.jsonl", "jsonl", 5_000_000_000L, "00ff"))
            .count("papers", 415)
            .count("edges", 5_000_000_000L)
            .parameter("seed", 42L)
            .parameter("big", Long.MAX_VALUE)
            .parameter("alpha", 0.595145)
            .parameter("whole", 1.0)
            .parameter("rule", "text = aL*lexical")
            .parameter("on", true)
            .parameter("list", List.of(1, "two", 3.5, false))
            .build();
    byte[] json = written(m);
    RunManifest mapped = mapped(json, RunManifest.class);
    RunManifest read = StageJson.manifest(json);
    assertEquals(mapped, read);
    // the types of untyped values too (Integer for 42L, as the mapper reads it)
    mapped
        .parameters()
        .forEach((k, v) -> assertEquals(v.getClass(), read.parameters().get(k).getClass(), k));
    assertEquals(m.toString(), read.toString());
  }

  @Test
  void skipsFieldsItDoesNotKnow() throws Exception {
    byte[] json =
        ("{\"papers\":2,\"later\":{\"x\":[1,{\"y\":null}]},\"withAbstract\":2,\"withYear\":1,"
                + "\"withReferences\":0,\"references\":0,\"resolved\":0}")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(mapped(json, Coverage.class), StageJson.coverage(json));
  }

  @Test
  void rejectsAFileWithoutAField() {
    byte[] json = "{\"papers\":2}".getBytes(StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> StageJson.coverage(json));
    assertEquals("no withAbstract", e.getMessage());
    assertThrows(IOException.class, () -> StageJson.communities("[]".getBytes()));
    assertThrows(IOException.class, () -> StageJson.coverage("{\"papers\":".getBytes()));
  }
}
