package io.plusk.common.linking;

import java.io.Serializable;
import java.util.List;

/**
 * A post linked to a topic, with its evidence. {@code method} is alias, alias+ner, hashtag, handle or rollup;
 * for a rollup {@code viaTopicId} names the topic it was rolled up from and the evidence is that topic's.
 */
public record TopicLink(
    String topicId, double confidence, String method, String matchedText, List<String> contextTerms,
    String viaTopicId) implements Serializable {
  public TopicLink {
    contextTerms = List.copyOf(contextTerms);
  }
}
