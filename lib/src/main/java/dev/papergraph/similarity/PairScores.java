package dev.papergraph.similarity;

import dev.papergraph.text.PaperTopics;
import dev.papergraph.text.TermVectors;

/**
 * The combined score of a pair of papers (doc numbers) and its components, as {@link EngineOptions}
 * weighs them. Every component is symmetric to the last bit (sums run in term, topic or reference
 * order, whichever paper comes first), so a pair scores the same from both ends; every component is
 * between 0 and 1.
 */
final class PairScores {

  private final EngineOptions options;
  private final TermVectors vectors;
  private final PaperTopics topics;
  private final CitationIndex citations;

  PairScores(
      EngineOptions options, TermVectors vectors, PaperTopics topics, CitationIndex citations) {
    this.options = options;
    this.vectors = vectors;
    this.topics = topics;
    this.citations = citations;
  }

  /** The exact combined score. */
  double score(int a, int b) {
    return scoreWithText(a, b, options.textWeight() > 0 ? vectors.cosine(a, b) : 0);
  }

  /**
   * The combined score with the text score given; the topic gated by it ({@link TopicGate}). Never
   * decreases as {@code text} grows, so with an upper bound of the text score it bounds the score.
   */
  double scoreWithText(int a, int b, double text) {
    return scoreWithTextAndTopic(a, b, text, topic(a, b));
  }

  /** The topic component before the gate: the weighted Jaccard, 0 when topics do not count. */
  double topic(int a, int b) {
    return options.topicWeight() > 0 ? topics.weightedJaccard(a, b) : 0;
  }

  /**
   * {@link #scoreWithText} with the pair's {@link #topic} given (so that a caller trying several
   * text scores computes it once).
   */
  double scoreWithTextAndTopic(int a, int b, double text, double ungatedTopic) {
    double topic = TopicGate.gated(ungatedTopic, text);
    double direct = 0, coupling = 0, cocitation = 0;
    if (usesCitations()) {
      direct = options.directWeight() > 0 && citations.linked(a, b) ? 1 : 0;
      coupling = options.couplingWeight() > 0 ? coupling(a, b) : 0;
      cocitation = options.cocitationWeight() > 0 ? cocitation(a, b) : 0;
    }
    return combine(text, topic, direct, coupling, cocitation);
  }

  /**
   * The most the topic component can add to any pair with paper d before the gate ({@link
   * TopicGate}); {@code TopicGate.gated(topicBound(d), t)} bounds it for pairs whose text score is
   * at most t.
   */
  double topicBound(int d) {
    return options.topicWeight() > 0 ? options.topicWeight() * topics.jaccardBound(d) : 0;
  }

  /**
   * The most {@link #topic} can be for any pair with paper d (before the weight and the gate), 0
   * when topics do not count.
   */
  double topicBoundUnweighted(int d) {
    return options.topicWeight() > 0 ? topics.jaccardBound(d) : 0;
  }

  /** The most the citation components can add to any pair with paper d. */
  double citationBound(int d) {
    double extra = 0;
    if (usesCitations()) {
      if (citations.linkCount(d) > 0) {
        extra += options.directWeight();
      }
      if (citations.refCount(d) > 0) {
        extra += options.couplingWeight();
      }
      if (citations.citedByCount(d) > 0) {
        extra += options.cocitationWeight();
      }
    }
    return extra;
  }

  /** True when the citation components can be above 0 for some pair. */
  boolean usesCitations() {
    return options.usesCitations() && !citations.isEmpty();
  }

  /** Bibliographic coupling, normalised. */
  double coupling(int a, int b) {
    if (options.couplingWeight() == 0 && citations.isEmpty()) {
      return 0;
    }
    return options
        .normalisation()
        .apply(citations.sharedReferences(a, b), citations.refCount(a), citations.refCount(b));
  }

  /** Co-citation, normalised. */
  double cocitation(int a, int b) {
    return options
        .normalisation()
        .apply(citations.cocitations(a, b), citations.citedByCount(a), citations.citedByCount(b));
  }

  /** The weighted sum of the components. */
  double combine(double text, double topic, double direct, double coupling, double cocitation) {
    return text * options.textWeight()
        + topic * options.topicWeight()
        + direct * options.directWeight()
        + coupling * options.couplingWeight()
        + cocitation * options.cocitationWeight();
  }
}
