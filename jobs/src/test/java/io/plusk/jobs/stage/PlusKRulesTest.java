package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PlusKRulesTest extends SparkTestBase {
  private static final StructType USERS = new StructType().add("user_id", DataTypes.StringType);

  private static String k(String giver, String receiver, String topic, String ts, int line) {
    return String.format("{\"giver_id\":\"%s\",\"receiver_id\":\"%s\",\"topic\":\"%s\",\"ts\":\"%s\","
        + "\"source_file\":\"k\",\"line_no\":%d,\"dt\":\"2026-11-25\"}", giver, receiver, topic, ts, line);
  }

  /** receiver|topic → reason ("accepted" when null), keyed by line number. */
  private static Map<Long, String> decide(Dataset<Row> events, Dataset<Row> history) {
    return decide(events, history, history);
  }

  private static Map<Long, String> decide(Dataset<Row> events, Dataset<Row> history, Dataset<Row> onEventDays) {
    return decide(events, history, onEventDays, rows(USERS));
  }

  private static Map<Long, String> decide(Dataset<Row> events, Dataset<Row> history, Dataset<Row> onEventDays,
                                          Dataset<Row> optedOut) {
    Dataset<Row> users = rows(USERS, "{\"user_id\":\"g\"}", "{\"user_id\":\"g2\"}", "{\"user_id\":\"r1\"}",
        "{\"user_id\":\"r2\"}", "{\"user_id\":\"r3\"}", "{\"user_id\":\"r4\"}", "{\"user_id\":\"r5\"}",
        "{\"user_id\":\"r6\"}");
    Map<Long, String> out = new HashMap<>();
    for (Row r : PlusKRules.decide(events, history, onEventDays, users, optedOut, TopicFrames.keys(spark, ONTOLOGY),
        PluskConfig.defaults().plusk()).collectAsList()) {
      String reason = r.getString(r.fieldIndex("reason"));
      out.put(r.getLong(r.fieldIndex("line_no")), reason == null ? "accepted" : reason);
    }
    return out;
  }

  @Test
  void theSixthPlusKOfADayIsRejectedTheFirstFiveByTimeCount() {
    List<String> events = new ArrayList<>();
    for (int i = 6; i >= 1; i--) {
      events.add(k("g", "r" + i, "wine", String.format("2026-11-25T%02d:00:00Z", 8 + i), i));
    }
    Map<Long, String> d = decide(table(Tables.PLUSK_EVENTS, events.toArray(String[]::new)),
        table(Tables.PLUSK_ACCEPTED));
    assertThat(d).containsEntry(1L, "accepted").containsEntry(5L, "accepted").containsEntry(6L, "daily_limit");
    assertThat(d.values().stream().filter("accepted"::equals).count()).isEqualTo(5);
  }

  @Test
  void theDailyLimitCountsWhatAnEarlierRunAcceptedForTheSameUtcDay() {
    // Yesterday's run accepted three +K dated today (timestamps into the next day are accepted by ingest).
    String wineId = ONTOLOGY.require("wine").id();
    List<String> earlier = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      earlier.add(String.format("{\"giver_id\":\"g\",\"receiver_id\":\"x%d\",\"topic_id\":\"%s\","
          + "\"ts\":\"2026-11-25T0%d:00:00Z\",\"weight\":1.0,\"dt\":\"2026-11-24\"}", i, wineId, i));
    }
    // And one dated the day before, which counts against that day, not today.
    earlier.add(String.format("{\"giver_id\":\"g\",\"receiver_id\":\"x9\",\"topic_id\":\"%s\","
        + "\"ts\":\"2026-11-24T23:00:00Z\",\"weight\":1.0,\"dt\":\"2026-11-24\"}", wineId));
    Dataset<Row> history = table(Tables.PLUSK_ACCEPTED, earlier.toArray(String[]::new));
    Map<Long, String> d = decide(table(Tables.PLUSK_EVENTS,
        k("g", "r1", "wine", "2026-11-25T10:00:00Z", 1),
        k("g", "r2", "wine", "2026-11-25T11:00:00Z", 2),
        k("g", "r3", "wine", "2026-11-25T12:00:00Z", 3),
        k("g2", "r3", "wine", "2026-11-25T12:00:00Z", 4)), table(Tables.PLUSK_ACCEPTED), history);
    assertThat(d).containsEntry(1L, "accepted").containsEntry(2L, "accepted").containsEntry(3L, "daily_limit")
        .containsEntry(4L, "accepted");
  }

  @Test
  void selfUnknownTopicAndUnknownUsersAreRejected() {
    Map<Long, String> d = decide(table(Tables.PLUSK_EVENTS,
            k("g", "g", "wine", "2026-11-25T08:00:00Z", 1),
            k("g", "r1", "no-such-topic", "2026-11-25T08:01:00Z", 2),
            k("stranger", "r1", "wine", "2026-11-25T08:02:00Z", 3),
            k("g", "ghost", "wine", "2026-11-25T08:03:00Z", 4),
            k("g", "r1", "Minnesota Twins", "2026-11-25T08:04:00Z", 5)),
        table(Tables.PLUSK_ACCEPTED));
    assertThat(d).containsEntry(1L, "self_plusk").containsEntry(2L, "unknown_topic")
        .containsEntry(3L, "unknown_giver").containsEntry(4L, "unknown_receiver").containsEntry(5L, "accepted");
  }

  @Test
  void aPlusKFromOrToSomeoneWhoOptedOutIsRejected() {
    Map<Long, String> d = decide(table(Tables.PLUSK_EVENTS,
            k("g", "r1", "wine", "2026-11-25T08:00:00Z", 1),
            k("g2", "r1", "wine", "2026-11-25T08:01:00Z", 2),
            k("g", "r2", "wine", "2026-11-25T08:02:00Z", 3)),
        table(Tables.PLUSK_ACCEPTED), table(Tables.PLUSK_ACCEPTED),
        rows(USERS, "{\"user_id\":\"g2\"}", "{\"user_id\":\"r2\"}"));
    assertThat(d).containsEntry(1L, "accepted").containsEntry(2L, "opted_out").containsEntry(3L, "opted_out");
  }

  @Test
  void theSameGiverReceiverAndTopicTwiceWithinSevenDaysIsRejected() {
    String wineId = ONTOLOGY.require("wine").id();
    Dataset<Row> history = table(Tables.PLUSK_ACCEPTED, String.format("{\"giver_id\":\"g\",\"receiver_id\":\"r1\","
        + "\"topic_id\":\"%s\",\"ts\":\"2026-11-21T08:00:00Z\",\"weight\":1.0,\"dt\":\"2026-11-21\"}", wineId));
    Map<Long, String> d = decide(table(Tables.PLUSK_EVENTS,
        k("g", "r1", "wine", "2026-11-25T08:00:00Z", 1),
        k("g2", "r1", "wine", "2026-11-25T08:00:00Z", 2),
        k("g2", "r1", wineId, "2026-11-25T09:00:00Z", 3)), history);
    assertThat(d).containsEntry(1L, "repeat_within_window").containsEntry(2L, "accepted")
        .containsEntry(3L, "repeat_within_window");
  }
}
