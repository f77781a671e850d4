package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.config.PluskConfig.EngagedSettings;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.testing.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class EngagedJobTest extends SparkTestBase {
  private static final EngagedSettings SETTINGS = PluskConfig.defaults().engaged();

  private static String post(String id, String user, String createdAt, String dt) {
    return String.format("{\"post_id\":\"%s\",\"user_id\":\"%s\",\"screen_name\":\"u%s\",\"created_at\":\"%s\","
        + "\"text\":\"post %s\",\"hashtags\":[],\"mention_user_ids\":[],\"is_embedded\":false,"
        + "\"source_file\":\"f\",\"line_no\":1,\"dt\":\"%s\"}", id, user, user, createdAt, id, dt);
  }

  private static String event(String id, String type, String actor, String post, String target, String ts) {
    return String.format("{\"event_id\":\"%s\",\"type\":\"%s\",\"actor_id\":\"%s\",%s%s\"ts\":\"%s\","
            + "\"origin\":\"event\",\"source_file\":\"e\",\"line_no\":1,\"dt\":\"2026-11-25\"}", id, type, actor,
        post == null ? "" : "\"post_id\":\"" + post + "\",", target == null ? "" : "\"target_user_id\":\"" + target + "\",",
        ts);
  }

  private static Map<String, Row> engaged(Dataset<Row> posts, Dataset<Row> events) {
    Dataset<Row> creditable = EngagedJob.creditablePosts(posts);
    Dataset<Row> attributed = EngagedJob.attribute(creditable, events, SETTINGS.lookbackDays());
    List<Row> rows = EngagedJob.engagedPosts(creditable, attributed, SETTINGS).collectAsList();
    return rows.stream().collect(Collectors.toMap(r -> r.getString(r.fieldIndex("post_id")), r -> r));
  }

  @Test
  void countsEngagementByTypeAndKeepsPostsAtTheThreshold() {
    Dataset<Row> posts = table(Tables.POSTS,
        post("p1", "a", "2026-11-25T08:00:00Z", "2026-11-25"),
        post("p2", "b", "2026-11-25T09:00:00Z", "2026-11-25"),
        post("p3", "c", "2026-11-25T09:00:00Z", "2026-11-25"));
    Dataset<Row> events = table(Tables.ENGAGEMENT_EVENTS,
        event("e1", "retweet", "x", "p1", null, "2026-11-25T10:00:00Z"),
        event("e2", "reply", "y", "p1", "a", "2026-11-25T10:05:00Z"),
        event("e3", "quote", "x", "p1", null, "2026-11-25T10:06:00Z"),
        event("e4", "like", "z", "p1", "a", "2026-11-25T10:07:00Z"),
        event("e5", "like", "z", "p2", "b", "2026-11-25T10:07:00Z"),
        event("e6", "reply", "c", "p3", "c", "2026-11-25T10:08:00Z"));
    Map<String, Row> engaged = engaged(posts, events);
    assertThat(engaged).containsOnlyKeys("p1");
    Row p1 = engaged.get("p1");
    assertThat(p1.getLong(p1.fieldIndex("retweets"))).isEqualTo(1);
    assertThat(p1.getLong(p1.fieldIndex("replies"))).isEqualTo(1);
    assertThat(p1.getLong(p1.fieldIndex("quotes"))).isEqualTo(1);
    assertThat(p1.getLong(p1.fieldIndex("likes"))).isEqualTo(1);
    // Likes weigh 0 by default: recorded, not counted.
    assertThat(p1.getLong(p1.fieldIndex("engagement_count"))).isEqualTo(3);
    assertThat(p1.getDouble(p1.fieldIndex("engagement_weight"))).isEqualTo(3.0);
    assertThat(p1.getLong(p1.fieldIndex("engagers"))).isEqualTo(2);
  }

  @Test
  void aReplyTodayCountsForAPostFromEarlierDaysWithinTheLookBack() {
    Dataset<Row> posts = table(Tables.POSTS,
        post("old", "a", "2026-11-22T08:00:00Z", "2026-11-22"),
        post("ancient", "a", "2026-10-01T08:00:00Z", "2026-10-01"));
    Dataset<Row> events = table(Tables.ENGAGEMENT_EVENTS,
        event("e1", "reply", "x", "old", "a", "2026-11-25T10:00:00Z"));
    assertThat(engaged(posts, events)).containsOnlyKeys("old");
  }

  @Test
  void aBareMentionCountsForTheMentionedUsersLatestPostBeforeIt() {
    Dataset<Row> posts = table(Tables.POSTS,
        post("earlier", "a", "2026-11-24T08:00:00Z", "2026-11-24"),
        post("latest", "a", "2026-11-25T08:00:00Z", "2026-11-25"),
        post("after", "a", "2026-11-25T20:00:00Z", "2026-11-25"));
    Dataset<Row> events = table(Tables.ENGAGEMENT_EVENTS,
        event("m1", "mention", "x", null, "a", "2026-11-25T12:00:00Z"));
    Map<String, Row> engaged = engaged(posts, events);
    assertThat(engaged).containsOnlyKeys("latest");
    assertThat(engaged.get("latest").getLong(engaged.get("latest").fieldIndex("mentions"))).isEqualTo(1);
  }

  @Test
  void aBareMentionPastTheLookBackOfTheUsersLastPostCountsForNothingAndTiesGoToTheHigherId() {
    Dataset<Row> posts = table(Tables.POSTS,
        post("old", "a", "2026-11-17T08:00:00Z", "2026-11-17"),
        post("b1", "b", "2026-11-25T08:00:00Z", "2026-11-25"),
        post("b2", "b", "2026-11-25T08:00:00Z", "2026-11-25"));
    Dataset<Row> events = table(Tables.ENGAGEMENT_EVENTS,
        event("m1", "mention", "x", null, "a", "2026-11-25T12:00:00Z"),
        event("m2", "mention", "x", null, "b", "2026-11-25T12:00:00Z"),
        event("m3", "mention", "y", null, "b", "2026-11-25T13:00:00Z"));
    Map<String, Row> engaged = engaged(posts, events);
    assertThat(engaged).containsOnlyKeys("b2");
    assertThat(engaged.get("b2").getLong(engaged.get("b2").fieldIndex("mentions"))).isEqualTo(2);
  }

  @Test
  void retweetsAreNotCreditablePostsAndTheAuthorsOwnCopyWins() {
    Dataset<Row> posts = table(Tables.POSTS,
        "{\"post_id\":\"rt\",\"user_id\":\"b\",\"created_at\":\"2026-11-25T09:00:00Z\",\"text\":\"RT @a: hi\","
            + "\"hashtags\":[],\"mention_user_ids\":[],\"retweet_of_post_id\":\"p\",\"is_embedded\":false,"
            + "\"source_file\":\"f\",\"line_no\":2,\"dt\":\"2026-11-25\"}",
        post("p", "a", "2026-11-25T08:00:00Z", "2026-11-24"),
        post("p", "a", "2026-11-25T08:00:00Z", "2026-11-25"));
    List<Row> creditable = EngagedJob.creditablePosts(posts).collectAsList();
    assertThat(creditable).hasSize(1);
    assertThat(creditable.get(0).getString(creditable.get(0).fieldIndex("dt"))).isEqualTo("2026-11-24");
  }
}
