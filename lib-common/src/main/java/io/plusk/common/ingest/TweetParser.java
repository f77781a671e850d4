package io.plusk.common.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one line of a tweets dump in the Twitter API v1.1 status format into the status and the statuses
 * embedded in it ({@code retweeted_status}, {@code quoted_status}). Anything else is a {@link Rejection}.
 */
public final class TweetParser {
  private static final java.util.regex.Pattern LEGACY_HASHTAG = java.util.regex.Pattern.compile("#(\\w+)");
  private final int maxTextChars;

  public TweetParser(int maxTextChars) {
    this.maxTextChars = maxTextChars;
  }

  /**
   * Parses a line: one v1.1 status, a JSON array of statuses, an API response object ({@code statuses}), an API v2
   * page ({@code data} + {@code includes}) or a v2 tweet object. A line is accepted whole or quarantined whole (with
   * the first failing element named), so every line is accounted for once.
   *
   * @return each status followed by its embedded originals
   */
  public List<ParsedTweet> parse(String line) throws Rejection {
    JsonNode root = Json.parseAny(line);
    if (root.isArray()) {
      return elements(root, "array");
    }
    if (!root.isObject()) {
      throw new Rejection("not_an_object", "expected a JSON object or array, found " + root.getNodeType());
    }
    if (root.has("statuses") && root.get("statuses").isArray()) {
      return elements(root.get("statuses"), "statuses");
    }
    if (V2.isPage(root)) {
      return V2.page(root, maxTextChars);
    }
    if (V2.isTweet(root)) {
      return V2.tweet(root, maxTextChars);
    }
    return statusWithEmbedded(root);
  }

  private List<ParsedTweet> elements(JsonNode array, String what) throws Rejection {
    List<ParsedTweet> out = new ArrayList<>();
    int i = 0;
    for (JsonNode element : array) {
      i++;
      if (!element.isObject()) {
        throw new Rejection("not_an_object", what + " element " + i + " is " + element.getNodeType());
      }
      try {
        out.addAll(statusWithEmbedded(element));
      } catch (Rejection r) {
        throw new Rejection(r.reason(), what + " element " + i + ": " + r.detail());
      }
    }
    if (out.isEmpty()) {
      throw new Rejection("empty_array", "an empty " + what + " list: no status");
    }
    return out;
  }

  private List<ParsedTweet> statusWithEmbedded(JsonNode root) throws Rejection {
    rejectOtherPayloads(root);
    List<ParsedTweet> out = new ArrayList<>(3);
    ParsedTweet outer = status(root, false);
    out.add(outer);
    for (String field : new String[] {"retweeted_status", "quoted_status"}) {
      JsonNode embedded = root.get(field);
      if (embedded != null && embedded.isObject()) {
        try {
          out.add(status(embedded, true));
        } catch (Rejection broken) {
          // A broken embedded copy of someone else's post must not cost the outer status, which is whole; the
          // outer status still points at the original by id.
        }
      }
    }
    return out;
  }

  private static void rejectOtherPayloads(JsonNode root) throws Rejection {
    if (root.has("delete") || root.has("scrub_geo") || root.has("limit") || root.has("status_withheld")
        || root.has("user_withheld") || root.has("disconnect") || root.has("warning") || root.has("friends")
        || root.has("event")) {
      throw new Rejection("not_a_status", "a streaming control message, not a status");
    }
    if (root.has("verb") && root.has("actor")) {
      throw new Rejection("unsupported_format_activity_streams", "a Gnip Activity Streams payload");
    }
    if (root.has("errors") && !root.has("user")) {
      throw new Rejection("api_error", "an API error response, not a status");
    }
    if (root.has("search_metadata")) {
      throw new Rejection("api_response_object", "an API response object without a statuses list");
    }
  }

  private ParsedTweet status(JsonNode s, boolean embedded) throws Rejection {
    String postId = s.hasNonNull("id_str") ? Json.id(s, "id_str", true) : Json.id(s, "id", true);
    JsonNode user = s.get("user");
    if (user == null || !user.isObject()) {
      throw new Rejection("missing_field", "status " + postId + " has no 'user' object");
    }
    String userId = user.hasNonNull("id_str") ? Json.id(user, "id_str", true) : Json.id(user, "id", true);
    String screenName = Json.text(user, "screen_name");
    if (!s.hasNonNull("created_at")) {
      throw new Rejection("missing_field", "status " + postId + " has no 'created_at'");
    }
    Instant createdAt = Json.timestamp(s, "created_at");
    String text = fullText(s);
    if (text == null) {
      throw new Rejection("missing_field", "status " + postId + " has no text, full_text or extended_tweet");
    }
    if (text.length() > maxTextChars) {
      throw new Rejection("text_too_long", "status " + postId + " text has " + text.length() + " characters, over "
          + maxTextChars);
    }
    JsonNode entities = s.has("extended_tweet") && s.get("extended_tweet").has("entities")
        ? s.get("extended_tweet").get("entities") : s.get("entities");
    List<String> hashtags = new ArrayList<>();
    List<String> mentionIds = new ArrayList<>();
    List<String> mentionNames = new ArrayList<>();
    if (entities != null && entities.isObject()) {
      for (JsonNode h : iterable(entities.get("hashtags"))) {
        String tag = Json.text(h, "text");
        if (tag != null && !tag.isBlank()) {
          hashtags.add(tag);
        }
      }
      for (JsonNode m : iterable(entities.get("user_mentions"))) {
        String id = m.hasNonNull("id_str") ? Json.id(m, "id_str", false) : Json.id(m, "id", false);
        if (id != null) {
          mentionIds.add(id);
          String name = Json.text(m, "screen_name");
          mentionNames.add(name == null ? "" : name);
        }
      }
    } else {
      // The legacy format has no entities: recover hashtags from the text so they still count as evidence.
      java.util.regex.Matcher matcher = LEGACY_HASHTAG.matcher(text);
      while (matcher.find()) {
        hashtags.add(matcher.group(1));
      }
    }
    String replyTo = s.hasNonNull("in_reply_to_status_id_str")
        ? Json.id(s, "in_reply_to_status_id_str", false) : Json.id(s, "in_reply_to_status_id", false);
    String replyToUser = s.hasNonNull("in_reply_to_user_id_str")
        ? Json.id(s, "in_reply_to_user_id_str", false) : Json.id(s, "in_reply_to_user_id", false);
    String retweetOf = null;
    String retweetOfUser = null;
    JsonNode rt = s.get("retweeted_status");
    if (rt != null && rt.isObject()) {
      retweetOf = rt.hasNonNull("id_str") ? Json.id(rt, "id_str", true) : Json.id(rt, "id", true);
      retweetOfUser = embeddedUserId(rt);
    }
    String quoteOf = null;
    String quoteOfUser = null;
    JsonNode q = s.get("quoted_status");
    if (q != null && q.isObject()) {
      quoteOf = q.hasNonNull("id_str") ? Json.id(q, "id_str", true) : Json.id(q, "id", true);
      quoteOfUser = embeddedUserId(q);
    } else if (s.hasNonNull("quoted_status_id_str")) {
      quoteOf = Json.id(s, "quoted_status_id_str", false);
    }
    if (retweetOf != null) {
      // A retweet quotes nothing by itself: the quote belongs to the original it carries.
      quoteOf = null;
      quoteOfUser = null;
    }
    return new ParsedTweet(postId, userId, screenName, createdAt, text, Json.text(s, "lang"), hashtags, mentionIds,
        mentionNames, replyTo, replyToUser, retweetOf, retweetOfUser, quoteOf, quoteOfUser, embedded,
        user.path("protected").asBoolean(false));
  }

  private static String embeddedUserId(JsonNode status) throws Rejection {
    JsonNode u = status.get("user");
    if (u == null || !u.isObject()) {
      return null;
    }
    return u.hasNonNull("id_str") ? Json.id(u, "id_str", false) : Json.id(u, "id", false);
  }

  private static String fullText(JsonNode s) throws Rejection {
    JsonNode ext = s.get("extended_tweet");
    if (ext != null && ext.hasNonNull("full_text")) {
      return Json.text(ext, "full_text");
    }
    if (s.hasNonNull("full_text")) {
      return Json.text(s, "full_text");
    }
    return Json.text(s, "text");
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    return n == null || !n.isArray() ? List.of() : n;
  }
}
