package dev.papergraph.text;

import static dev.papergraph.model.Arguments.require;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How papers are turned into weighted term vectors: the analysis chain and the term weighting.
 * Immutable and validated at construction; change one value with the {@code with…} methods.
 *
 * @param tokenizer how text is split into words
 * @param stemmer the stemmer applied after stop-word removal
 * @param bigrams whether two-word phrases ("domain adaptation", "post training") are terms too
 * @param titleBoost how many times a title occurrence counts relative to an abstract occurrence
 * @param minDf terms in fewer papers than this are dropped
 * @param maxDfRatio terms in more than this share of the papers are dropped (1 keeps all)
 * @param weighting the term weighting before cosine normalisation
 * @param bm25K1 BM25 term-frequency saturation (only for {@link Weighting#BM25})
 * @param bm25B BM25 length normalisation, 0 to 1 (only for {@link Weighting#BM25})
 * @param topicCount how many distinctive terms a paper without metadata topics gets as topics
 * @param stopWords words removed on top of the English stop words (for the standard tokenizer),
 *     before stemming is compared: each is stemmed with the chain's stemmer; by default {@link
 *     #ACADEMIC_STOP_WORDS}
 * @param thesaurus VOSviewer-style replacements applied to analysed terms: a word or two-word
 *     phrase as written (key) is counted as its replacement (value), or dropped when the value is
 *     empty; sorted by key
 */
public record TextOptions(
    Tokenizer tokenizer,
    Stemmer stemmer,
    boolean bigrams,
    double titleBoost,
    int minDf,
    double maxDfRatio,
    Weighting weighting,
    double bm25K1,
    double bm25B,
    int topicCount,
    List<String> stopWords,
    SortedMap<String, String> thesaurus) {

  /** How text is split into words. */
  public enum Tokenizer {
    /**
     * Lucene's {@code StandardTokenizer} (Unicode word breaks), English possessives removed, lower
     * case, the scikit-learn English stop words, tokens shorter than 2 characters dropped.
     */
    STANDARD,
    /**
     * scikit-learn's {@code TfidfVectorizer} defaults: lower case, regex {@code \b\w\w+\b}, the
     * same stop words; used to compare with the Python peer term for term.
     */
    SKLEARN
  }

  /** The stemmer. */
  public enum Stemmer {
    /** Lucene's {@code PorterStemFilter}: "quantization", "quantized" → "quantiz". */
    PORTER,
    /** Lucene's {@code KStemFilter}: lighter, keeps dictionary words. */
    KSTEM,
    /** No stemming. */
    NONE
  }

  /** Term weighting; the vector is then scaled to unit length (cosine normalisation). */
  public enum Weighting {
    /**
     * Sublinear TF-IDF as scikit-learn and Lucene's classic similarity use it: {@code (1 + ln tf) *
     * (1 + ln((1 + n) / (1 + df)))}.
     */
    TFIDF,
    /**
     * Okapi BM25 (Robertson and Zaragoza 2009) with Lucene's idf {@code ln(1 + (n - df + 0.5) / (df
     * + 0.5))} and saturation {@code tf (k1 + 1) / (tf + k1 (1 - b + b len / avglen))}.
     */
    BM25
  }

  /** Title occurrences count this many times by default. */
  public static final double TITLE_BOOST_DEFAULT = 3.0;

  /** Terms must occur in at least this many papers by default. */
  public static final int MIN_DF_DEFAULT = 2;

  /** Distinctive terms per paper without metadata topics, by default. */
  public static final int TOPIC_COUNT_DEFAULT = 5;

  /** Lucene's default BM25 k1. */
  public static final double BM25_K1_DEFAULT = 1.2;

  /** Lucene's default BM25 b. */
  public static final double BM25_B_DEFAULT = 0.75;

  /**
   * papergraph's academic stop list (resource {@code academic-stopwords.txt}): boilerplate of
   * abstracts ("paper", "propose", "show", "results", "argue", "eventually", structured-abstract
   * headings, publisher notices, statistics and units such as "ci", "sd", "mg").
   */
  public static final List<String> ACADEMIC_STOP_WORDS =
      List.copyOf(PaperAnalyzer.readWordList("academic-stopwords.txt"));

  /**
   * The defaults: standard tokenizer, Porter, bigrams, title x3, min df 2, sublinear TF-IDF, the
   * academic stop list, no thesaurus.
   */
  public static final TextOptions DEFAULTS =
      new TextOptions(
          Tokenizer.STANDARD,
          Stemmer.PORTER,
          true,
          TITLE_BOOST_DEFAULT,
          MIN_DF_DEFAULT,
          1.0,
          Weighting.TFIDF,
          BM25_K1_DEFAULT,
          BM25_B_DEFAULT,
          TOPIC_COUNT_DEFAULT,
          ACADEMIC_STOP_WORDS,
          new TreeMap<>());

  /**
   * @throws NullPointerException if an enum value is null
   * @throws IllegalArgumentException if a number is out of its range (the message names it)
   */
  public TextOptions {
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(stemmer, "stemmer");
    Objects.requireNonNull(weighting, "weighting");
    require(
        Double.isFinite(titleBoost) && titleBoost > 0,
        "titleBoost must be positive: %s",
        titleBoost);
    require(minDf >= 1, "minDf must be at least 1: %s", minDf);
    require(maxDfRatio > 0 && maxDfRatio <= 1, "maxDfRatio must be in (0, 1]: %s", maxDfRatio);
    require(Double.isFinite(bm25K1) && bm25K1 >= 0, "bm25K1 cannot be negative: %s", bm25K1);
    require(bm25B >= 0 && bm25B <= 1, "bm25B must be in [0, 1]: %s", bm25B);
    require(topicCount >= 0, "topicCount cannot be negative: %s", topicCount);
    stopWords = stopWords == null ? ACADEMIC_STOP_WORDS : List.copyOf(stopWords);
    thesaurus =
        Collections.unmodifiableSortedMap(
            thesaurus == null ? new TreeMap<>() : new TreeMap<>(thesaurus));
  }

  /**
   * The text model of the Python peer ({@code TfidfVectorizer(stop_words="english",
   * sublinear_tf=True, min_df=2)} on "title. abstract"): sklearn tokens, no stemming, no bigrams,
   * no title boost.
   */
  public static TextOptions sklearnCompatible() {
    return new TextOptions(
        Tokenizer.SKLEARN,
        Stemmer.NONE,
        false,
        1.0,
        2,
        1.0,
        Weighting.TFIDF,
        BM25_K1_DEFAULT,
        BM25_B_DEFAULT,
        TOPIC_COUNT_DEFAULT,
        List.of(),
        new TreeMap<>());
  }

  public TextOptions withTokenizer(Tokenizer v) {
    return new TextOptions(
        v,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  public TextOptions withStemmer(Stemmer v) {
    return new TextOptions(
        tokenizer,
        v,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  public TextOptions withBigrams(boolean v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        v,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  /**
   * @throws IllegalArgumentException if not positive
   */
  public TextOptions withTitleBoost(double v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        v,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  /**
   * @throws IllegalArgumentException if below 1
   */
  public TextOptions withMinDf(int v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        v,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  /**
   * @throws IllegalArgumentException if outside (0, 1]
   */
  public TextOptions withMaxDfRatio(double v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        v,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  public TextOptions withWeighting(Weighting v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        v,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        thesaurus);
  }

  /**
   * @throws IllegalArgumentException if k1 is negative or b outside [0, 1]
   */
  public TextOptions withBm25(double k1, double b) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        k1,
        b,
        topicCount,
        stopWords,
        thesaurus);
  }

  /**
   * @throws IllegalArgumentException if negative
   */
  public TextOptions withTopicCount(int v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        v,
        stopWords,
        thesaurus);
  }

  /** These options with another list of extra stop words (replacing the academic list). */
  public TextOptions withStopWords(List<String> v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        v,
        thesaurus);
  }

  /** These options with a thesaurus (term as written → replacement, empty to drop). */
  public TextOptions withThesaurus(Map<String, String> v) {
    return new TextOptions(
        tokenizer,
        stemmer,
        bigrams,
        titleBoost,
        minDf,
        maxDfRatio,
        weighting,
        bm25K1,
        bm25B,
        topicCount,
        stopWords,
        v == null ? null : new TreeMap<>(v));
  }

  /**
   * The options by name under {@code prefix} (e.g. "text."), for a run manifest; in a fixed order.
   */
  public Map<String, Object> toMap(String prefix) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(prefix + "tokenizer", tokenizer.name().toLowerCase(Locale.ROOT));
    m.put(prefix + "stemmer", stemmer.name().toLowerCase(Locale.ROOT));
    m.put(prefix + "bigrams", bigrams);
    m.put(prefix + "titleBoost", titleBoost);
    m.put(prefix + "minDf", minDf);
    m.put(prefix + "maxDfRatio", maxDfRatio);
    m.put(prefix + "weighting", weighting.name().toLowerCase(Locale.ROOT));
    if (weighting == Weighting.BM25) {
      m.put(prefix + "bm25.k1", bm25K1);
      m.put(prefix + "bm25.b", bm25B);
    }
    m.put(prefix + "topicCount", topicCount);
    m.put(
        prefix + "stopWords",
        stopWords.equals(ACADEMIC_STOP_WORDS)
            ? "english+academic"
            : stopWords.isEmpty()
                ? "english"
                : "english+custom("
                    + stopWords.size()
                    + " words, sha256 "
                    + sha256(String.join("\n", stopWords))
                    + ")");
    m.put(
        prefix + "thesaurus",
        thesaurus.isEmpty()
            ? "none"
            : thesaurus.size() + " entries, sha256 " + sha256(thesaurus.toString()));
    return m;
  }

  private static String sha256(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
