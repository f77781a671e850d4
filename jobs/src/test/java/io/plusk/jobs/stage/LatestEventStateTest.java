package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The removal and opt-out states carried night to night decide as the whole history would. */
class LatestEventStateTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.parse("2026-11-23");
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  @TempDir Path tmp;

  private static String removal(String user, String topic, String action, String ts, int line) {
    return String.format("{\"user_id\":\"%s\",\"topic\":\"%s\",\"action\":\"%s\",\"ts\":\"%s\","
        + "\"source_file\":\"r.jsonl\",\"line_no\":%d}", user, topic, action, ts, line);
  }

  private static void removals(Warehouse wh, LocalDate date, String... rows) {
    wh.write(table(Tables.REMOVAL_EVENTS, rows).drop("dt"), Tables.REMOVAL_EVENTS, date);
  }

  /** The (user, topic written, action) of the latest event per user and topic. */
  private static Set<String> decided(List<Row> rows) {
    return rows.stream().map(r -> r.getString(r.fieldIndex("user_id")) + "/" + r.getString(r.fieldIndex("topic"))
        + "/" + r.getString(r.fieldIndex("action"))).collect(Collectors.toSet());
  }

  @Test
  void eachNightReadsTheLastStateAndItsOwnEventsAndALateOlderEventDoesNotWin() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    removals(wh, D1, removal("a", "wine", "remove", "2026-11-23T10:00:00Z", 1),
        removal("b", "Minnesota Twins", "remove", "2026-11-23T11:00:00Z", 2),
        removal("d", "baking", "remove", "2026-11-23T12:00:00Z", 3));
    wh.write(LatestEventState.REMOVALS.carriedTo(wh, D1), Tables.REMOVAL_STATE, D1);
    // Day 2: a restores wine; b's removal is written again in other case (the same topic as written).
    removals(wh, D2, removal("a", "wine", "restore", "2026-11-24T09:00:00Z", 1),
        removal("b", " minnesota twins", "restore", "2026-11-24T09:30:00Z", 2));
    wh.write(LatestEventState.REMOVALS.carriedTo(wh, D2), Tables.REMOVAL_STATE, D2);
    // Day 3's dump brings a late removal of wine by a dated before the restore: the restore still decides.
    removals(wh, D3, removal("a", "wine", "remove", "2026-11-23T23:00:00Z", 1),
        removal("c", "jazz", "remove", "2026-11-25T08:00:00Z", 2));
    // Day 1's events out of the reads' reach: d's removal is known from the carried state alone.
    assertThat(new java.io.File(wh.partition(Tables.REMOVAL_EVENTS, D1), "_SUCCESS").delete()).isTrue();
    List<Row> carried = LatestEventState.REMOVALS.carriedTo(wh, D3).collectAsList();
    assertThat(decided(carried)).containsExactlyInAnyOrder("a/wine/restore", "b/ minnesota twins/restore",
        "c/jazz/remove", "d/baking/remove");
    Row restore = carried.stream().filter(r -> r.getString(0).equals("a")).findFirst().orElseThrow();
    assertThat(restore.getString(restore.fieldIndex("event_dt"))).isEqualTo(D2.toString());
  }

  @Test
  void withoutAnEarlierStateTheWholeHistoryDecidesAndAsOfReadsTheDatesState() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    removals(wh, D1, removal("a", "wine", "remove", "2026-11-23T10:00:00Z", 1));
    removals(wh, D2, removal("b", "jazz", "remove", "2026-11-24T10:00:00Z", 1));
    // No state before day 2 (a warehouse from before the state tables): worked out from every event.
    assertThat(decided(LatestEventState.REMOVALS.carriedTo(wh, D2).collectAsList()))
        .containsExactlyInAnyOrder("a/wine/remove", "b/jazz/remove");
    assertThat(decided(LatestEventState.REMOVALS.asOf(wh, D2).collectAsList()))
        .containsExactlyInAnyOrder("a/wine/remove", "b/jazz/remove");
    wh.write(LatestEventState.REMOVALS.carriedTo(wh, D2), Tables.REMOVAL_STATE, D2);
    List<Row> state = LatestEventState.REMOVALS.asOf(wh, D2).collectAsList();
    // Read as the events table reads: dt is the event's own date.
    assertThat(state).extracting(r -> r.getString(r.fieldIndex("dt")))
        .containsExactlyInAnyOrder(D1.toString(), D2.toString());
  }
}
