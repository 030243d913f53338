package dev.papergraph.similarity;

import static dev.papergraph.model.Arguments.require;

import dev.papergraph.text.TextOptions;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every parameter of the similarity engine, validated at construction: one immutable value. Start
 * from {@link #defaults()} and change values with the {@code with…} methods (each returns a new
 * value and throws {@link IllegalArgumentException} naming the bad value), or a {@link #builder()}.
 *
 * <p>The combined edge weight is {@code score = text·wText + topic·wTopic + direct·wDirect +
 * coupling·wCoupling + cocitation·wCocitation}, each component in [0, 1] (see {@link
 * EdgeExplanation}). Components the data cannot support (no references) are 0 for every pair, so
 * they change no ranking; the weights need not sum to 1.
 *
 * @param k neighbours kept per paper, 1 to {@link #K_MAX}
 * @param minScore a neighbour's combined score must be at least this (and above 0)
 * @param textWeight weight of the text cosine
 * @param topicWeight weight of the weighted Jaccard over topics
 * @param directWeight weight of a direct citation (either way)
 * @param couplingWeight weight of bibliographic coupling
 * @param cocitationWeight weight of co-citation
 * @param normalisation how coupling and co-citation counts are normalised
 * @param sharedTerms how many shared terms an explanation lists
 * @param threads worker threads (the result does not depend on it)
 * @param text the analysis chain and term weighting
 * @param semanticWeight the semantic share of the text score, in [0, 1): 0 is lexical only (the
 *     embedding model is never loaded); otherwise the text score is the {@link Fusion} of the
 *     lexical and semantic scores with this weight
 * @param search exact or approximate top-k, or exact up to {@link #APPROXIMATE_ABOVE} papers
 *     (lexical) and {@link #FUSED_APPROXIMATE_ABOVE} papers (fused); null (an options file from
 *     before this option) means {@link Search#AUTO}
 */
public record EngineOptions(
    int k,
    double minScore,
    double textWeight,
    double topicWeight,
    double directWeight,
    double couplingWeight,
    double cocitationWeight,
    Normalisation normalisation,
    int sharedTerms,
    int threads,
    TextOptions text,
    double semanticWeight,
    Search search) {

  /** How each paper's top-k is found. */
  public enum Search {
    /** Exact lists, as brute force over all pairs would give ({@link TopKSearch}). */
    EXACT,
    /**
     * Approximate lists, every score in them exact, for corpora where the exact join is too slow
     * (its cost grows about with n² on abstracts); recall@10 about 0.95 or better on arXiv
     * abstracts ({@link ApproximateSearch}).
     */
    APPROXIMATE,
    /** Exact up to {@link #APPROXIMATE_ABOVE} papers, approximate above. */
    AUTO;

    /** Whether a corpus of n papers is searched approximately. */
    public boolean approximate(int n) {
      return this == APPROXIMATE || (this == AUTO && n > APPROXIMATE_ABOVE);
    }

    /**
     * Whether the fused (lexical and semantic) top-k of a corpus of n papers is taken from
     * candidates ({@link FusedSimilarity}): always for {@link #APPROXIMATE}, above {@link
     * #FUSED_APPROXIMATE_ABOVE} papers for {@link #AUTO}.
     */
    public boolean approximateFused(int n) {
      return this == APPROXIMATE || (this == AUTO && n > FUSED_APPROXIMATE_ABOVE);
    }
  }

  /** {@link Search#AUTO} searches exactly up to this many papers, approximately above. */
  public static final int APPROXIMATE_ABOVE = 150_000;

  /**
   * {@link Search#AUTO} fuses exactly up to this many papers and from candidates above: the exact
   * fused top-k scores every pair's embeddings ({@code n² · 384} multiply-adds, about a minute at
   * this size on 2 cores).
   */
  public static final int FUSED_APPROXIMATE_ABOVE = 20_000;

  /** Neighbours per paper by default. */
  public static final int K_DEFAULT = 10;

  /**
   * Most neighbours per paper: each paper keeps a k-heap, so a huge k (e.g. 2147483647) would ask
   * for memory no machine has; a related-paper graph never needs more.
   */
  public static final int K_MAX = 1000;

  /** Default minimum combined score. */
  public static final double MIN_SCORE_DEFAULT = 0.02;

  /** Default weight of the text cosine. */
  public static final double TEXT_WEIGHT_DEFAULT = 0.75;

  /** Default weight of topic overlap. */
  public static final double TOPIC_WEIGHT_DEFAULT = 0.10;

  /** Default weight of a direct citation. */
  public static final double DIRECT_WEIGHT_DEFAULT = 0.05;

  /** Default weight of bibliographic coupling. */
  public static final double COUPLING_WEIGHT_DEFAULT = 0.05;

  /** Default weight of co-citation. */
  public static final double COCITATION_WEIGHT_DEFAULT = 0.05;

  /**
   * Default semantic weight of the fusion, chosen on the five SYNERGY sets together (see
   * docs/BENCHMARKS.md).
   */
  public static final double SEMANTIC_WEIGHT_DEFAULT = 0.70;

  /** Shared terms listed in an explanation by default. */
  public static final int SHARED_TERMS_DEFAULT = 10;

  /**
   * @throws NullPointerException if normalisation or text is null
   * @throws IllegalArgumentException if a value is out of range or all weights are 0
   */
  public EngineOptions {
    Objects.requireNonNull(normalisation, "normalisation");
    Objects.requireNonNull(text, "text");
    // engine-options.json of workspaces written before the option has none: they were exact up to
    // any size, and AUTO is exact up to APPROXIMATE_ABOVE, beyond which no such workspace exists
    search = search == null ? Search.AUTO : search;
    require(k >= 1, "k must be at least 1: %s", k);
    require(k <= K_MAX, "k must be at most " + K_MAX + ": %s", k);
    require(
        Double.isFinite(minScore) && minScore >= 0 && minScore <= 1,
        "minScore must be in [0, 1]: %s",
        minScore);
    requireWeight(textWeight, "textWeight");
    requireWeight(topicWeight, "topicWeight");
    requireWeight(directWeight, "directWeight");
    requireWeight(couplingWeight, "couplingWeight");
    requireWeight(cocitationWeight, "cocitationWeight");
    require(
        textWeight + topicWeight + directWeight + couplingWeight + cocitationWeight > 0,
        "at least one weight must be positive");
    require(sharedTerms >= 0, "sharedTerms cannot be negative: %s", sharedTerms);
    require(threads >= 1, "threads must be at least 1: %s", threads);
    require(
        Double.isFinite(semanticWeight) && semanticWeight >= 0 && semanticWeight < 1,
        "semanticWeight must be in [0, 1): %s",
        semanticWeight);
  }

  /** The defaults, with one thread per available processor. */
  public static EngineOptions defaults() {
    return new EngineOptions(
        K_DEFAULT,
        MIN_SCORE_DEFAULT,
        TEXT_WEIGHT_DEFAULT,
        TOPIC_WEIGHT_DEFAULT,
        DIRECT_WEIGHT_DEFAULT,
        COUPLING_WEIGHT_DEFAULT,
        COCITATION_WEIGHT_DEFAULT,
        Normalisation.COSINE,
        SHARED_TERMS_DEFAULT,
        Runtime.getRuntime().availableProcessors(),
        TextOptions.DEFAULTS,
        SEMANTIC_WEIGHT_DEFAULT,
        Search.AUTO);
  }

  /** Text similarity only (weights 1, 0, 0, 0, 0), otherwise these options. */
  public EngineOptions textOnly() {
    return withWeights(1, 0, 0, 0, 0);
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(defaults());
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * @throws IllegalArgumentException if below 1
   */
  public EngineOptions withK(int v) {
    return toBuilder().k(v).build();
  }

  /**
   * @throws IllegalArgumentException if outside [0, 1]
   */
  public EngineOptions withMinScore(double v) {
    return toBuilder().minScore(v).build();
  }

  /**
   * All five component weights at once.
   *
   * @throws IllegalArgumentException if one is negative or not finite, or all are 0
   */
  public EngineOptions withWeights(
      double text, double topic, double direct, double coupling, double cocitation) {
    return toBuilder().weights(text, topic, direct, coupling, cocitation).build();
  }

  public EngineOptions withNormalisation(Normalisation v) {
    return toBuilder().normalisation(v).build();
  }

  /**
   * @throws IllegalArgumentException if below 1
   */
  public EngineOptions withThreads(int v) {
    return toBuilder().threads(v).build();
  }

  public EngineOptions withText(TextOptions v) {
    return toBuilder().text(v).build();
  }

  /** With another top-k search. */
  public EngineOptions withSearch(Search v) {
    return toBuilder().search(v).build();
  }

  /**
   * @throws IllegalArgumentException if outside [0, 1)
   */
  public EngineOptions withSemanticWeight(double v) {
    return toBuilder().semanticWeight(v).build();
  }

  /** Lexical only: the semantic part off (the embedding model is never loaded). */
  public EngineOptions lexicalOnly() {
    return withSemanticWeight(0);
  }

  /** True when the text score fuses a semantic part. */
  public boolean usesSemantic() {
    return semanticWeight > 0;
  }

  /** True when a citation component has a positive weight. */
  public boolean usesCitations() {
    return directWeight > 0 || couplingWeight > 0 || cocitationWeight > 0;
  }

  /**
   * Every parameter by name ({@code similarity.k}, {@code similarity.weight.text}, {@code
   * text.stemmer}, …) in a fixed order, for the run manifest. The thread count is left out: it does
   * not change the result.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("similarity.k", k);
    m.put("similarity.minScore", minScore);
    m.put("similarity.weight.text", textWeight);
    m.put("similarity.weight.topic", topicWeight);
    m.put("similarity.weight.direct", directWeight);
    m.put("similarity.weight.coupling", couplingWeight);
    m.put("similarity.weight.cocitation", cocitationWeight);
    m.put("similarity.normalisation", normalisation.name().toLowerCase(Locale.ROOT));
    m.put("similarity.sharedTerms", sharedTerms);
    m.put("similarity.weight.semantic", semanticWeight);
    m.put("similarity.search", search.name().toLowerCase(Locale.ROOT));
    m.putAll(text.toMap("text."));
    return m;
  }

  private static void requireWeight(double w, String name) {
    require(Double.isFinite(w) && w >= 0, "%s must be finite and non-negative: %s", name, w);
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int k;
    private double minScore;
    private double textWeight;
    private double topicWeight;
    private double directWeight;
    private double couplingWeight;
    private double cocitationWeight;
    private Normalisation normalisation;
    private int sharedTerms;
    private int threads;
    private TextOptions text;
    private double semanticWeight;
    private Search search;

    private Builder(EngineOptions o) {
      k = o.k;
      minScore = o.minScore;
      textWeight = o.textWeight;
      topicWeight = o.topicWeight;
      directWeight = o.directWeight;
      couplingWeight = o.couplingWeight;
      cocitationWeight = o.cocitationWeight;
      normalisation = o.normalisation;
      sharedTerms = o.sharedTerms;
      threads = o.threads;
      text = o.text;
      semanticWeight = o.semanticWeight;
      search = o.search;
    }

    public Builder k(int v) {
      k = v;
      return this;
    }

    public Builder minScore(double v) {
      minScore = v;
      return this;
    }

    public Builder textWeight(double v) {
      textWeight = v;
      return this;
    }

    public Builder topicWeight(double v) {
      topicWeight = v;
      return this;
    }

    public Builder directWeight(double v) {
      directWeight = v;
      return this;
    }

    public Builder couplingWeight(double v) {
      couplingWeight = v;
      return this;
    }

    public Builder cocitationWeight(double v) {
      cocitationWeight = v;
      return this;
    }

    public Builder weights(
        double text, double topic, double direct, double coupling, double cocitation) {
      textWeight = text;
      topicWeight = topic;
      directWeight = direct;
      couplingWeight = coupling;
      cocitationWeight = cocitation;
      return this;
    }

    public Builder normalisation(Normalisation v) {
      normalisation = v;
      return this;
    }

    public Builder sharedTerms(int v) {
      sharedTerms = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder text(TextOptions v) {
      text = v;
      return this;
    }

    public Builder semanticWeight(double v) {
      semanticWeight = v;
      return this;
    }

    public Builder search(Search v) {
      search = v;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid value
     */
    public EngineOptions build() {
      return new EngineOptions(
          k,
          minScore,
          textWeight,
          topicWeight,
          directWeight,
          couplingWeight,
          cocitationWeight,
          normalisation,
          sharedTerms,
          threads,
          text,
          semanticWeight,
          search);
    }
  }
}
