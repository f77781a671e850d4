package io.plusk.jobs.equality;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.plusk.common.config.PluskConfig;
import io.plusk.common.config.PluskConfig.EngagedSettings;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.stage.EngagedJob;
import io.plusk.jobs.testing.Fixtures;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.Before;
import org.junit.Test;

/**
 * spark-testing-base DataFrame equality for the engaged stage: whole frames compared, not spot checks. Runs in its
 * own surefire execution (its base class owns the SparkContext of that JVM).
 */
public class EngagedPostsEqualityTest extends JavaDataFrameSuiteBase {
  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @Before
  public void utc() {
    spark().conf().set("spark.sql.session.timeZone", "UTC");
  }

  private static Dataset<Row> frame(SparkSession spark, String table, String... json) {
    return Fixtures.table(spark, table, json);
  }

  @Test
  public void engagedPostsEqualTheHandCountedFrame() {
    SparkSession s = spark();
    EngagedSettings settings = PluskConfig.defaults().engaged();
    Dataset<Row> posts = frame(s, Tables.POSTS,
        "{\"post_id\":\"p1\",\"user_id\":\"a\",\"screen_name\":\"ann\",\"created_at\":\"2026-11-25T08:00:00Z\","
            + "\"text\":\"Twins win\",\"hashtags\":[\"MNTwins\"],\"mention_user_ids\":[],\"is_embedded\":false,"
            + "\"source_file\":\"f\",\"line_no\":1,\"dt\":\"2026-11-25\"}",
        "{\"post_id\":\"p2\",\"user_id\":\"b\",\"screen_name\":\"bob\",\"created_at\":\"2026-11-24T08:00:00Z\","
            + "\"text\":\"Wine night\",\"hashtags\":[],\"mention_user_ids\":[],\"is_embedded\":false,"
            + "\"source_file\":\"f\",\"line_no\":2,\"dt\":\"2026-11-24\"}",
        "{\"post_id\":\"p3\",\"user_id\":\"c\",\"screen_name\":\"cy\",\"created_at\":\"2026-11-25T08:00:00Z\","
            + "\"text\":\"quiet\",\"hashtags\":[],\"mention_user_ids\":[],\"is_embedded\":false,"
            + "\"source_file\":\"f\",\"line_no\":3,\"dt\":\"2026-11-25\"}");
    Dataset<Row> events = frame(s, Tables.ENGAGEMENT_EVENTS,
        "{\"event_id\":\"1\",\"type\":\"retweet\",\"actor_id\":\"x\",\"post_id\":\"p1\",\"ts\":\"2026-11-25T09:00:00Z\"}",
        "{\"event_id\":\"2\",\"type\":\"retweet\",\"actor_id\":\"y\",\"post_id\":\"p1\",\"ts\":\"2026-11-25T09:01:00Z\"}",
        "{\"event_id\":\"3\",\"type\":\"reply\",\"actor_id\":\"x\",\"post_id\":\"p1\",\"ts\":\"2026-11-25T09:02:00Z\"}",
        "{\"event_id\":\"4\",\"type\":\"mention\",\"actor_id\":\"z\",\"target_user_id\":\"b\","
            + "\"ts\":\"2026-11-25T10:00:00Z\"}",
        "{\"event_id\":\"5\",\"type\":\"like\",\"actor_id\":\"z\",\"post_id\":\"p2\",\"ts\":\"2026-11-25T10:00:00Z\"}",
        "{\"event_id\":\"6\",\"type\":\"quote\",\"actor_id\":\"c\",\"post_id\":\"p3\",\"ts\":\"2026-11-25T10:00:00Z\"}");

    Dataset<Row> creditable = EngagedJob.creditablePosts(posts);
    Dataset<Row> actual = EngagedJob.engagedPosts(creditable,
            EngagedJob.attribute(creditable, events, settings.lookbackDays()), settings)
        .select("post_id", "user_id", "screen_name", "retweets", "replies", "quotes", "mentions", "likes",
            "engagement_count", "engagement_weight", "engagers");
    Dataset<Row> expected = s.createDataFrame(List.of(
        RowFactory.create("p1", "a", "ann", 2L, 1L, 0L, 0L, 0L, 3L, 3.0, 2L),
        RowFactory.create("p2", "b", "bob", 0L, 0L, 0L, 1L, 1L, 1L, 1.0, 1L)), actual.schema());
    assertDataFrameNoOrderEquals(expected, actual);
  }

  @Test
  public void postsFromTweetsBecomeEngagementEvents() {
    SparkSession s = spark();
    Dataset<Row> posts = frame(s, Tables.POSTS,
        "{\"post_id\":\"r1\",\"user_id\":\"b\",\"created_at\":\"2026-11-25T09:00:00Z\",\"text\":\"@a yes @c\","
            + "\"hashtags\":[],\"mention_user_ids\":[\"a\",\"c\"],\"reply_to_post_id\":\"p1\","
            + "\"reply_to_user_id\":\"a\",\"is_embedded\":false,\"source_file\":\"f\",\"line_no\":1}",
        "{\"post_id\":\"t1\",\"user_id\":\"c\",\"created_at\":\"2026-11-25T09:05:00Z\",\"text\":\"RT @a: hi\","
            + "\"hashtags\":[],\"mention_user_ids\":[\"a\"],\"retweet_of_post_id\":\"p1\",\"is_embedded\":false,"
            + "\"source_file\":\"f\",\"line_no\":2}",
        "{\"post_id\":\"p1\",\"user_id\":\"a\",\"created_at\":\"2026-11-25T08:00:00Z\",\"text\":\"hi @b\","
            + "\"hashtags\":[],\"mention_user_ids\":[\"b\"],\"is_embedded\":true,\"source_file\":\"f\",\"line_no\":2}");
    Dataset<Row> actual = io.plusk.jobs.stage.IngestJob.eventsFromPosts(posts)
        .select("type", "actor_id", "post_id", "target_user_id", "origin", "line_no");
    Dataset<Row> expected = s.createDataFrame(List.of(
        RowFactory.create("reply", "b", "p1", "a", "tweet", 1L),
        RowFactory.create("mention", "b", null, "c", "tweet", 1L),
        RowFactory.create("retweet", "c", "p1", null, "tweet", 2L)), actual.schema());
    assertDataFrameNoOrderEquals(expected, actual);
  }

}
