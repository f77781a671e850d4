package io.plusk.common.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One labelled text. Two gold formats are read: the TweetTopic format (one 0/1 column per label, labels are the
 * column names such as {@code sports}) and plusk's own {@code {"id", "text", "topics": [slugs]}}.
 */
public record GoldExample(String id, String text, Set<String> labels) {
  /** The 19 TweetTopic labels (Antypas et al., COLING 2022). */
  public static final List<String> TWEETTOPIC_LABELS = List.of("arts_&_culture", "business_&_entrepreneurs",
      "celebrity_&_pop_culture", "diaries_&_daily_life", "family", "fashion_&_style", "film_tv_&_video",
      "fitness_&_health", "food_&_dining", "gaming", "learning_&_educational", "music", "news_&_social_concern",
      "other_hobbies", "relationships", "science_&_technology", "sports", "travel_&_adventure",
      "youth_&_student_life");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** True when the line carries the TweetTopic 0/1 label columns. */
  public static boolean isTweetTopic(JsonNode n) {
    return n.has("sports") && n.has("diaries_&_daily_life");
  }

  public static GoldExample parse(String line, int lineNo) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("Gold line " + lineNo + " is not JSON: " + e.getMessage(), e);
    }
    if (n == null || !n.isObject() || !n.hasNonNull("text")) {
      throw new IllegalArgumentException("Gold line " + lineNo + " needs an object with \"text\"");
    }
    String id = n.hasNonNull("id") ? n.get("id").asText() : String.valueOf(lineNo);
    Set<String> labels = new LinkedHashSet<>();
    if (isTweetTopic(n)) {
      for (String label : TWEETTOPIC_LABELS) {
        if (n.path(label).asInt(0) == 1) {
          labels.add(label);
        }
      }
    } else {
      JsonNode topics = n.get("topics");
      if (topics == null || !topics.isArray()) {
        throw new IllegalArgumentException("Gold line " + lineNo + " needs \"topics\": [topic slugs]");
      }
      topics.forEach(t -> labels.add(t.asText()));
    }
    return new GoldExample(id, n.get("text").asText(), labels);
  }
}
