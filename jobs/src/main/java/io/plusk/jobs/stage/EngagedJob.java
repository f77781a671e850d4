package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.config.PluskConfig.EngagedSettings;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import java.util.Map;
import io.plusk.jobs.io.Frames;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage 2: counts the day's engagement per post over the look-back (a reply today to a post from three days ago
 * counts for that post) and keeps the posts whose weighted engagement reaches the threshold. A bare @mention counts
 * for the mentioned user's latest post before it. Engaging with one's own post does not count; posts of protected
 * accounts and of people who opted out earn nothing.
 */
public final class EngagedJob implements Stage {
  @Override
  public String name() {
    return "engaged";
  }

  @Override
  public StageResult execute(JobContext ctx) {
    EngagedSettings settings = ctx.config().engaged();
    Night night = night(ctx);
    Dataset<Row> creditable = night.creditable().persist(StorageLevel.MEMORY_AND_DISK());
    // The figures in three passes, each counting several: each pass reads the look-back's posts or the night's
    // events again, and on a quiet night every Spark job costs a fixed half second.
    Row postFigures = night.posts().where(col("is_embedded").equalTo(false))
        .join(night.protectedAuthors().withColumn("_protected", lit(true)), Columns.using("user_id"), "left")
        .join(night.optedOut().withColumn("_opted_out", lit(true)), Columns.using("user_id"), "left")
        .agg(countDistinct(when(col("_protected"), col("post_id"))),
            countDistinct(when(col("_opted_out"), col("post_id"))))
        .first();
    long protectedPosts = postFigures.getLong(0);
    long optedOutPosts = postFigures.getLong(1);
    Dataset<Row> attributed = attribute(creditable, night.creditedEvents(), settings.lookbackDays())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Row eventFigures = night.events()
        .join(night.optedOutActors().withColumn("_opted_out", lit(true)), Columns.using("actor_id"), "left")
        .agg(count(lit(1)), count(col("_opted_out"))).first();
    long eventCount = eventFigures.getLong(0);
    long optedOutEvents = eventFigures.getLong(1);
    Row attributedFigures = attributed.agg(count(lit(1)),
        count(when(col("actor_id").equalTo(col("user_id")), lit(1)))).first();
    long matched = attributedFigures.getLong(0);
    long selfEngagement = attributedFigures.getLong(1);
    Dataset<Row> engaged = engagedPosts(creditable, attributed, settings);
    long written = ctx.warehouse().write(engaged, Tables.ENGAGED_POSTS, ctx.date());
    attributed.unpersist();
    creditable.unpersist();
    return new StageResult(name())
        .count("engagement_events", eventCount)
        .count("events_matched_to_posts", matched)
        .count("events_unmatched", eventCount - optedOutEvents - matched)
        .count("events_of_opted_out_users", optedOutEvents)
        .count("self_engagement_ignored", selfEngagement)
        .count("posts_of_protected_accounts", protectedPosts)
        .count("posts_of_opted_out_users", optedOutPosts)
        .count("engaged_posts.written", written);
  }

  /**
   * The engaged posts of the context's date, worked out from the warehouse as the stage does: for a published
   * date whose posts or events were rewritten (deleted posts), what the stage would have written without them.
   */
  public static Dataset<Row> engagedOn(JobContext ctx) {
    EngagedSettings settings = ctx.config().engaged();
    Night night = night(ctx);
    return engagedPosts(night.creditable(),
        attribute(night.creditable(), night.creditedEvents(), settings.lookbackDays()), settings);
  }

  /** What one date's engagement is worked out from. */
  private record Night(Dataset<Row> posts, Dataset<Row> events, Dataset<Row> protectedAuthors,
                       Dataset<Row> optedOut, Dataset<Row> creditable, Dataset<Row> optedOutActors) {
    /** What an opted-out person did credits no one either. */
    Dataset<Row> creditedEvents() {
      return events.join(optedOutActors, Columns.using("actor_id"), "left_anti");
    }
  }

  private static Night night(JobContext ctx) {
    Dataset<Row> posts = ctx.warehouse()
        .read(Tables.POSTS, ctx.date().minusDays(ctx.config().engaged().lookbackDays() - 1L), ctx.date());
    Dataset<Row> events = ctx.warehouse().read(Tables.ENGAGEMENT_EVENTS, ctx.date());
    Dataset<Row> protectedAuthors = protectedAuthors(posts);
    Dataset<Row> optedOut = OptOuts.asOf(ctx.warehouse(), ctx.date());
    Dataset<Row> creditable = creditablePosts(posts.join(protectedAuthors, Columns.using("user_id"), "left_anti")
        .join(optedOut, Columns.using("user_id"), "left_anti"));
    return new Night(posts, events, protectedAuthors, optedOut, creditable,
        optedOut.withColumnRenamed("user_id", "actor_id"));
  }

  /**
   * Authors whose newest status in the look-back says their account is protected: none of their posts is public
   * now, so none counts (kept in {@code posts} for the accounting, never engaged, linked or scored). Newest by the
   * dump it came in first: a status's author object is the account as it was when the status was delivered (an
   * old status embedded in tonight's retweet says what the account is tonight), and the score stage's carried
   * {@code known_users} orders the same way (KnownUsers).
   */
  public static Dataset<Row> protectedAuthors(Dataset<Row> posts) {
    return Frames.firstPerGroup(posts.where(col("is_protected").isNotNull()), new String[] {"user_id"},
            col("dt").desc(), col("created_at").desc(), col("line_no").desc())
        .where(col("is_protected"))
        .select("user_id");
  }

  /** Posts that can earn engagement: one row per post id (the author's copy, first day seen), retweets excluded. */
  public static Dataset<Row> creditablePosts(Dataset<Row> posts) {
    return Frames.firstPerGroup(posts.where(col("retweet_of_post_id").isNull()), new String[] {"post_id"},
        col("is_embedded").asc(), col("dt").asc(), col("line_no").asc());
  }

  /** Each event with the post it engages and that post's author; events on posts outside the window drop out. */
  public static Dataset<Row> attribute(Dataset<Row> posts, Dataset<Row> events, int lookbackDays) {
    Dataset<Row> authors = posts.select(col("post_id").as("p_post_id"), col("user_id"),
        col("created_at").as("p_created_at"));
    Dataset<Row> direct = events.where(col("post_id").isNotNull())
        .join(authors, col("post_id").equalTo(col("p_post_id")))
        .select(col("event_id"), col("type"), col("actor_id"), col("post_id"), col("user_id"), col("ts"));
    // One row per author with their posts of the window, so a bare mention meets one row, not one per post: a
    // celebrity's million mentions would otherwise be multiplied by their hundred posts on one key. The latest post
    // at or before the mention (newest first, then the highest id) is picked from the array.
    Dataset<Row> postsByAuthor = authors.groupBy("user_id")
        .agg(collect_list(struct(col("p_created_at").as("created_at"), col("p_post_id").as("post_id")))
            .as("recent_posts"));
    Dataset<Row> bare = events.where(col("post_id").isNull().and(col("type").equalTo("mention")))
        .join(postsByAuthor, col("target_user_id").equalTo(col("user_id")))
        .withColumn("mentioned_post", expr("array_max(filter(recent_posts, p -> p.created_at <= ts"
            + " AND p.created_at >= ts - make_interval(0, 0, 0, " + lookbackDays + ")))"))
        .where(col("mentioned_post").isNotNull())
        .select(col("event_id"), col("type"), col("actor_id"), col("mentioned_post.post_id").as("post_id"),
            col("user_id"), col("ts"));
    return direct.unionByName(bare);
  }

  /** Aggregates attributed events per post and keeps the posts at or over the threshold. */
  public static Dataset<Row> engagedPosts(Dataset<Row> posts, Dataset<Row> attributed, EngagedSettings settings) {
    Column weight = lit(0.0);
    for (Map.Entry<String, Double> w : settings.weights().entrySet()) {
      weight = when(col("type").equalTo(w.getKey()), lit(w.getValue())).otherwise(weight);
    }
    Dataset<Row> perPost = attributed.where(col("actor_id").notEqual(col("user_id")))
        .withColumn("w", weight)
        .groupBy("post_id")
        .agg(typeCount("retweet").as("retweets"), typeCount("reply").as("replies"),
            typeCount("quote").as("quotes"), typeCount("mention").as("mentions"), typeCount("like").as("likes"),
            count(when(col("w").gt(0), true)).as("engagement_count"), sum("w").as("engagement_weight"),
            countDistinct(when(col("w").gt(0), col("actor_id"))).as("engagers"))
        .where(col("engagement_weight").geq(settings.minEngagement()));
    return posts.select("post_id", "user_id", "screen_name", "created_at", "text", "hashtags")
        .join(perPost, "post_id");
  }

  private static Column typeCount(String type) {
    return count(when(col("type").equalTo(type), true));
  }
}
