package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Provenance;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCorpusTest {

  private static final Corpus SEEDS = Seeds.corpus();

  private static Paper byTitle(String title) {
    return SEEDS.papers().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void readsAllFiveSeedFilesAndMergesDuplicates() {
    ImportReport r = SEEDS.report();
    assertEquals(5, r.files().size());
    assertEquals(487, r.read());
    assertEquals(415, r.imported());
    assertEquals(72, r.merged());
    assertEquals(0, r.rejected());
    assertEquals(415, SEEDS.size());
    for (ImportReport.FileCounts f : r.files()) {
      assertEquals(f.read(), f.imported() + f.merged() + f.rejected(), f.file());
      assertEquals("hf", f.format());
    }
    assertTrue(r.merges().stream().allMatch(m -> m.matchedBy().equals("title")));
    assertTrue(r.merges().stream().allMatch(m -> SEEDS.get(m.into()).isPresent()));
  }

  @Test
  void keepsListingMetadataExactly() {
    Paper rl =
        byTitle(
            "Reinforcement Learning for Reasoning in Large Language Models with One Training Example");
    assertEquals(14, rl.authorCount());
    assertEquals(PartialDate.ofMonthDay(4, 29), rl.date());
    assertEquals(null, rl.date().year());
    assertEquals(15, rl.upvotes());
    assertTrue(
        rl.abstractText().startsWith("We show that reinforcement learning with verifiable reward"));

    Paper meta =
        byTitle(
            "Beyond Reasoning Gains: Mitigating General Capabilities Forgetting in Large Reasoning Models");
    assertEquals("facebook AI at Meta", meta.organisation());
    assertEquals(null, meta.authorCount());
    assertEquals(PartialDate.ofMonthDay(10, 24), meta.date());
    assertEquals(1, meta.upvotes());

    Paper withYear = byTitle("Self-Knowledge Distillation with Progressive Refinement of Targets");
    assertEquals(PartialDate.of(2020, 6, 22), withYear.date());
    assertEquals(null, withYear.upvotes());

    Paper yearAndVotes =
        byTitle(
            "Overcoming the Pitfalls of Vision-Language Model Finetuning for OOD Generalization");
    assertEquals(PartialDate.of(2024, 1, 29), yearAndVotes.date());
    assertEquals(1, yearAndVotes.upvotes());
  }

  @Test
  void countsMetadataAfterMerging() {
    assertEquals(160, SEEDS.papers().stream().filter(p -> p.authorCount() != null).count());
    assertEquals(161, SEEDS.papers().stream().filter(p -> p.date() != null).count());
    assertEquals(124, SEEDS.papers().stream().filter(p -> p.year().isPresent()).count());
  }

  @Test
  void mergedPapersKeepEveryProvenance() {
    long provenances = SEEDS.papers().stream().mapToLong(p -> p.provenance().size()).sum();
    assertEquals(487, provenances);
    assertTrue(SEEDS.papers().stream().allMatch(p -> p.id().startsWith("title:")));
  }

  @Test
  void importReportIsAvailableAsJson() throws Exception {
    JsonNode json = NativeCorpus.mapper().valueToTree(SEEDS.report());
    assertEquals(487, json.get("read").asLong());
    assertEquals(415, json.get("imported").asLong());
    assertEquals(72, json.get("merged").asLong());
    assertEquals(0, json.get("rejected").asLong());
    assertEquals(72, json.get("merges").size());
    assertTrue(json.get("merges").get(0).get("record").get("file").asText().contains("hf-papers"));
    assertTrue(
        SEEDS.report().toText().contains("487 records read, 415 papers imported, 72 merged"));
  }

  @Test
  void nativeJsonRoundTripIsLossless(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("seeds.json");
    NativeCorpus.writeJson(SEEDS.papers(), json, false);
    Corpus back = Readers.standard().load(List.of(InputSource.of(json)), null);
    assertEquals(
        Format.PAPERGRAPH_JSON, Readers.standard().detect(InputSource.of(json)).orElseThrow());
    assertEquals(SEEDS.papers(), back.papers());
    assertEquals(415, back.report().read());
    assertEquals(0, back.report().merged());
  }

  @Test
  void nativeJsonlRoundTripIsLossless(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("seeds.jsonl");
    NativeCorpus.writeJsonl(SEEDS.papers(), jsonl, false);
    assertEquals(415, Files.readAllLines(jsonl).size());
    Corpus back = Readers.standard().load(List.of(InputSource.of(jsonl)), null);
    assertEquals(
        Format.PAPERGRAPH_JSONL, Readers.standard().detect(InputSource.of(jsonl)).orElseThrow());
    assertEquals(SEEDS.papers(), back.papers());
    // and the bytes are stable: writing the read-back corpus gives the same file
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    NativeCorpus.writeJsonl(back.papers(), again);
    assertEquals(Files.readString(jsonl), again.toString(StandardCharsets.UTF_8));
  }

  @Test
  void plainJsonlOfOnesOwnIsDetectedAndKeepsItsAbstracts(@TempDir Path dir) throws Exception {
    // the shape of the Python peer's input: id, title, abstract per line
    Path jsonl =
        Files.writeString(
            dir.resolve("mine.jsonl"),
            "{\"id\":\"2401.00001\",\"title\":\"Alpha\",\"abstract\":\"Alpha particles scatter in gold foil.\"}\n"
                + "{\"title\":\"Beta\",\"abstract\":\"Beta decay emits electrons.\",\"year\":2020}\n"
                + "{\"abstract\":\"No title here.\"}\n");
    assertEquals(
        Format.PAPERGRAPH_JSONL, Readers.standard().detect(InputSource.of(jsonl)).orElseThrow());
    Corpus c = Readers.standard().load(List.of(InputSource.of(jsonl)), null);
    assertEquals(3, c.report().read());
    assertEquals(2, c.papers().size());
    assertEquals("2401.00001", c.papers().get(0).id());
    assertEquals("Alpha particles scatter in gold foil.", c.papers().get(0).abstractText());
    assertEquals("Beta decay emits electrons.", c.papers().get(1).abstractText());
    assertEquals(new Provenance(jsonl.toString(), 2, 2), c.papers().get(1).provenance().get(0));
    assertEquals(1, c.report().rejected());
    assertEquals(3, c.report().rejections().get(0).line());
    assertEquals("paper has no title", c.report().rejections().get(0).reason());
  }
}
