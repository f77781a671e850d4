package io.plusk.common.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One schema per table, snake_case columns (documented in docs/tables.md). The partition column {@code dt}
 * (YYYY-MM-DD) lives in the path, {@code <warehouse>/<table>/dt=YYYY-MM-DD/}, and is not part of these schemas.
 */
public final class Tables {
  private Tables() {}

  public static final String POSTS = "posts";
  public static final String QUARANTINE = "quarantine";
  public static final String ENGAGEMENT_EVENTS = "engagement_events";
  public static final String PLUSK_EVENTS = "plusk_events";
  public static final String REMOVAL_EVENTS = "removal_events";
  public static final String USERS = "users";
  public static final String OPT_OUT_EVENTS = "opt_out_events";
  public static final String COMPLIANCE_EVENTS = "compliance_events";
  public static final String REMOVAL_STATE = "removal_state";
  public static final String OPT_OUT_STATE = "opt_out_state";
  public static final String ENGAGED_POSTS = "engaged_posts";
  public static final String POST_TOPICS = "post_topics";
  public static final String USER_TOPIC_DAILY = "user_topic_daily";
  public static final String PLUSK_ACCEPTED = "plusk_accepted";
  public static final String PLUSK_REJECTED = "plusk_rejected";
  public static final String TOPIC_EXPERTISE = "topic_expertise";
  public static final String LINK_FEEDBACK = "link_feedback";
  public static final String LINK_USAGE = "link_usage";
  public static final String KNOWN_USERS = "known_users";
  public static final String USER_TOPIC_WINDOW = "user_topic_window";
  /** Partitioned by {@code campaign=NAME}, not by dt; not part of the nightly tables. */
  public static final String PERK_RECIPIENTS = "perk_recipients";
  public static final String PARTITION_COLUMN = "dt";

  public static final List<String> ALL = List.of(POSTS, QUARANTINE, ENGAGEMENT_EVENTS, PLUSK_EVENTS,
      REMOVAL_EVENTS, USERS, OPT_OUT_EVENTS, COMPLIANCE_EVENTS, REMOVAL_STATE, OPT_OUT_STATE, ENGAGED_POSTS,
      POST_TOPICS, USER_TOPIC_DAILY, PLUSK_ACCEPTED, PLUSK_REJECTED, TOPIC_EXPERTISE, LINK_FEEDBACK, LINK_USAGE,
      KNOWN_USERS, USER_TOPIC_WINDOW);

  private static final DataType STRINGS = createArrayType(StringType, false);

  public static final StructType POSTS_SCHEMA = schema(
      req("post_id", StringType), req("user_id", StringType), opt("screen_name", StringType),
      req("created_at", TimestampType), req("text", StringType), opt("lang", StringType),
      req("hashtags", STRINGS), req("mention_user_ids", STRINGS), opt("reply_to_post_id", StringType),
      opt("reply_to_user_id", StringType), opt("retweet_of_post_id", StringType),
      opt("quote_of_post_id", StringType), req("is_embedded", BooleanType), req("source_file", StringType),
      req("line_no", LongType), opt("is_protected", BooleanType));

  public static final StructType QUARANTINE_SCHEMA = schema(
      req("kind", StringType), req("source_file", StringType), req("line_no", LongType), req("reason", StringType),
      opt("detail", StringType), opt("raw", StringType));

  public static final StructType ENGAGEMENT_EVENTS_SCHEMA = schema(
      req("event_id", StringType), req("type", StringType), req("actor_id", StringType), opt("post_id", StringType),
      opt("target_user_id", StringType), req("ts", TimestampType), req("origin", StringType),
      req("source_file", StringType), req("line_no", LongType));

  public static final StructType PLUSK_EVENTS_SCHEMA = schema(
      req("giver_id", StringType), req("receiver_id", StringType), req("topic", StringType),
      req("ts", TimestampType), req("source_file", StringType), req("line_no", LongType));

  public static final StructType OPT_OUT_EVENTS_SCHEMA = schema(
      req("user_id", StringType), req("action", StringType), req("ts", TimestampType),
      req("source_file", StringType), req("line_no", LongType));

  /** Platform compliance notices ({@code ComplianceNotice}), from the tweets or the deletions dump. */
  public static final StructType COMPLIANCE_EVENTS_SCHEMA = schema(
      req("notice", StringType), opt("post_id", StringType), opt("user_id", StringType),
      opt("up_to_post_id", StringType), req("countries", STRINGS), opt("ts", TimestampType),
      req("origin", StringType), req("source_file", StringType), req("line_no", LongType));

  public static final StructType REMOVAL_EVENTS_SCHEMA = schema(
      req("user_id", StringType), req("topic", StringType), req("action", StringType), req("ts", TimestampType),
      req("source_file", StringType), req("line_no", LongType));

  /** The latest removal event per user and topic at the end of the date; {@code event_dt}: the event's own date. */
  public static final StructType REMOVAL_STATE_SCHEMA = schema(
      req("user_id", StringType), req("topic", StringType), req("action", StringType), req("ts", TimestampType),
      req("source_file", StringType), req("line_no", LongType), req("event_dt", StringType));

  /** The latest opt-out event per user at the end of the date; {@code event_dt}: the event's own date. */
  public static final StructType OPT_OUT_STATE_SCHEMA = schema(
      req("user_id", StringType), req("action", StringType), req("ts", TimestampType),
      req("source_file", StringType), req("line_no", LongType), req("event_dt", StringType));

  public static final StructType USERS_SCHEMA = schema(
      req("user_id", StringType), opt("screen_name", StringType), opt("country", StringType),
      opt("lang", StringType), opt("followers", LongType));

  public static final StructType ENGAGED_POSTS_SCHEMA = schema(
      req("post_id", StringType), req("user_id", StringType), opt("screen_name", StringType),
      req("created_at", TimestampType), req("text", StringType), req("hashtags", STRINGS),
      req("retweets", LongType), req("replies", LongType), req("quotes", LongType), req("mentions", LongType),
      req("likes", LongType), req("engagement_count", LongType), req("engagement_weight", DoubleType),
      req("engagers", LongType));

  public static final StructType POST_TOPICS_SCHEMA = schema(
      req("post_id", StringType), req("user_id", StringType), req("topic_id", StringType),
      req("confidence", DoubleType), req("method", StringType), req("matched_text", StringType),
      req("context_terms", STRINGS), opt("via_topic_id", StringType));

  public static final StructType EVIDENCE_POST = schema(req("post_id", StringType), req("weight", DoubleType));

  public static final StructType USER_TOPIC_DAILY_SCHEMA = schema(
      req("user_id", StringType), req("topic_id", StringType), req("posts", LongType),
      req("engagement_count", LongType), req("engagers", LongType), req("evidence", DoubleType),
      req("evidence_posts", createArrayType(EVIDENCE_POST, false)), req("evidence_terms", STRINGS));

  public static final StructType PLUSK_ACCEPTED_SCHEMA = schema(
      req("giver_id", StringType), req("receiver_id", StringType), req("topic_id", StringType),
      req("ts", TimestampType), req("weight", DoubleType), req("receiver_listed", BooleanType),
      req("giver_score", DoubleType), req("mutual", BooleanType));

  public static final StructType PLUSK_REJECTED_SCHEMA = schema(
      req("giver_id", StringType), req("receiver_id", StringType), req("topic", StringType),
      req("ts", TimestampType), req("reason", StringType));

  public static final StructType TOPIC_EXPERTISE_SCHEMA = schema(
      req("user_id", StringType), opt("screen_name", StringType), req("topic_id", StringType),
      req("topic_slug", StringType), req("topic_name", StringType), req("topic_level", IntegerType),
      req("topic_kind", StringType), req("score", DoubleType), opt("rank_in_topic", IntegerType),
      opt("rank_in_user", IntegerType), req("engaged_posts", LongType),
      req("engagement_count", LongType), req("plusk_count", LongType), req("plusk_givers", STRINGS),
      req("removed", BooleanType), req("evidence_post_ids", STRINGS), req("evidence_terms", STRINGS),
      req("raw_evidence", DoubleType));

  public static final StructType LINK_USAGE_SCHEMA = schema(
      req("user_id", StringType), req("matched_text", StringType), req("topic_id", StringType),
      req("last_dt", StringType), req("window_days", IntegerType));

  public static final StructType KNOWN_USERS_SCHEMA = schema(
      req("user_id", StringType), opt("last_seen_dt", StringType), opt("profile_name", StringType),
      opt("profile_dt", StringType), opt("posted_name", StringType), opt("posted_dt", StringType),
      opt("is_protected", BooleanType), opt("protected_dt", StringType), req("window_days", IntegerType));

  public static final StructType POOLED_POST = schema(
      req("post_id", StringType), req("weight", DoubleType), req("epoch_day", IntegerType));

  public static final StructType POOLED_TERMS = schema(
      req("epoch_day", IntegerType), req("weight", DoubleType), req("terms", STRINGS));

  public static final StructType USER_TOPIC_WINDOW_SCHEMA = schema(
      req("user_id", StringType), req("topic_id", StringType), req("text_evidence", DoubleType),
      req("text_evidence_vouched", DoubleType), req("posts", LongType), req("engagement_count", LongType),
      opt("last_listed_dt", StringType), req("post_pool", createArrayType(POOLED_POST, false)),
      req("term_pool", createArrayType(POOLED_TERMS, false)), req("window_days", IntegerType));

  public static final StructType LINK_FEEDBACK_SCHEMA = schema(
      req("matched_text", StringType), req("topic_id", StringType), req("users_with_link", LongType),
      req("removals", LongType), req("removal_rate", DoubleType), req("weight", DoubleType));

  public static final StructType PERK_RECIPIENTS_SCHEMA = schema(
      req("dt", StringType), req("user_id", StringType), opt("screen_name", StringType), opt("country", StringType),
      req("topic_id", StringType), req("topic_slug", StringType), req("score", DoubleType), req("rank", IntegerType),
      req("selected_at", TimestampType));

  public static StructType schemaOf(String table) {
    return switch (table) {
      case POSTS -> POSTS_SCHEMA;
      case QUARANTINE -> QUARANTINE_SCHEMA;
      case ENGAGEMENT_EVENTS -> ENGAGEMENT_EVENTS_SCHEMA;
      case PLUSK_EVENTS -> PLUSK_EVENTS_SCHEMA;
      case REMOVAL_EVENTS -> REMOVAL_EVENTS_SCHEMA;
      case OPT_OUT_EVENTS -> OPT_OUT_EVENTS_SCHEMA;
      case COMPLIANCE_EVENTS -> COMPLIANCE_EVENTS_SCHEMA;
      case REMOVAL_STATE -> REMOVAL_STATE_SCHEMA;
      case OPT_OUT_STATE -> OPT_OUT_STATE_SCHEMA;
      case USERS -> USERS_SCHEMA;
      case ENGAGED_POSTS -> ENGAGED_POSTS_SCHEMA;
      case POST_TOPICS -> POST_TOPICS_SCHEMA;
      case USER_TOPIC_DAILY -> USER_TOPIC_DAILY_SCHEMA;
      case PLUSK_ACCEPTED -> PLUSK_ACCEPTED_SCHEMA;
      case PLUSK_REJECTED -> PLUSK_REJECTED_SCHEMA;
      case TOPIC_EXPERTISE -> TOPIC_EXPERTISE_SCHEMA;
      case LINK_FEEDBACK -> LINK_FEEDBACK_SCHEMA;
      case LINK_USAGE -> LINK_USAGE_SCHEMA;
      case KNOWN_USERS -> KNOWN_USERS_SCHEMA;
      case USER_TOPIC_WINDOW -> USER_TOPIC_WINDOW_SCHEMA;
      default -> throw new IllegalArgumentException("Unknown table '" + table + "'; known: " + ALL);
    };
  }

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField req(String name, DataType type) {
    return new StructField(name, type, false, Metadata.empty());
  }

  private static StructField opt(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}
