package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text-only neighbours with default text options recover real citations at least as well as the
 * scikit-learn TF-IDF peer (uni+bigrams, sublinear tf, English stop words, min_df 2), whose
 * precision@10 figures are those of issue 3 ({@code citation_recovery.py SET/works_1.zip}).
 */
class CitationRecoveryTest {

  @ParameterizedTest(name = "{0}: p@10 >= {1}")
  @CsvSource({
      "Jeyaraman_2020, 0.166",
      "Oud_2018, 0.175",
      "Chou_2004, 0.098",
      "Donners_2021, 0.111",
      "Nelson_2002, 0.128"})
  void textNeighboursRecoverCitationsAtLeastAsWellAsThePeer(String set, double peer) throws IOException {
    Path works = SharedData.require("corpus/openalex-synergy/" + set + "/works_1.zip");
    Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
    SimilarityEngine engine = SimilarityEngine.of(corpus.papers(),
        EngineOptions.defaults().textOnly().withMinScore(0).withK(10));
    double p = CitationRecovery.precisionAtK(engine, 10);
    assertTrue(p >= peer, set + ": p@10 " + p + " < peer " + peer);
  }
}
