package io.plusk.jobs.stage;

import static com.google.common.base.Preconditions.checkArgument;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Pipeline;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases people from every published date: their posts (and the retweets that copy them), the events they made or
 * received, their +K given and received, removals, profiles, opt-outs, compliance notices, the quarantined records
 * that hold their id or handle, and every row derived from those; in others' posts their @handle becomes
 * {@value #FORGOTTEN_HANDLE} and their ids leave the mention and reply fields. Each date is worked out again oldest
 * first ({@link DateRederivation}), so later dates read the erased ones, and its report is rendered again.
 */
public final class UserErasure {
  private static final Logger LOG = LoggerFactory.getLogger(UserErasure.class);
  /** A user id as the platform writes them: digits, at most 20 (a 64-bit integer). */
  public static final Pattern USER_ID = Pattern.compile("[0-9]{1,20}");
  static final String FORGOTTEN_HANDLE = "@[forgotten]";

  private UserErasure() {}

  /** What the erasure did: the dates rewritten, and rows removed per table over all of them. */
  public record Result(List<LocalDate> dates, Map<String, Long> rowsRemoved) {}

  public static Result forget(JobContext ctx, Set<String> users) {
    for (String u : users) {
      checkArgument(USER_ID.matcher(u).matches(), "'%s' is not a user id (digits only, at most 20)", u);
    }
    checkArgument(!users.isEmpty(), "No user to forget");
    Warehouse wh = ctx.warehouse();
    TreeSet<LocalDate> dates = wh.publishedDates();
    Map<String, Long> removed = new LinkedHashMap<>();
    if (dates.isEmpty()) {
      return new Result(List.of(), removed);
    }
    LocalDate last = dates.last();
    Object[] ids = users.toArray();
    Dataset<Row> allPosts = wh.readUpTo(Tables.POSTS, last);
    Dataset<Row> theirPostIds = allPosts.where(col("user_id").isin(ids)).select("post_id").distinct();
    // A retweet is a copy of their words: it goes with them. Replies and quotes are others' words and stay.
    Dataset<Row> gone = theirPostIds.unionByName(allPosts.join(theirPostIds.withColumnRenamed("post_id",
            "retweet_of_post_id"), Columns.using("retweet_of_post_id"), "left_semi").select("post_id"))
        .distinct().persist(StorageLevel.MEMORY_AND_DISK());
    Set<String> handles = new TreeSet<>();
    for (Row r : allPosts.where(col("user_id").isin(ids)).select("screen_name")
        .unionByName(wh.readUpTo(Tables.USERS, last).where(col("user_id").isin(ids)).select("screen_name"))
        .where(col("screen_name").isNotNull()).distinct().collectAsList()) {
      handles.add(r.getString(0));
    }
    List<String> needles = new ArrayList<>(users);
    handles.forEach(h -> needles.add(h.toLowerCase(java.util.Locale.ROOT)));
    String reason = "erasure of " + users.size() + " user(s)";
    List<LocalDate> rewritten = new ArrayList<>();
    LocalDate first = firstDateNamingThem(wh, last, allPosts, ids, gone, needles);
    if (first == null) {
      LOG.info("forget users={} dates=0 (no published date holds anything of theirs)", users.size());
      gone.unpersist();
      return new Result(List.of(), removed);
    }
    Set<String> relinked = peopleWhosePostsOrEngagementChange(wh, last, allPosts, ids, gone);
    // The dates before hold nothing of theirs and read no date after them: they stay as they are.
    for (LocalDate d : dates.tailSet(first, true)) {
      JobContext at = ctx.forDate(d);
      Map<String, long[]> rows = DateRederivation.of(at, reason).relinking(relinked)
          .input(Tables.POSTS, t -> scrubbed(t.join(gone, Columns.using("post_id"), "left_anti"), ids, gone,
              handles))
          .input(Tables.ENGAGEMENT_EVENTS, t -> t.where(not(eventNamesThem(ids)))
              .join(gone, Columns.using("post_id"), "left_anti"))
          .input(Tables.PLUSK_EVENTS, t -> t.where(not(pluskNamesThem(ids))))
          .input(Tables.REMOVAL_EVENTS, t -> t.where(not(isThem(ids))))
          .input(Tables.USERS, t -> t.where(not(isThem(ids))))
          .input(Tables.OPT_OUT_EVENTS, t -> t.where(not(isThem(ids))))
          .input(Tables.REMOVAL_STATE, t -> t.where(not(isThem(ids))))
          .input(Tables.OPT_OUT_STATE, t -> t.where(not(isThem(ids))))
          .input(Tables.COMPLIANCE_EVENTS, t -> t.where(not(isThem(ids)))
              .join(gone, Columns.using("post_id"), "left_anti"))
          .input(Tables.QUARANTINE, t -> t.where(not(mentionsAny(lower(col("raw")), needles))))
          .rewrite().run(at, Pipeline.staleAfter(ctx));
      PublishJob.renderReportAgain(at);
      rewritten.add(d);
      rows.forEach((table, n) -> removed.merge(table, n[0] - n[1], Long::sum));
      LOG.info("forget date={} users={} status=rewritten", d, users.size());
    }
    gone.unpersist();
    LOG.info("forget users={} dates={} rows_removed={}", users.size(), rewritten.size(), removed);
    return new Result(rewritten, removed);
  }

  /**
   * The oldest date whose input tables hold something of the people (a run stopped half-way left the dates before
   * erased), or null when none does. One pass over each input table's history.
   */
  private static LocalDate firstDateNamingThem(Warehouse wh, LocalDate last, Dataset<Row> posts, Object[] ids,
                                              Dataset<Row> gone, List<String> needles) {
    Dataset<Row> events = wh.readUpTo(Tables.ENGAGEMENT_EVENTS, last);
    Dataset<Row> compliance = wh.readUpTo(Tables.COMPLIANCE_EVENTS, last);
    List<Dataset<Row>> naming = List.of(
        posts.where(isThem(ids).or(postNamesThem(ids))),
        posts.join(gone.withColumnRenamed("post_id", "retweet_of_post_id"), Columns.using("retweet_of_post_id"),
            "left_semi"),
        posts.join(gone.withColumnRenamed("post_id", "quote_of_post_id"), Columns.using("quote_of_post_id"),
            "left_semi"),
        posts.join(gone.withColumnRenamed("post_id", "reply_to_post_id"), Columns.using("reply_to_post_id"),
            "left_semi"),
        events.where(eventNamesThem(ids)),
        events.join(gone, Columns.using("post_id"), "left_semi"),
        wh.readUpTo(Tables.PLUSK_EVENTS, last).where(pluskNamesThem(ids)),
        wh.readUpTo(Tables.REMOVAL_EVENTS, last).where(isThem(ids)),
        wh.readUpTo(Tables.USERS, last).where(isThem(ids)),
        wh.readUpTo(Tables.OPT_OUT_EVENTS, last).where(isThem(ids)),
        compliance.where(isThem(ids)),
        compliance.join(gone, Columns.using("post_id"), "left_semi"),
        wh.readUpTo(Tables.QUARANTINE, last).where(mentionsAny(lower(col("raw")), needles)));
    Dataset<Row> dates = null;
    for (Dataset<Row> n : naming) {
      Dataset<Row> d = n.select(Tables.PARTITION_COLUMN);
      dates = dates == null ? d : dates.unionByName(d);
    }
    Row oldest = dates.agg(functions.min(Tables.PARTITION_COLUMN)).first();
    return oldest.isNullAt(0) ? null : LocalDate.parse(oldest.getString(0));
  }

  /**
   * Others whose posts name the people (their links are made again from the scrubbed text) or whose posts the
   * people engaged with (their evidence changes, and it is the context of their next posts' links).
   */
  private static Set<String> peopleWhosePostsOrEngagementChange(Warehouse wh, LocalDate last, Dataset<Row> posts,
                                                                Object[] ids, Dataset<Row> gone) {
    Dataset<Row> engagedWith = wh.readUpTo(Tables.ENGAGEMENT_EVENTS, last).where(col("actor_id").isin(ids));
    Dataset<Row> people = posts.where(postNamesThem(ids)).select("user_id")
        .unionByName(posts.join(gone.withColumnRenamed("post_id", "quote_of_post_id"),
            Columns.using("quote_of_post_id"), "left_semi").select("user_id"))
        .unionByName(engagedWith.where(col("target_user_id").isNotNull()).select(col("target_user_id")
            .as("user_id")))
        .unionByName(posts.join(engagedWith.select("post_id").distinct(), Columns.using("post_id"), "left_semi")
            .select("user_id"))
        .where(not(col("user_id").isin(ids)));
    return people.distinct().collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
  }

  /** Others' posts without the people's ids and handles. */
  private static Dataset<Row> scrubbed(Dataset<Row> posts, Object[] ids, Dataset<Row> gone, Set<String> handles) {
    Dataset<Row> goneRefs = gone.select(col("post_id").as("_gone_ref"), lit(true).as("_gone"));
    Dataset<Row> withRefs = posts
        .join(goneRefs.withColumnRenamed("_gone", "_reply_gone"), col("reply_to_post_id").equalTo(col("_gone_ref")),
            "left").drop("_gone_ref")
        .join(goneRefs.withColumnRenamed("_gone", "_quote_gone"), col("quote_of_post_id").equalTo(col("_gone_ref")),
            "left").drop("_gone_ref");
    Column text = col("text");
    if (!handles.isEmpty()) {
      String alternatives = handles.stream().map(Pattern::quote).collect(Collectors.joining("|"));
      text = functions.regexp_replace(text, "(?i)@(" + alternatives + ")(?![A-Za-z0-9_])", FORGOTTEN_HANDLE);
    }
    return withRefs
        .withColumn("text", text)
        .withColumn("mention_user_ids", functions.filter(col("mention_user_ids"), m -> not(m.isin(ids))))
        .withColumn("reply_to_user_id", when(col("reply_to_user_id").isin(ids), lit(null).cast("string"))
            .otherwise(col("reply_to_user_id")))
        .withColumn("reply_to_post_id", when(col("_reply_gone"), lit(null).cast("string"))
            .otherwise(col("reply_to_post_id")))
        .withColumn("quote_of_post_id", when(col("_quote_gone"), lit(null).cast("string"))
            .otherwise(col("quote_of_post_id")))
        .drop("_reply_gone", "_quote_gone");
  }

  /** A row of theirs ({@code user_id} is one of them; a row without a user is not). */
  private static Column isThem(Object[] ids) {
    return functions.coalesce(col("user_id").isin(ids), lit(false));
  }

  /** A post that mentions them or replies to them. */
  private static Column postNamesThem(Object[] ids) {
    return functions.exists(col("mention_user_ids"), m -> m.isin(ids))
        .or(functions.coalesce(col("reply_to_user_id").isin(ids), lit(false)));
  }

  /** An engagement event they made or received. */
  private static Column eventNamesThem(Object[] ids) {
    return col("actor_id").isin(ids).or(functions.coalesce(col("target_user_id").isin(ids), lit(false)));
  }

  /** A +K they gave or received. */
  private static Column pluskNamesThem(Object[] ids) {
    return col("giver_id").isin(ids).or(col("receiver_id").isin(ids));
  }

  private static Column mentionsAny(Column lowered, List<String> needles) {
    Column any = lit(false);
    for (String n : needles) {
      any = any.or(functions.coalesce(lowered.contains(n), lit(false)));
    }
    return any;
  }
}
