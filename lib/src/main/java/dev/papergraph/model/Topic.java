package dev.papergraph.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A topic of a paper: a term with a weight in [0, 1] and the source that assigned it.
 *
 * @param term the topic as shown to users (e.g. "cs.LG", "Machine learning", "domain adaptation")
 * @param weight the strength of the topic for this paper, 0 to 1 (1 when the source gives none)
 * @param source where the topic came from
 */
public record Topic(String term, double weight, TopicSource source) {

  /**
   * @throws IllegalArgumentException if the term is blank or the weight is outside [0, 1]
   */
  public Topic {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(source, "source");
    term = term.strip();
    if (term.isEmpty()) {
      throw new IllegalArgumentException("topic term is blank");
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException(
          "topic weight must be in [0, 1]: " + weight + " for " + term);
    }
  }

  /** The key under which two topics are the same topic: source and case-folded term. */
  public String key() {
    return source + ":" + term.toLowerCase(Locale.ROOT);
  }
}
