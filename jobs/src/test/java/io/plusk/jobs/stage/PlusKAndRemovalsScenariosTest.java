package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.linking.LinkFeedback;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The +K, removal and score scenarios users were promised, with hand-checked numbers (docs/scoring.md). */
class PlusKAndRemovalsScenariosTest extends SparkTestBase {
  private static final PluskConfig CONFIG = PluskConfig.defaults();
  private static final LocalDate DAY = LocalDate.parse("2026-11-25");
  private static final StructType PAIRS = new StructType().add("user_id", DataTypes.StringType)
      .add("topic_id", DataTypes.StringType);
  private static final StructType SCORES = PAIRS.add("score", DataTypes.DoubleType);
  private static final StructType GIVEN = new StructType().add("giver_id", DataTypes.StringType)
      .add("receiver_id", DataTypes.StringType);
  private static final StructType REMOVED = PAIRS.add("removed", DataTypes.BooleanType);
  private static final StructType NAMES = new StructType().add("user_id", DataTypes.StringType)
      .add("screen_name", DataTypes.StringType);

  private static final String WINE = ONTOLOGY.require("wine").id();
  private static final String COFFEE = ONTOLOGY.require("coffee").id();

  private static String accepted(String giver, String receiver, String topicId, String ts) {
    return String.format("{\"giver_id\":\"%s\",\"receiver_id\":\"%s\",\"topic_id\":\"%s\",\"ts\":\"%s\","
        + "\"reason\":null}", giver, receiver, topicId, ts);
  }

  private static Map<String, Double> weights(Dataset<Row> acceptedToday, Dataset<Row> listed, Dataset<Row> scores,
                                             Dataset<Row> recent) {
    return PlusKRules.weigh(acceptedToday, listed, scores, recent, CONFIG.plusk()).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("giver_id")) + ">"
            + r.getString(r.fieldIndex("receiver_id")), r -> r.getDouble(r.fieldIndex("weight"))));
  }

  @Test
  void plusKOnATopicTheReceiverIsNotListedForCountsAtTheLowerWeight() {
    Dataset<Row> today = rows(ACCEPTED_TODAY, accepted("g1", "listed", WINE, "2026-11-25T08:00:00Z"),
        accepted("g1", "unlisted", WINE, "2026-11-25T08:01:00Z"),
        accepted("expert", "listed", WINE, "2026-11-25T08:02:00Z"));
    Dataset<Row> listed = rows(PAIRS, String.format("{\"user_id\":\"listed\",\"topic_id\":\"%s\"}", WINE));
    Dataset<Row> scores = rows(SCORES, String.format("{\"user_id\":\"expert\",\"topic_id\":\"%s\",\"score\":50.0}",
        WINE));
    Map<String, Double> w = weights(today, listed, scores, rows(GIVEN));
    assertThat(w).containsEntry("g1>listed", 1.0).containsEntry("g1>unlisted", 0.5)
        // An expert giver (score 50) counts 1 × (1 + 1.0 × 50 / 100) = 1.5.
        .containsEntry("expert>listed", 1.5);
  }

  @Test
  void mutualPlusKRingsAreDamped() {
    Dataset<Row> today = rows(ACCEPTED_TODAY, accepted("a", "b", WINE, "2026-11-25T08:00:00Z"),
        accepted("c", "d", WINE, "2026-11-25T08:00:00Z"));
    Dataset<Row> listed = rows(PAIRS, String.format("{\"user_id\":\"b\",\"topic_id\":\"%s\"}", WINE),
        String.format("{\"user_id\":\"d\",\"topic_id\":\"%s\"}", WINE));
    // b vouched for a two weeks ago (another topic): a's +K for b today is part of a ring.
    Dataset<Row> recent = rows(GIVEN, "{\"giver_id\":\"b\",\"receiver_id\":\"a\"}");
    Map<String, Double> w = weights(today, listed, rows(SCORES), recent);
    assertThat(w).containsEntry("a>b", 0.5).containsEntry("c>d", 1.0);
  }

  @Test
  void aViralPostWeighsLessThanSteadyEngagement() {
    List<String> engaged = new java.util.ArrayList<>();
    List<String> links = new java.util.ArrayList<>();
    engaged.add("{\"post_id\":\"viral\",\"user_id\":\"v\",\"engagement_weight\":100.0,\"engagement_count\":100,"
        + "\"engagers\":100}");
    links.add(String.format("{\"post_id\":\"viral\",\"user_id\":\"v\",\"topic_id\":\"%s\",\"confidence\":1.0,"
        + "\"matched_text\":\"wine\",\"context_terms\":[]}", WINE));
    for (int i = 0; i < 10; i++) {
      engaged.add(String.format("{\"post_id\":\"s%d\",\"user_id\":\"s\",\"engagement_weight\":5.0,"
          + "\"engagement_count\":5,\"engagers\":5}", i));
      links.add(String.format("{\"post_id\":\"s%d\",\"user_id\":\"s\",\"topic_id\":\"%s\",\"confidence\":1.0,"
          + "\"matched_text\":\"wine\",\"context_terms\":[]}", i, WINE));
    }
    Map<String, Double> evidence = ScoreJob.userTopicDaily(table(Tables.ENGAGED_POSTS, engaged.toArray(String[]::new)),
            table(Tables.POST_TOPICS, links.toArray(String[]::new)), 5, CONFIG.scoring().breadthShare())
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(r.fieldIndex("evidence"))));
    // viral: 1 × (1 + 0.5 ln 101 + 0.5 ln 101) = 5.615; steady: 10 × (1 + ln 6) = 27.918
    assertThat(evidence.get("v")).isCloseTo(5.615, within(1e-3));
    assertThat(evidence.get("s")).isCloseTo(27.918, within(1e-3));
  }

  private static String daily(String user, String topic, double evidence, String dt) {
    return String.format("{\"user_id\":\"%s\",\"topic_id\":\"%s\",\"posts\":1,\"engagement_count\":1,"
        + "\"engagers\":1,\"evidence\":%s,\"evidence_posts\":[{\"post_id\":\"p\",\"weight\":%s}],"
        + "\"evidence_terms\":[],\"dt\":\"%s\"}", user, topic, evidence, evidence, dt);
  }

  private static Map<String, Double> raw(Dataset<Row> daily, Dataset<Row> plusk) {
    return ScoreJob.topicExpertise(EvidenceWindow.fromDaily(daily, DAY, CONFIG.scoring()), plusk, rows(REMOVED),
            rows(NAMES), TopicFrames.topics(spark, ONTOLOGY), DAY, CONFIG.scoring())
        .rows().collectAsList().stream().collect(Collectors.toMap(r -> r.getString(r.fieldIndex("user_id")) + "/"
            + r.getString(r.fieldIndex("topic_slug")), r -> r.getDouble(r.fieldIndex("raw_evidence"))));
  }

  @Test
  void plusKSlowsTheDecayOfItsTopicAndChangesNoOtherTopic() {
    Dataset<Row> daily = table(Tables.USER_TOPIC_DAILY, daily("u", WINE, 8.0, "2026-10-26"),
        daily("u", COFFEE, 8.0, "2026-10-26"));
    Map<String, Double> without = raw(daily, table(Tables.PLUSK_ACCEPTED));
    Map<String, Double> with = raw(daily, table(Tables.PLUSK_ACCEPTED, String.format("{\"giver_id\":\"g\","
        + "\"receiver_id\":\"u\",\"topic_id\":\"%s\",\"ts\":\"2026-11-25T08:00:00Z\",\"weight\":1.0,"
        + "\"dt\":\"2026-11-25\"}", WINE)));
    // 30 days old: half-life 30 → 4.0; with +K the half-life doubles → 8 × 0.5^(1/2) = 5.657, plus the +K's 1.0.
    assertThat(without.get("u/wine")).isCloseTo(4.0, within(1e-4));
    assertThat(with.get("u/wine")).isCloseTo(6.6569, within(1e-4));
    assertThat(with.get("u/coffee")).isEqualTo(without.get("u/coffee"));
  }

  @Test
  void aGiverRepeatingCountsLessThanNewGivers() {
    Dataset<Row> daily = table(Tables.USER_TOPIC_DAILY);
    String k = "{\"giver_id\":\"%s\",\"receiver_id\":\"%s\",\"topic_id\":\"" + WINE + "\",\"ts\":\"%s\","
        + "\"weight\":1.0,\"dt\":\"2026-11-25\"}";
    Map<String, Double> r = raw(daily, table(Tables.PLUSK_ACCEPTED,
        String.format(k, "g", "same", "2026-11-25T08:00:00Z"), String.format(k, "g", "same", "2026-11-25T09:00:00Z"),
        String.format(k, "g1", "many", "2026-11-25T08:00:00Z"), String.format(k, "g2", "many", "2026-11-25T09:00:00Z")));
    assertThat(r.get("same/wine")).isCloseTo(1.5, within(1e-9));
    assertThat(r.get("many/wine")).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void afterEnoughUsersRemoveTwinsForParentingPostsTheLinkerStopsLinkingThem() {
    String twins = ONTOLOGY.require("minnesota-twins").id();
    String text = "took the twins to their first game today, what a win";
    Dataset<Row> post = table(Tables.ENGAGED_POSTS, "{\"post_id\":\"p\",\"user_id\":\"mom\",\"text\":\"" + text
        + "\",\"hashtags\":[]}");
    var linking = CONFIG.linking();
    assertThat(LinkJob.link(spark, post, ONTOLOGY, linking, LinkFeedback.NONE).where(col("topic_id").equalTo(twins))
        .count()).as("the ambiguous post links the baseball team at first").isEqualTo(1);

    // Six parents had "twins" → Minnesota Twins on their posts; five of them removed the topic.
    String[] links = new String[6];
    String[] removed = new String[5];
    for (int i = 0; i < 6; i++) {
      links[i] = String.format("{\"post_id\":\"p%d\",\"user_id\":\"u%d\",\"topic_id\":\"%s\",\"confidence\":0.7,"
          + "\"method\":\"alias\",\"matched_text\":\"Twins\",\"context_terms\":[],\"dt\":\"2026-11-20\"}", i, i, twins);
      if (i < 5) {
        removed[i] = String.format("{\"user_id\":\"u%d\",\"topic_id\":\"%s\",\"removed\":true}", i, twins);
      }
    }
    Row fb = ScoreJob.linkFeedback(LinkUsage.directLinks(table(Tables.POST_TOPICS, links)), rows(REMOVED, removed),
            CONFIG.linkFeedback())
        .collectAsList().get(0);
    assertThat(fb.getString(fb.fieldIndex("matched_text"))).isEqualTo("twins");
    assertThat(fb.getLong(fb.fieldIndex("users_with_link"))).isEqualTo(6);
    assertThat(fb.getLong(fb.fieldIndex("removals"))).isEqualTo(5);
    assertThat(fb.getDouble(fb.fieldIndex("removal_rate"))).isCloseTo(0.8333, within(1e-4));
    assertThat(fb.getDouble(fb.fieldIndex("weight"))).isEqualTo(0.2);

    Map<String, Double> learned = new HashMap<>();
    learned.put(LinkFeedback.key("twins", twins), fb.getDouble(fb.fieldIndex("weight")));
    assertThat(LinkJob.link(spark, post, ONTOLOGY, linking, new LinkFeedback(learned))
        .where(col("topic_id").equalTo(twins)).count()).isZero();
  }

  @Test
  void fewRemovalsTeachNothing() {
    String twins = ONTOLOGY.require("minnesota-twins").id();
    Row fb = ScoreJob.linkFeedback(LinkUsage.directLinks(table(Tables.POST_TOPICS,
            String.format("{\"post_id\":\"p\",\"user_id\":\"u\",\"topic_id\":\"%s\",\"matched_text\":\"Twins\"}", twins))),
            rows(REMOVED, String.format("{\"user_id\":\"u\",\"topic_id\":\"%s\",\"removed\":true}", twins)),
            CONFIG.linkFeedback())
        .collectAsList().get(0);
    assertThat(fb.getDouble(fb.fieldIndex("weight"))).isEqualTo(1.0);
  }

  private static final StructType ACCEPTED_TODAY = new StructType().add("giver_id", DataTypes.StringType)
      .add("receiver_id", DataTypes.StringType).add("topic_id", DataTypes.StringType)
      .add("ts", DataTypes.TimestampType).add("reason", DataTypes.StringType);
}
