package io.plusk.common.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the platform's compliance notices: the v1.1 stream's {@code delete}, {@code scrub_geo},
 * {@code status_withheld} and {@code user_withheld} messages and the v2 stream's {@code data.delete.tweet}, as they
 * arrive among the statuses of a tweets dump; and the lines of a {@code deletions/} dump, which may also be a v2
 * batch compliance file ({@code {"id", "action": "delete", "redacted_at", "reason"}}) or plusk's own
 * {@code {"post_id", "user_id", "ts"}}.
 */
public final class ComplianceNotices {
  private static final java.util.regex.Pattern EPOCH_MILLIS = java.util.regex.Pattern.compile("[0-9]{1,15}");

  private ComplianceNotices() {}

  /**
   * Whether a tweets-dump line may be a notice, without parsing it: a status whose text quotes one of the names is
   * parsed and found not to be one.
   */
  public static boolean mayBeNotice(String line) {
    return line.contains("\"delete\"") || line.contains("\"scrub_geo\"") || line.contains("\"status_withheld\"")
        || line.contains("\"user_withheld\"");
  }

  /** The notice a tweets-dump line carries, or null when the line is something else (a status, garbage). */
  public static ComplianceNotice inStream(String line) throws Rejection {
    JsonNode root;
    try {
      root = Json.parseObject(line);
    } catch (Rejection notAnObject) {
      return null;
    }
    return inStream(root);
  }

  private static ComplianceNotice inStream(JsonNode root) throws Rejection {
    if (root.has("delete") && root.get("delete").isObject()) {
      JsonNode delete = root.get("delete");
      if (delete.has("direct_message") && !delete.has("status")) {
        // A user stream's notice: plusk reads no direct messages, so there is nothing to delete.
        throw new Rejection("unsupported_notice", "a direct message deletion (plusk holds no direct messages)");
      }
      JsonNode status = object(delete, "status", "delete");
      return new ComplianceNotice(ComplianceNotice.STATUS_DELETION, idOf(status, "id", true),
          idOf(status, "user_id", false), null, List.of(), epochMillis(delete, "timestamp_ms"));
    }
    if (root.has("scrub_geo") && root.get("scrub_geo").isObject()) {
      JsonNode scrub = root.get("scrub_geo");
      return new ComplianceNotice(ComplianceNotice.SCRUB_GEO, null, idOf(scrub, "user_id", true),
          idOf(scrub, "up_to_status_id", false), List.of(), epochMillis(scrub, "timestamp_ms"));
    }
    if (root.has("status_withheld") && root.get("status_withheld").isObject()) {
      JsonNode w = root.get("status_withheld");
      return new ComplianceNotice(ComplianceNotice.STATUS_WITHHELD, idOf(w, "id", true), idOf(w, "user_id", false),
          null, countries(w), epochMillis(w, "timestamp_ms"));
    }
    if (root.has("user_withheld") && root.get("user_withheld").isObject()) {
      JsonNode w = root.get("user_withheld");
      return new ComplianceNotice(ComplianceNotice.USER_WITHHELD, null, idOf(w, "id", true), null, countries(w),
          epochMillis(w, "timestamp_ms"));
    }
    JsonNode data = root.get("data");
    if (data != null && data.isObject() && data.has("delete") && data.get("delete").isObject()) {
      JsonNode delete = data.get("delete");
      JsonNode tweet = object(delete, "tweet", "data.delete");
      return new ComplianceNotice(ComplianceNotice.STATUS_DELETION, Json.id(tweet, "id", true),
          Json.id(tweet, "author_id", false), null, List.of(),
          delete.hasNonNull("event_at") ? Json.timestamp(delete, "event_at") : null);
    }
    return null;
  }

  /** One line of a {@code deletions/} dump: a status deletion, in any of the three forms. */
  public static ComplianceNotice deletion(String line) throws Rejection {
    JsonNode n = Json.parseObject(line);
    ComplianceNotice streamed = inStream(n);
    if (streamed != null) {
      if (!streamed.notice().equals(ComplianceNotice.STATUS_DELETION)) {
        throw new Rejection("not_a_deletion", "a " + streamed.notice() + " notice in the deletions dump (it "
            + "belongs in the tweets dump)");
      }
      return streamed;
    }
    if (n.has("action")) {
      // A v2 batch compliance file: every line says what to do with one post.
      String action = Json.requiredText(n, "action").strip().toLowerCase(Locale.ROOT);
      if (!action.equals("delete")) {
        throw new Rejection("unknown_action", "compliance action '" + Json.abbreviate(action) + "' is not delete");
      }
      Instant ts = n.hasNonNull("redacted_at") ? Json.timestamp(n, "redacted_at")
          : n.hasNonNull("created_at") ? Json.timestamp(n, "created_at") : null;
      return new ComplianceNotice(ComplianceNotice.STATUS_DELETION, Json.id(n, "id", true),
          Json.id(n, "user_id", false), null, List.of(), ts);
    }
    return new ComplianceNotice(ComplianceNotice.STATUS_DELETION, Json.id(n, "post_id", true),
        Json.id(n, "user_id", false), null, List.of(), n.hasNonNull("ts") ? Json.timestamp(n, "ts") : null);
  }

  private static JsonNode object(JsonNode parent, String field, String where) throws Rejection {
    JsonNode n = parent.get(field);
    if (n == null || !n.isObject()) {
      throw new Rejection("missing_field", "a " + where + " notice without its '" + field + "' object");
    }
    return n;
  }

  /** The v1.1 way: {@code field_str} where present (exact), else the number. */
  private static String idOf(JsonNode parent, String field, boolean required) throws Rejection {
    return parent.hasNonNull(field + "_str") ? Json.id(parent, field + "_str", required)
        : Json.id(parent, field, required);
  }

  private static List<String> countries(JsonNode parent) throws Rejection {
    JsonNode list = parent.get("withheld_in_countries");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new Rejection("missing_field", "a withheld notice without 'withheld_in_countries'");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode c : list) {
      String code = c.isTextual() ? c.asText().strip().toUpperCase(Locale.ROOT) : "";
      // "XX" (every country) and "XY" (withheld on copyright grounds) are the platform's own codes.
      if (!Json.COUNTRY_CODE.matcher(code).matches()) {
        throw new Rejection("bad_country", "withheld country " + Json.abbreviate(c.toString())
            + " is not ISO-3166 alpha-2");
      }
      out.add(code);
    }
    return out;
  }

  private static Instant epochMillis(JsonNode parent, String field) throws Rejection {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String s = n.asText().strip();
    if (!EPOCH_MILLIS.matcher(s).matches()) {
      throw new Rejection("bad_timestamp", "field '" + field + "' is not epoch milliseconds: "
          + Json.abbreviate(s));
    }
    return Instant.ofEpochMilli(Long.parseLong(s));
  }
}
