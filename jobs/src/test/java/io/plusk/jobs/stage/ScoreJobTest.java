package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.config.PluskConfig.ScoringSettings;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ScoreJobTest extends SparkTestBase {
  private static final ScoringSettings SCORING = PluskConfig.defaults().scoring();
  private static final LocalDate DAY = LocalDate.parse("2026-11-25");
  private static final StructType NAMES = new StructType().add("user_id", DataTypes.StringType)
      .add("screen_name", DataTypes.StringType);
  private static final StructType REMOVED = new StructType().add("user_id", DataTypes.StringType)
      .add("topic_id", DataTypes.StringType).add("removed", DataTypes.BooleanType);

  private static String daily(String user, String topic, double evidence, String dt) {
    return String.format("{\"user_id\":\"%s\",\"topic_id\":\"%s\",\"posts\":1,\"engagement_count\":2,"
        + "\"engagers\":2,\"evidence\":%s,\"evidence_posts\":[{\"post_id\":\"p-%s-%s\",\"weight\":%s}],"
        + "\"evidence_terms\":[\"term\"],\"dt\":\"%s\"}", user, topic, evidence, user, dt, evidence, dt);
  }

  private static Map<String, Row> expertise(Dataset<Row> daily, Dataset<Row> plusk, Dataset<Row> removed) {
    return ScoreJob.topicExpertise(EvidenceWindow.fromDaily(daily, DAY, SCORING), plusk, removed, rows(NAMES),
            TopicFrames.topics(spark, ONTOLOGY), DAY, SCORING)
        .rows().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("user_id")) + "/"
            + r.getString(r.fieldIndex("topic_slug")), r -> r));
  }

  @Test
  void evidenceDecaysWithAHalfLifeOfThirtyDaysAndLeavesTheWindowAfterNinety() {
    String wine = ONTOLOGY.require("wine").id();
    Dataset<Row> daily = table(Tables.USER_TOPIC_DAILY,
        daily("today", wine, 8.0, "2026-11-25"),
        daily("month", wine, 8.0, "2026-10-26"),
        daily("quarter", wine, 8.0, "2026-08-28"),
        daily("gone", wine, 8.0, "2026-08-27"));
    Map<String, Row> e = expertise(daily, table(Tables.PLUSK_ACCEPTED), rows(REMOVED));
    assertThat(e.get("today/wine").getDouble(e.get("today/wine").fieldIndex("raw_evidence"))).isEqualTo(8.0);
    assertThat(e.get("month/wine").getDouble(e.get("month/wine").fieldIndex("raw_evidence")))
        .isCloseTo(4.0, within(1e-4));
    assertThat(e.get("quarter/wine").getDouble(e.get("quarter/wine").fieldIndex("raw_evidence")))
        .isCloseTo(8.0 * Math.pow(0.5, 89 / 30.0), within(1e-4));
    // Ninety days old: out of the window that ends today.
    assertThat(e).doesNotContainKey("gone/wine");
    assertThat(e.get("today/wine").getDouble(e.get("today/wine").fieldIndex("score"))).isEqualTo(100.0);
    assertThat(e.get("today/wine").getInt(e.get("today/wine").fieldIndex("rank_in_topic"))).isEqualTo(1);
    assertThat(e.get("quarter/wine").getInt(e.get("quarter/wine").fieldIndex("rank_in_topic"))).isEqualTo(3);
  }

  @Test
  void plusKAloneListsATopicAndARemovedTopicIsFlaggedAndUnranked() {
    String wine = ONTOLOGY.require("wine").id();
    Dataset<Row> daily = table(Tables.USER_TOPIC_DAILY, daily("a", wine, 4.0, "2026-11-25"),
        daily("b", wine, 6.0, "2026-11-25"));
    Dataset<Row> plusk = table(Tables.PLUSK_ACCEPTED, String.format("{\"giver_id\":\"g\",\"receiver_id\":\"c\","
        + "\"topic_id\":\"%s\",\"ts\":\"2026-11-25T08:00:00Z\",\"weight\":1.0,\"dt\":\"2026-11-25\"}", wine));
    Dataset<Row> removed = rows(REMOVED, String.format("{\"user_id\":\"b\",\"topic_id\":\"%s\",\"removed\":true}",
        wine));
    Map<String, Row> e = expertise(daily, plusk, removed);
    Row b = e.get("b/wine");
    assertThat(b.getBoolean(b.fieldIndex("removed"))).isTrue();
    assertThat(b.isNullAt(b.fieldIndex("rank_in_topic"))).isTrue();
    Row a = e.get("a/wine");
    assertThat(a.getInt(a.fieldIndex("rank_in_topic"))).isEqualTo(1);
    assertThat(a.getDouble(a.fieldIndex("score"))).isEqualTo(100.0);
    Row c = e.get("c/wine");
    assertThat(c.getLong(c.fieldIndex("plusk_count"))).isEqualTo(1);
    assertThat(c.getList(c.fieldIndex("plusk_givers"))).containsExactly("g");
    assertThat(c.getInt(c.fieldIndex("rank_in_topic"))).isEqualTo(2);
  }

  @Test
  void aRemovalHidesTheTopicUntilALaterRestore() {
    Dataset<Row> removals = table(Tables.REMOVAL_EVENTS,
        "{\"user_id\":\"u\",\"topic\":\"wine\",\"action\":\"remove\",\"ts\":\"2026-11-20T08:00:00Z\","
            + "\"source_file\":\"r\",\"line_no\":1,\"dt\":\"2026-11-20\"}",
        "{\"user_id\":\"u\",\"topic\":\"Coffee\",\"action\":\"remove\",\"ts\":\"2026-11-20T08:00:00Z\","
            + "\"source_file\":\"r\",\"line_no\":2,\"dt\":\"2026-11-20\"}",
        "{\"user_id\":\"u\",\"topic\":\"coffee\",\"action\":\"restore\",\"ts\":\"2026-11-24T08:00:00Z\","
            + "\"source_file\":\"r\",\"line_no\":1,\"dt\":\"2026-11-24\"}");
    List<Row> removed = ScoreJob.removedTopics(removals, TopicFrames.keys(spark, ONTOLOGY)).collectAsList();
    assertThat(removed).extracting(r -> r.getString(r.fieldIndex("topic_id")))
        .containsExactly(ONTOLOGY.require("wine").id());
  }

  @Test
  void dailyEvidenceSumsPostsWithLogScaledEngagement() {
    String wine = ONTOLOGY.require("wine").id();
    Dataset<Row> engaged = table(Tables.ENGAGED_POSTS,
        "{\"post_id\":\"p1\",\"user_id\":\"u\",\"engagement_weight\":0.0,\"engagement_count\":0,\"engagers\":0}",
        "{\"post_id\":\"p2\",\"user_id\":\"u\",\"engagement_weight\":1.718281828459045,\"engagement_count\":2,"
            + "\"engagers\":2}");
    Dataset<Row> links = table(Tables.POST_TOPICS,
        String.format("{\"post_id\":\"p1\",\"user_id\":\"u\",\"topic_id\":\"%s\",\"confidence\":1.0,"
            + "\"method\":\"alias\",\"matched_text\":\"Wine\",\"context_terms\":[\"vintage\"]}", wine),
        String.format("{\"post_id\":\"p2\",\"user_id\":\"u\",\"topic_id\":\"%s\",\"confidence\":0.4,"
            + "\"method\":\"alias\",\"matched_text\":\"wine\",\"context_terms\":[]}", wine));
    Row r = ScoreJob.userTopicDaily(engaged, links, 5, 0.0).collectAsList().get(0);
    assertThat(r.getDouble(r.fieldIndex("evidence"))).isCloseTo(1.8, within(1e-9));
    assertThat(r.getLong(r.fieldIndex("posts"))).isEqualTo(2);
    assertThat(r.getList(r.fieldIndex("evidence_terms"))).containsExactly("wine", "vintage");
    List<Row> top = r.getList(r.fieldIndex("evidence_posts"));
    assertThat(top).extracting(x -> x.getString(0)).containsExactly("p1", "p2");
  }
}
