package dev.papergraph.cli;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.CentralityOptions;
import dev.papergraph.analysis.CommunityInput;
import dev.papergraph.analysis.CommunityOptions;
import dev.papergraph.analysis.QualityFunction;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Normalisation;
import dev.papergraph.text.TextOptions;
import dev.papergraph.text.WordLists;
import dev.papergraph.workspace.BuildOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The engine parameters of {@code build}: similarity (k, minimum score, weights, normalisation) and
 * analysis (quality function, resolution, seed). Defaults are the library's own constants; the
 * values are validated by the library's option records, whose messages name the bad value.
 */
final class EngineArgs {

  /**
   * The largest weight {@code --weight} takes: weights are relative, and sums of them must stay
   * finite.
   */
  static final double WEIGHT_MAX = 1000;

  @Option(
      names = {"-k", "--top-k"},
      paramLabel = "K",
      defaultValue = "" + EngineOptions.K_DEFAULT,
      description = "Neighbours kept per paper (default: ${DEFAULT-VALUE}).")
  int k = EngineOptions.K_DEFAULT;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      defaultValue = "" + EngineOptions.MIN_SCORE_DEFAULT,
      description = "Minimum combined score of an edge, 0-1 (default: ${DEFAULT-VALUE}).")
  double minScore = EngineOptions.MIN_SCORE_DEFAULT;

  @Option(
      names = "--weight",
      paramLabel = "PART=W",
      description =
          "Weight of a score component, 0 to 1000, repeatable: text, topic, direct, coupling, cocitation; "
              + "semantic=W is the semantic share of the text score, 0-1 (default: "
              + EngineOptions.SEMANTIC_WEIGHT_DEFAULT
              + "; 0 or --no-semantic: lexical only) "
              + "(defaults: text="
              + EngineOptions.TEXT_WEIGHT_DEFAULT
              + ", topic="
              + EngineOptions.TOPIC_WEIGHT_DEFAULT
              + ", direct="
              + EngineOptions.DIRECT_WEIGHT_DEFAULT
              + ", coupling="
              + EngineOptions.COUPLING_WEIGHT_DEFAULT
              + ", cocitation="
              + EngineOptions.COCITATION_WEIGHT_DEFAULT
              + ").")
  Map<String, Double> weights = new LinkedHashMap<>();

  @Option(
      names = "--no-semantic",
      description = "Lexical text score only: no embeddings (the embedding model is never loaded).")
  boolean noSemantic;

  @Option(
      names = "--thesaurus",
      paramLabel = "FILE",
      description =
          "VOSviewer thesaurus (label<TAB>replace by; an empty replacement drops the term), "
              + "applied to terms, community labels and shared terms.")
  Path thesaurus;

  @Option(
      names = "--stop-words",
      paramLabel = "FILE",
      description = "Extra stop words, one a line, replacing papergraph's academic stop list.")
  Path stopWords;

  @Option(
      names = "--normalisation",
      paramLabel = "N",
      defaultValue = "cosine",
      completionCandidates = NormalisationNames.class,
      description =
          "Normalisation of citation counts: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String normalisation = "cosine";

  @Option(
      names = "--search",
      paramLabel = "MODE",
      defaultValue = "auto",
      description = {
        "Top-k search: exact, approximate (every score exact, recall@10 about 0.95), or auto: exact"
            + " up to "
            + EngineOptions.APPROXIMATE_ABOVE
            + " papers, approximate above (default: ${DEFAULT-VALUE})."
      })
  String search = "auto";

  @Option(
      names = "--quality",
      paramLabel = "Q",
      defaultValue = "modularity",
      completionCandidates = QualityNames.class,
      description =
          "Quality function Leiden optimises: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String quality = "modularity";

  @Option(
      names = "--community-input",
      paramLabel = "G",
      defaultValue = "shared-neighbours",
      completionCandidates = InputNames.class,
      description =
          "Graph Leiden partitions: shared-neighbours (papers whose top-k lists overlap, by the"
              + " lists' Jaccard index) or similarity (the links, by score) (default:"
              + " ${DEFAULT-VALUE}).")
  String communityInput = "shared-neighbours";

  @Option(
      names = "--resolution",
      paramLabel = "R",
      defaultValue = "" + CommunityOptions.RESOLUTION_DEFAULT,
      description =
          "Leiden resolution: higher gives more, smaller communities (default: ${DEFAULT-VALUE}).")
  double resolution = CommunityOptions.RESOLUTION_DEFAULT;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + CommunityOptions.SEED_DEFAULT,
      description =
          "Seed of every random choice: communities, sampling, layout (default: ${DEFAULT-VALUE}).")
  long seed = CommunityOptions.SEED_DEFAULT;

  /**
   * The build options these arguments give.
   *
   * @throws IllegalArgumentException naming the option and the value when a value is out of range
   */
  BuildOptions apply(BuildOptions base) {
    EngineOptions.Builder e = base.engine().toBuilder().k(k).minScore(minScore);
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      double v = w.getValue();
      if (!(v >= 0 && v <= WEIGHT_MAX)) {
        throw new IllegalArgumentException(
            "--weight "
                + Text.echo(w.getKey())
                + "="
                + v
                + ": a weight is a number from"
                + " 0 to "
                + (int) WEIGHT_MAX
                + " (only the ratios between weights matter)");
      }
      switch (w.getKey().toLowerCase(Locale.ROOT)) {
        case "text" -> e.textWeight(v);
        case "topic" -> e.topicWeight(v);
        case "direct" -> e.directWeight(v);
        case "coupling" -> e.couplingWeight(v);
        case "cocitation", "co-citation" -> e.cocitationWeight(v);
        case "semantic" -> e.semanticWeight(v);
        default ->
            throw new IllegalArgumentException(
                "--weight: unknown component '"
                    + Text.echo(w.getKey())
                    + "': expected text, topic, direct, coupling, cocitation or semantic");
      }
    }
    if (noSemantic) {
      e.semanticWeight(0);
    }
    TextOptions text = base.engine().text();
    try {
      if (thesaurus != null) {
        text = text.withThesaurus(WordLists.readThesaurus(thesaurus));
      }
      if (stopWords != null) {
        text = text.withStopWords(WordLists.readStopWords(stopWords));
      }
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
    e.text(text);
    e.normalisation(normalisation(normalisation));
    e.search(
        switch (search.toLowerCase(Locale.ROOT)) {
          case "exact" -> EngineOptions.Search.EXACT;
          case "approximate" -> EngineOptions.Search.APPROXIMATE;
          case "auto" -> EngineOptions.Search.AUTO;
          default ->
              throw new IllegalArgumentException(
                  "--search: unknown mode '" + search + "': expected exact, approximate or auto");
        });
    EngineOptions engine = e.build();
    CommunityOptions communities =
        base.analysis()
            .communities()
            .withQuality(quality(quality))
            .withInput(communityInput(communityInput))
            .withResolution(resolution)
            .withSeed(seed);
    CentralityOptions centralities = base.analysis().centralities().withSeed(seed);
    AnalysisStage.Options analysis =
        base.analysis().withCommunities(communities).withCentralities(centralities);
    return base.withEngine(engine).withAnalysis(analysis).withLayoutSeed(seed);
  }

  private static Normalisation normalisation(String name) {
    return byKey("--normalisation", name, Normalisation.values(), EngineArgs::key);
  }

  private static QualityFunction quality(String name) {
    return byKey("--quality", name, QualityFunction.values(), QualityFunction::key);
  }

  private static CommunityInput communityInput(String name) {
    return byKey("--community-input", name, CommunityInput.values(), CommunityInput::key);
  }

  /**
   * The value whose key is {@code name} (any case).
   *
   * @throws IllegalArgumentException naming the option, the value and the keys it takes
   */
  private static <T> T byKey(String option, String name, T[] values, Function<T, String> key) {
    List<String> keys = new ArrayList<>();
    for (T v : values) {
      if (key.apply(v).equals(name.toLowerCase(Locale.ROOT))) {
        return v;
      }
      keys.add(key.apply(v));
    }
    throw new IllegalArgumentException(
        option + ": unknown '" + Text.echo(name) + "': expected one of " + String.join(", ", keys));
  }

  private static String key(Normalisation n) {
    return n.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The names {@code --normalisation} accepts. */
  static final class NormalisationNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    NormalisationNames() {
      for (Normalisation n : Normalisation.values()) {
        add(key(n));
      }
    }
  }

  /** The names {@code --community-input} accepts. */
  static final class InputNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    InputNames() {
      for (CommunityInput i : CommunityInput.values()) {
        add(i.key());
      }
    }
  }

  /** The names {@code --quality} accepts. */
  static final class QualityNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    QualityNames() {
      for (QualityFunction q : QualityFunction.values()) {
        add(q.key());
      }
    }
  }
}
