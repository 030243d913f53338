package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandOffTest {

  /**
   * The builder taking the records on a thread of its own, and JSON Lines parsed in batches on the
   * threads, give the corpus and report of one thread: every file of the shared format samples
   * (each format, files skipped, records rejected and merged), the seeds, and a JSON Lines file of
   * several batches with blank lines and malformed, untitled, non-object and duplicate records.
   */
  @Test
  void readingWithTheBuilderBesideGivesTheSameCorpusAndReport(@TempDir Path dir)
      throws IOException {
    List<InputSource> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SharedData.require("corpus/formats"))) {
      files.filter(Files::isRegularFile).sorted().map(InputSource::inFolder).forEach(sources::add);
    }
    sources.addAll(Seeds.sources());
    Path jsonl = dir.resolve("mixed.jsonl");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      if (i % 13 == 0) {
        b.append("  \n");
      }
      b.append(
          switch (i % 7) {
            case 3 ->
                i % 2 == 0 ? "[\"not\", \"a paper\"]" : "{\"title\": \"A \\u00e9 " + i + "\"}";
            case 4 -> "{\"title\": \"broken";
            case 5 -> "{\"abstract\": \"no title\"}";
            case 6 -> "{\"title\": \"The same paper\", \"abstract\": \"Said again " + i + ".\"}";
            default ->
                "{\"title\": \"Paper " + i + " on graphs\", \"abstract\": \"Text " + i + ".\"}";
          });
      b.append('\n');
    }
    Files.writeString(jsonl, b, StandardCharsets.UTF_8);
    sources.add(InputSource.of(jsonl));

    Corpus one = read(sources, 1);
    Corpus two = read(sources, 2);
    assertEquals(one.papers(), two.papers());
    assertEquals(one.report(), two.report());
    assertTrue(one.papers().size() > 2_000, "papers: " + one.papers().size());
    assertTrue(one.report().rejected() > 800, "rejected: " + one.report().rejected());
    assertTrue(one.report().merged() > 400, "merged: " + one.report().merged());
  }

  private static Corpus read(List<InputSource> sources, int threads) throws IOException {
    Readers readers = Readers.standard();
    CorpusBuilder builder = new CorpusBuilder();
    for (InputSource s : sources) {
      readers.read(s, null, builder, threads);
    }
    return builder.build();
  }

  /**
   * A sink that throws stops the reader with its exception, and is given nothing after the record
   * it failed on, as on the reader's own thread.
   */
  @Test
  void theSinksFailureStopsTheReader() {
    IllegalStateException broken = new IllegalStateException("broken sink");
    List<String> taken = new ArrayList<>();
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(Paper paper) {
            taken.add(paper.title());
            if (taken.size() == 5) {
              throw broken;
            }
          }

          @Override
          public void reject(ImportIssue issue) {
            taken.add("rejected");
          }

          @Override
          public void warn(String file, String message) {
            taken.add("warned");
          }
        };
    HandOff handOff = new HandOff(sink, 2);
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () -> {
              for (int i = 0; i < 1_000_000; i++) {
                handOff.accept(Paper.builder().id("p" + i).title("Paper " + i).build());
              }
              handOff.finish();
            });
    assertSame(broken, thrown);
    assertEquals(List.of("Paper 0", "Paper 1", "Paper 2", "Paper 3", "Paper 4"), taken);
  }
}
