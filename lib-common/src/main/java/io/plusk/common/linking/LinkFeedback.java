package io.plusk.common.linking;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * What users taught the linker by removing topics: a confidence multiplier per (matched text, topic), below 1 for
 * links that many of the users who had them removed. Built by the score stage ({@code link_feedback}).
 */
public record LinkFeedback(Map<String, Double> weights) implements Serializable {
  public static final LinkFeedback NONE = new LinkFeedback(Map.of());

  public LinkFeedback {
    weights = Map.copyOf(weights);
  }

  public static String key(String matchedText, String topicId) {
    return matchedText.toLowerCase(Locale.ROOT) + "\u0001" + topicId;
  }

  public double weight(String matchedText, String topicId) {
    return weights.getOrDefault(key(matchedText, topicId), 1.0);
  }
}
