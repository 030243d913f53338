package dev.papergraph.similarity;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

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

  @Test
  void fusedNeighboursRecoverCitationsBetterThanThePeerOnEverySet() throws IOException {
    Path cache = Path.of("target", "test-embeddings");
    EmbeddingStore store = EmbeddingStore.load(cache);
    String model = MiniLmEmbeddingModel.ID;
    double sum = 0;
    StringBuilder report = new StringBuilder();
    for (int i = 0; i < SETS.length; i++) {
      Path works = SharedData.require("corpus/openalex-synergy/" + SETS[i] + "/works_1.zip");
      Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
      // the default build's weights (text and topic) with the citation weights 0
      EngineOptions options =
          EngineOptions.defaults()
              .withWeights(
                  EngineOptions.TEXT_WEIGHT_DEFAULT, EngineOptions.TOPIC_WEIGHT_DEFAULT, 0, 0, 0)
              .withMinScore(0)
              .withK(10);
      SimilarityEngine lexical = SimilarityEngine.of(corpus.papers(), options);
      double lex = CitationRecovery.precisionAtK(lexical, 10);
      assertTrue(
          lex >= PEER[i] - 0.001,
          SETS[i] + ": lexical p@10 " + lex + " below the peer's " + PEER[i]);
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
      double p = CitationRecovery.precisionAtK(fused, 10);
      report.append(
          String.format(
              Locale.ROOT, " %s %.4f (lexical %.4f, peer %.4f)", SETS[i], p, lex, PEER[i]));
      assertTrue(p > PEER[i], SETS[i] + ": fused p@10 " + p + " not above the peer's " + PEER[i]);
      sum += p;
    }
    store.save(cache, null);
    double mean = sum / SETS.length;
    assertTrue(mean >= MEAN_AT_LEAST, "mean p@10 " + mean + ":" + report);
  }
}
