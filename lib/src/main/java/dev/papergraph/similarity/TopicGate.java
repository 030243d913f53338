package dev.papergraph.similarity;

/**
 * Keeps topics from linking papers that share no text: the topic score counts in full only when the
 * pair's text score reaches {@link #TEXT_FOR_FULL_TOPIC}, and in proportion below it, so a topic
 * alone never lifts a pair with almost no text overlap into a top-k list.
 */
public final class TopicGate {

  /** The text score from which the topic score counts in full. */
  public static final double TEXT_FOR_FULL_TOPIC = 0.10;

  private TopicGate() {}

  /** The topic score as it enters the combined score: {@code topic · min(1, text / 0.10)}. */
  public static double gated(double topic, double text) {
    if (topic == 0 || text >= TEXT_FOR_FULL_TOPIC) {
      return topic;
    }
    return text <= 0 ? 0 : topic * (text / TEXT_FOR_FULL_TOPIC);
  }
}
