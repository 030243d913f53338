package dev.papergraph.similarity;

import java.util.List;
import java.util.Locale;

/**
 * Why two papers are linked: each component score, the combined score, and the evidence behind
 * them. Components are in [0, 1]; a component the data cannot support (no references) is 0.
 *
 * @param score the combined edge weight, the weighted sum of the components (see the engine's
 *     options for the weights)
 * @param text the text score: with the semantic part on, the fusion of {@code lexical} and {@code
 *     semantic} ({@link Fusion}); else {@code lexical}
 * @param topic topic-overlap score (weighted Jaccard over the papers' topics)
 * @param direct 1 when one paper cites the other, else 0
 * @param coupling bibliographic coupling (shared references), normalised
 * @param cocitation co-citation (papers citing both), normalised
 * @param sharedTerms the terms contributing most to {@code text}, strongest first
 * @param sharedTopics the topics both papers have, strongest first
 * @param sharedReferences the works both papers cite, as reference keys
 * @param lexical the lexical score: cosine of the weighted term vectors of title + abstract
 * @param semantic the semantic score: cosine of the papers' embeddings (0 when the semantic part is
 *     off)
 */
public record EdgeExplanation(
    double score,
    double text,
    double topic,
    double direct,
    double coupling,
    double cocitation,
    List<SharedTerm> sharedTerms,
    List<String> sharedTopics,
    List<String> sharedReferences,
    double lexical,
    double semantic) {

  public EdgeExplanation {
    // a link's terms from the engine's table are immutable already: kept, not copied
    sharedTerms =
        sharedTerms == null
            ? List.of()
            : sharedTerms instanceof SharedTermList ? sharedTerms : List.copyOf(sharedTerms);
    sharedTopics = sharedTopics == null ? List.of() : List.copyOf(sharedTopics);
    sharedReferences = sharedReferences == null ? List.of() : List.copyOf(sharedReferences);
    if (!Double.isFinite(score) || score < 0) {
      throw new IllegalArgumentException("edge score must be finite and non-negative: " + score);
    }
  }

  /** A lexical-only explanation: {@code lexical} is {@code text}, {@code semantic} 0. */
  public EdgeExplanation(
      double score,
      double text,
      double topic,
      double direct,
      double coupling,
      double cocitation,
      List<SharedTerm> sharedTerms,
      List<String> sharedTopics,
      List<String> sharedReferences) {
    this(
        score,
        text,
        topic,
        direct,
        coupling,
        cocitation,
        sharedTerms,
        sharedTopics,
        sharedReferences,
        text,
        0);
  }

  /** An explanation with only a combined score (e.g. a graph read from a file). */
  public static EdgeExplanation ofScore(double score) {
    return new EdgeExplanation(score, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
  }

  /** A one-line summary such as "0.41 = text 0.52 (quantiz, post train) + topic 0.20". */
  public String summary() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.3f: text %.3f", score, text));
    if (semantic != 0) {
      b.append(String.format(Locale.ROOT, " [lexical %.3f, semantic %.3f]", lexical, semantic));
    }
    if (!sharedTerms.isEmpty()) {
      b.append(" (");
      for (int i = 0; i < Math.min(5, sharedTerms.size()); i++) {
        b.append(i > 0 ? ", " : "").append(sharedTerms.get(i).display());
      }
      b.append(')');
    }
    b.append(String.format(Locale.ROOT, ", topic %.3f", topic));
    if (direct > 0 || coupling > 0 || cocitation > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              ", cites %.0f, coupling %.3f, co-citation %.3f",
              direct,
              coupling,
              cocitation));
    }
    return b.toString();
  }
}
