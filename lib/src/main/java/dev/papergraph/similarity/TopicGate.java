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

  /**
   * A little below the least text score t at which {@code wText · t + gated(topic, t)} reaches
   * {@code rest} (that sum is continuous, piecewise linear and non-decreasing in t), or negative
   * infinity when rest is not above 0. The slack, far above the rounding of the division, keeps a
   * search's test on the safe side: a pair it lets through is only scored, never wrongly dropped.
   *
   * @param topic the most the (weighted) topic component can add before the gate
   */
  public static double minText(double rest, double wText, double topic) {
    if (rest <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double t =
        rest <= wText * TEXT_FOR_FULL_TOPIC + topic
            ? rest / (wText + topic / TEXT_FOR_FULL_TOPIC)
            : (rest - topic) / wText;
    return t - 1e-12;
  }
}
