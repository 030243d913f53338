package dev.papergraph.bench;

import dev.papergraph.text.TextOptions;
import picocli.CommandLine.Option;

/** The text-model options of the engine, for benchmarks that tune or compare them. */
final class TextOptionsMixin {

  @Option(names = "--weighting", description = "tfidf or bm25 (default: ${DEFAULT-VALUE}).")
  TextOptions.Weighting weighting = TextOptions.DEFAULTS.weighting();

  @Option(
      names = "--title-boost",
      description = "Title occurrences count this many times (default: ${DEFAULT-VALUE}).")
  double titleBoost = TextOptions.DEFAULTS.titleBoost();

  @Option(
      names = "--min-df",
      description = "Drop terms in fewer papers (default: ${DEFAULT-VALUE}).")
  int minDf = TextOptions.DEFAULTS.minDf();

  @Option(names = "--no-bigrams", description = "Single words only.")
  boolean noBigrams;

  @Option(names = "--stemmer", description = "porter, kstem or none (default: ${DEFAULT-VALUE}).")
  TextOptions.Stemmer stemmer = TextOptions.DEFAULTS.stemmer();

  @Option(names = "--k1", description = "BM25 k1 (default: ${DEFAULT-VALUE}).")
  double k1 = TextOptions.BM25_K1_DEFAULT;

  @Option(names = "--b", description = "BM25 b (default: ${DEFAULT-VALUE}).")
  double b = TextOptions.BM25_B_DEFAULT;

  /**
   * @throws IllegalArgumentException naming a bad value
   */
  TextOptions toOptions() {
    return TextOptions.DEFAULTS
        .withWeighting(weighting)
        .withTitleBoost(titleBoost)
        .withMinDf(minDf)
        .withBigrams(!noBigrams)
        .withStemmer(stemmer)
        .withBm25(k1, b);
  }
}
