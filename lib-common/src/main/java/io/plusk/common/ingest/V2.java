package io.plusk.common.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Twitter API v2 payloads: a page ({@code data} as an object or array, with {@code includes.users} and
 * {@code includes.tweets}) or one tweet object (twarc's flattened form carries {@code author} and the referenced
 * tweets inline). Mapped onto the same {@link ParsedTweet} as v1.1.
 */
final class V2 {
  private V2() {}

  static boolean isPage(JsonNode root) {
    JsonNode data = root.get("data");
    return data != null && (data.isArray() || data.isObject() && data.has("id"));
  }

  static boolean isTweet(JsonNode root) {
    return root.has("id") && root.has("author_id") && root.has("text") && !root.has("user");
  }

  static List<ParsedTweet> page(JsonNode root, int maxTextChars) throws Rejection {
    Authors usernames = new Authors();
    JsonNode includes = root.path("includes");
    for (JsonNode u : iterable(includes.get("users"))) {
      if (u.hasNonNull("id")) {
        usernames.add(u.get("id").asText(), u);
      }
    }
    Map<String, JsonNode> referenced = new HashMap<>();
    for (JsonNode t : iterable(includes.get("tweets"))) {
      if (t.hasNonNull("id")) {
        referenced.put(t.get("id").asText(), t);
      }
    }
    JsonNode data = root.get("data");
    List<ParsedTweet> out = new ArrayList<>();
    int i = 0;
    for (JsonNode t : data.isArray() ? data : List.of(data)) {
      i++;
      try {
        out.addAll(withReferenced(t, usernames, referenced, maxTextChars));
      } catch (Rejection r) {
        throw new Rejection(r.reason(), "v2 data element " + i + ": " + r.detail());
      }
    }
    if (out.isEmpty()) {
      throw new Rejection("empty_array", "a v2 page without tweets");
    }
    return out;
  }

  static List<ParsedTweet> tweet(JsonNode t, int maxTextChars) throws Rejection {
    Authors usernames = new Authors();
    Map<String, JsonNode> referenced = new HashMap<>();
    JsonNode author = t.get("author");
    if (author != null && author.isObject()) {
      usernames.add(t.get("author_id").asText(), author);
    }
    for (JsonNode ref : iterable(t.get("referenced_tweets"))) {
      if (ref.hasNonNull("id") && ref.has("author_id") && ref.has("text")) {
        referenced.put(ref.get("id").asText(), ref);
        JsonNode refAuthor = ref.get("author");
        if (refAuthor != null && refAuthor.isObject()) {
          usernames.add(ref.get("author_id").asText(), refAuthor);
        }
      }
    }
    return withReferenced(t, usernames, referenced, maxTextChars);
  }

  private static List<ParsedTweet> withReferenced(JsonNode t, Authors usernames,
                                                  Map<String, JsonNode> referenced, int maxTextChars)
      throws Rejection {
    List<ParsedTweet> out = new ArrayList<>(3);
    out.add(one(t, usernames, referenced, maxTextChars, false));
    for (JsonNode ref : iterable(t.get("referenced_tweets"))) {
      JsonNode original = ref.hasNonNull("id") ? referenced.get(ref.get("id").asText()) : null;
      if (original != null) {
        try {
          out.add(one(original, usernames, Map.of(), maxTextChars, true));
        } catch (Rejection broken) {
          // As in v1.1: a broken embedded copy does not cost the outer tweet.
        }
      }
    }
    return out;
  }

  private static ParsedTweet one(JsonNode t, Authors usernames, Map<String, JsonNode> referenced,
                                 int maxTextChars, boolean embedded) throws Rejection {
    String id = Json.id(t, "id", true);
    String authorId = Json.id(t, "author_id", true);
    Instant createdAt = Json.timestamp(t, "created_at");
    String text = Json.requiredText(t, "text");
    if (text.length() > maxTextChars) {
      throw new Rejection("text_too_long", "tweet " + id + " text has " + text.length() + " characters");
    }
    List<String> hashtags = new ArrayList<>();
    List<String> mentionIds = new ArrayList<>();
    List<String> mentionNames = new ArrayList<>();
    JsonNode entities = t.path("entities");
    for (JsonNode h : iterable(entities.get("hashtags"))) {
      String tag = h.hasNonNull("tag") ? h.get("tag").asText() : h.path("text").asText("");
      if (!tag.isBlank()) {
        hashtags.add(tag);
      }
    }
    Map<String, String> idsByName = new HashMap<>();
    usernames.names.forEach((uid, name) -> idsByName.put(name.toLowerCase(java.util.Locale.ROOT), uid));
    for (JsonNode m : iterable(entities.get("mentions"))) {
      String name = m.path("username").asText("");
      String mid = m.hasNonNull("id") ? m.get("id").asText() : idsByName.get(name.toLowerCase(java.util.Locale.ROOT));
      if (mid != null) {
        mentionIds.add(mid);
        mentionNames.add(name);
      }
    }
    String retweetOf = null;
    String retweetOfUser = null;
    String quoteOf = null;
    String quoteOfUser = null;
    String replyTo = null;
    for (JsonNode ref : iterable(t.get("referenced_tweets"))) {
      String refId = ref.hasNonNull("id") ? ref.get("id").asText() : null;
      JsonNode original = refId == null ? null : referenced.get(refId);
      String refAuthor = original != null && original.hasNonNull("author_id") ? original.get("author_id").asText()
          : null;
      switch (ref.path("type").asText("")) {
        case "retweeted" -> {
          retweetOf = refId;
          retweetOfUser = refAuthor;
        }
        case "quoted" -> {
          quoteOf = refId;
          quoteOfUser = refAuthor;
        }
        case "replied_to" -> replyTo = refId;
        default -> { }
      }
    }
    if (retweetOf != null) {
      quoteOf = null;
      quoteOfUser = null;
    }
    String replyToUser = t.hasNonNull("in_reply_to_user_id") ? Json.id(t, "in_reply_to_user_id", false) : null;
    return new ParsedTweet(id, authorId, usernames.names.get(authorId), createdAt, text,
        t.hasNonNull("lang") ? t.get("lang").asText() : null, hashtags, mentionIds, mentionNames, replyTo,
        replyToUser, retweetOf, retweetOfUser, quoteOf, quoteOfUser, embedded,
        usernames.protectedIds.contains(authorId));
  }

  /** What a payload's user objects say of their authors: the username, and whether the account is protected. */
  private static final class Authors {
    final Map<String, String> names = new HashMap<>();
    final java.util.Set<String> protectedIds = new java.util.HashSet<>();

    void add(String id, JsonNode user) {
      if (user.hasNonNull("username")) {
        names.put(id, user.get("username").asText());
      }
      if (user.path("protected").asBoolean(false)) {
        protectedIds.add(id);
      }
    }
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    return n == null || !n.isArray() ? List.of() : n;
  }
}
