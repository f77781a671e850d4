package io.plusk.common.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** Parsers for the JSON-lines dumps that are not tweets. Each returns a typed record or throws a {@link Rejection}. */
public final class EventParsers {
  // Ordered sets: they appear in quarantine details, which must read the same on every JVM (Set.of's order does not).
  public static final Set<String> ENGAGEMENT_TYPES = java.util.Collections.unmodifiableSet(
      new java.util.LinkedHashSet<>(java.util.List.of("retweet", "reply", "quote", "mention", "like")));
  public static final Set<String> REMOVAL_ACTIONS = java.util.Collections.unmodifiableSet(
      new java.util.LinkedHashSet<>(java.util.List.of("remove", "restore")));

  private EventParsers() {}

  public static EngagementEvent engagement(String line) throws Rejection {
    JsonNode n = Json.parseObject(line);
    String type = Json.requiredText(n, "type").strip().toLowerCase(Locale.ROOT);
    if (!ENGAGEMENT_TYPES.contains(type)) {
      throw new Rejection("unknown_type", "engagement type '" + Json.abbreviate(type) + "' is not one of "
          + ENGAGEMENT_TYPES);
    }
    String actor = Json.id(n, "actor_id", true);
    String post = Json.id(n, "post_id", false);
    String target = Json.id(n, "target_user_id", false);
    if (post == null && !type.equals("mention")) {
      throw new Rejection("missing_field", "a " + type + " needs a post_id");
    }
    if (post == null && target == null) {
      throw new Rejection("missing_field", "a bare mention needs a target_user_id");
    }
    Instant ts = Json.timestamp(n, "ts");
    return new EngagementEvent(type, actor, post, target, ts);
  }

  public static PlusKEvent plusK(String line) throws Rejection {
    JsonNode n = Json.parseObject(line);
    String giver = Json.id(n, "giver_id", true);
    String receiver = Json.id(n, "receiver_id", true);
    JsonNode topicNode = n.get("topic");
    String topic = topicNode != null && topicNode.isIntegralNumber()
        ? topicNode.bigIntegerValue().toString() : Json.requiredText(n, "topic").strip();
    return new PlusKEvent(giver, receiver, topic, Json.timestamp(n, "ts"));
  }

  public static RemovalEvent removal(String line) throws Rejection {
    JsonNode n = Json.parseObject(line);
    String user = Json.id(n, "user_id", true);
    JsonNode topicNode = n.get("topic");
    String topic = topicNode != null && topicNode.isIntegralNumber()
        ? topicNode.bigIntegerValue().toString() : Json.requiredText(n, "topic").strip();
    String action = Json.requiredText(n, "action").strip().toLowerCase(Locale.ROOT);
    if (!REMOVAL_ACTIONS.contains(action)) {
      throw new Rejection("unknown_action", "removal action '" + Json.abbreviate(action) + "' is not remove or restore");
    }
    return new RemovalEvent(user, topic, action, Json.timestamp(n, "ts"));
  }

  /** One line of the {@code optouts/} dump: {@code {"user_id", "action": "opt_out"|"opt_in", "ts"}}. */
  public static OptOutEvent optOut(String line) throws Rejection {
    JsonNode n = Json.parseObject(line);
    String user = Json.id(n, "user_id", true);
    String action = Json.requiredText(n, "action").strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (!OptOutEvent.ACTIONS.contains(action)) {
      throw new Rejection("unknown_action", "opt-out action '" + Json.abbreviate(action)
          + "' is not opt_out or opt_in");
    }
    return new OptOutEvent(user, action, Json.timestamp(n, "ts"));
  }

  public static UserProfile user(String line) throws Rejection {
    JsonNode n = Json.parseObject(line);
    String id = Json.id(n, "user_id", true);
    String country = Json.text(n, "country");
    if (country != null) {
      country = country.strip().toUpperCase(Locale.ROOT);
      if (country.isEmpty()) {
        country = null;
      } else if (!Json.COUNTRY_CODE.matcher(country).matches()) {
        throw new Rejection("bad_country", "country '" + Json.abbreviate(country) + "' is not ISO-3166 alpha-2");
      }
    }
    JsonNode f = n.get("followers");
    Long followers = null;
    if (f != null && !f.isNull()) {
      if (!f.isIntegralNumber() || f.bigIntegerValue().signum() < 0) {
        throw new Rejection("wrong_type", "followers must be a non-negative integer, found " + f);
      }
      followers = f.longValue();
    }
    Instant updatedAt = n.hasNonNull("updated_at") ? Json.timestamp(n, "updated_at") : null;
    return new UserProfile(id, Json.text(n, "screen_name"), country, Json.text(n, "lang"), followers, updatedAt);
  }
}
