package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.graph.PaperGraph;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

  @Test
  void hashesInputsByStreamingTheirBytes(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("in.txt");
    Files.writeString(f, "abc", StandardCharsets.UTF_8);
    RunManifest m =
        RunManifest.builder()
            .input("in.txt", "native", f)
            .input("seed", "hf", new ByteArrayInputStream(new byte[0]))
            .build();
    // SHA-256("abc") and SHA-256("") (FIPS 180-2 test vectors)
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        m.inputs().get(0).sha256());
    assertEquals(3, m.inputs().get(0).bytes());
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        m.inputs().get(1).sha256());
  }

  @Test
  void recordsLibraryVersionsFromTheJars() {
    Map<String, String> libs = RunManifest.builder().build().libraries();
    assertEquals("1.5.3", libs.get("jgrapht"));
    assertEquals("1.3.0", libs.get("networkanalysis"));
    assertEquals("9.12.3", libs.get("lucene"));
    assertEquals("2.22.3", libs.get("jackson"));
  }

  @Test
  void rejectsParametersThatDoNotPrintStably() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunManifest.builder().parameter("x", new Object()));
    assertTrue(e.getMessage().contains("x"));
  }

  @Test
  void rerunningGivesIdenticalAnalysisAndManifestExceptCreated() {
    PaperGraph g = AnalysisFixtures.twoGroups();
    int[][] lists = AnalysisFixtures.twoGroupsLists();
    AnalysisStage.Result a =
        new AnalysisStage(AnalysisStage.Options.defaults()).analyze(g, lists, null);
    AnalysisStage.Result b =
        new AnalysisStage(AnalysisStage.Options.defaults()).analyze(g, lists, null);
    assertEquals(a.communities(), b.communities());
    assertEquals(a.centralities(), b.centralities());
    RunManifest ma = manifest(a, Instant.parse("2026-01-01T00:00:00Z"));
    RunManifest mb = manifest(b, Instant.parse("2026-01-02T00:00:00Z"));
    assertNotEquals(ma, mb);
    assertEquals(ma, mb.withCreated(ma.created()));
    assertEquals(0.5, ma.parameters().get("leiden.resolution"));
    assertEquals(42L, ma.parameters().get("leiden.seed"));
    assertEquals("exact", ma.parameters().get("centrality.paths.mode"));
    assertEquals(2L, ma.counts().get("communities.large"));
  }

  @Test
  void optionsRoundTripThroughManifestJson() throws Exception {
    AnalysisStage.Options o =
        AnalysisStage.Options.defaults()
            .withCommunities(
                CommunityOptions.defaults()
                    .withQuality(QualityFunction.CPM)
                    .withResolution(0.05)
                    .withSeed(7)
                    .withStarts(3)
                    .withIterations(2)
                    .withMinSize(4, SmallCommunities.MARK)
                    .withInput(CommunityInput.SIMILARITY))
            .withCentralities(
                CentralityOptions.defaults()
                    .withExactLimit(100)
                    .withBound(0.2, 0.05)
                    .withSeed(9)
                    .withDamping(0.9))
            .withLabels(5, 2, Measure.BETWEENNESS);
    RunManifest m =
        RunManifest.builder().parameters(o.parameters()).parameter("similarity.k", 10).build();
    var json = new ObjectMapper();
    RunManifest back = json.readValue(json.writeValueAsString(m), RunManifest.class);
    assertEquals(o, AnalysisStage.Options.fromParameters(back.parameters()));
    assertEquals(AnalysisStage.Options.defaults(), AnalysisStage.Options.fromParameters(Map.of()));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnalysisStage.Options.fromParameters(Map.of("leiden.quality", "surprise")));
    assertTrue(e.getMessage().contains("leiden.quality"), e.getMessage());
  }

  private static RunManifest manifest(AnalysisStage.Result r, Instant when) {
    return RunManifest.builder(Clock.fixed(when, ZoneOffset.UTC))
        .count("papers", 10)
        .count(
            "communities.large",
            r.communities().communities().stream().filter(c -> !c.small()).count())
        .parameters(r.parameters())
        .build();
  }
}
