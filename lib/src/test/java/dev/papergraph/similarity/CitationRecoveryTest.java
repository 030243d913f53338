package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.embed.MiniLmEmbeddingModel;
import dev.papergraph.embed.PaperEmbeddings;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import dev.papergraph.workspace.EmbeddingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default build's model (lexical and semantic fused, with the topic component; citation weights
 * 0, as the bench does) recovers real citations better than the scikit-learn TF-IDF peer
 * (uni+bigrams, sublinear tf, English stop words, min_df 2) on each of the five SYNERGY sets, and
 * the lexical part alone at least as well; the peer's precision@10 figures are those of issue 3
 * ({@code citation_recovery.py SET/works_1.zip}). The embeddings are kept in {@code
 * target/test-embeddings} between runs.
 */
class CitationRecoveryTest {

  private static final String[] SETS = {
    "Jeyaraman_2020", "Oud_2018", "Chou_2004", "Donners_2021", "Nelson_2002"
  };
  private static final double[] PEER = {0.1655, 0.1752, 0.0977, 0.1109, 0.1281};

  /**
   * The target, 1.15x the peer's mean of 0.1355: the default build reaches 0.1589 by {@code
   * citation_recovery.py} (papergraph's own count, asserted here, is a little higher), with the
   * embeddings reading the head and tail of long texts and the lists re-ranked by query expansion
   * (see BENCHMARKS.md section 3).
   */
  private static final double MEAN_AT_LEAST = 0.1558;

  /** The peer's precision@10 on CiteSeer ({@link #fusedNeighboursBeatThePeerOnAHeldOutSet}). */
  private static final double CITESEER_PEER = 0.1042;

  private static final Path CACHE = Path.of("target", "test-embeddings");

  @Test
  void fusedNeighboursRecoverCitationsBetterThanThePeerOnEverySet() throws IOException {
    EmbeddingStore store = EmbeddingStore.load(CACHE);
    double sum = 0;
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < SETS.length; i++) {
      Path works = SharedData.require("corpus/openalex-synergy/" + SETS[i] + "/works_1.zip");
      double[] p = precision(works, store);
      report.append(
          String.format(
              Locale.ROOT, " %s %.4f (lexical %.4f, peer %.4f)", SETS[i], p[1], p[0], PEER[i]));
      assertTrue(
          p[0] >= PEER[i] - 0.001,
          SETS[i] + ": lexical p@10 " + p[0] + " below the peer's " + PEER[i]);
      assertTrue(
          p[1] > PEER[i], SETS[i] + ": fused p@10 " + p[1] + " not above the peer's " + PEER[i]);
      sum += p[1];
    }
    store.save(CACHE, null);
    double mean = sum / SETS.length;
    assertTrue(mean >= MEAN_AT_LEAST, "mean p@10 " + mean + ":" + report);
  }

  /**
   * CiteSeer (LINQS, 3,186 papers of six computer-science fields, 4,225 citation links), a set no
   * parameter was chosen on, written as OpenAlex works by {@code bench/scripts/heldout_works.py}:
   * the peer reaches 0.1042 there by {@code citation_recovery.py}, the default build 0.1151
   * (1.10x), its lexical part 0.1076 (BENCHMARKS.md section 3, "Held-out sets").
   */
  @Test
  void fusedNeighboursBeatThePeerOnAHeldOutSet(@TempDir Path dir) throws Exception {
    SharedData.require("corpus/citeseer/citeseer_texts.txt");
    Path shared = SharedData.root();
    Path script = SharedData.projectRoot().resolve("bench/scripts/heldout_works.py");
    Path works = dir.resolve("citeseer.zip");
    Process python;
    try {
      python =
          new ProcessBuilder(
                  "python3", script.toString(), "citeseer", works.toString(), shared.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      if (SharedData.required()) {
        throw e;
      }
      Assumptions.abort("python3 absent: skipped (CI has it)");
      return;
    }
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, python.waitFor(), out);
    assertTrue(out.contains("3186 works, 4277 citations"), out);

    EmbeddingStore store = EmbeddingStore.load(CACHE);
    double[] p = precision(works, store);
    store.save(CACHE, null);
    assertTrue(p[0] >= CITESEER_PEER - 0.001, "lexical p@10 " + p[0]);
    assertTrue(p[1] >= 1.08 * CITESEER_PEER, "fused p@10 " + p[1] + ", lexical " + p[0]);
  }

  /**
   * The precision@10 of a set's works (papergraph's count) by the default build's model with its
   * citation weights 0: the lexical part alone, then lexical and semantic fused.
   */
  private static double[] precision(Path works, EmbeddingStore store) throws IOException {
    Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
    // the default build's weights (text and topic) with the citation weights 0
    EngineOptions options =
        EngineOptions.defaults()
            .withWeights(
                EngineOptions.TEXT_WEIGHT_DEFAULT, EngineOptions.TOPIC_WEIGHT_DEFAULT, 0, 0, 0)
            .withMinScore(0)
            .withK(10);
    SimilarityEngine lexical = SimilarityEngine.of(corpus.papers(), options);
    String model = MiniLmEmbeddingModel.ID;
    PaperEmbeddings e =
        PaperEmbeddings.compute(
            lexical.vectors().papers(),
            model,
            () -> MiniLmEmbeddingModel.load(options.threads()),
            store,
            n -> {},
            n -> {},
            options.threads());
    FusedSimilarity fused =
        FusedSimilarity.of(
            lexical,
            e.vectors(),
            new SemanticModelInfo(model, model, MiniLmEmbeddingModel.ARTIFACT_VERSION, "-", 384));
    return new double[] {
      CitationRecovery.precisionAtK(lexical, 10), CitationRecovery.precisionAtK(fused, 10)
    };
  }
}
