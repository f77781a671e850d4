package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direct links carried night to night are exactly those of the window's post_topics. */
class LinkUsageTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.parse("2026-11-20");
  @TempDir Path tmp;

  private static String link(String user, String text, String topic, String via) {
    return String.format("{\"post_id\":\"p-%s-%s\",\"user_id\":\"%s\",\"topic_id\":\"%s\",\"confidence\":0.7,"
        + "\"method\":\"alias\",\"matched_text\":\"%s\",\"context_terms\":[]%s}", user, text, user, topic, text,
        via == null ? "" : ",\"via_topic_id\":\"" + via + "\"");
  }

  private static void links(Warehouse wh, LocalDate date, String... rows) {
    wh.write(table(Tables.POST_TOPICS, rows).drop("dt"), Tables.POST_TOPICS, date);
  }

  /** "user/text/topic@last date" per row. */
  private static Set<String> rows(Dataset<Row> usage) {
    return usage.collectAsList().stream().map(r -> r.getString(r.fieldIndex("user_id")) + "/"
        + r.getString(r.fieldIndex("matched_text")) + "/" + r.getString(r.fieldIndex("topic_id")) + "@"
        + r.getString(r.fieldIndex("last_dt"))).collect(Collectors.toSet());
  }

  private static Dataset<Row> carriedTo(Warehouse wh, LocalDate date, int windowDays) {
    return CarriedWindowState.carriedTo(LinkUsage.STATE, wh, date, windowDays);
  }

  private static void carry(Warehouse wh, LocalDate date, int windowDays) {
    wh.write(carriedTo(wh, date, windowDays), Tables.LINK_USAGE, date);
  }

  @Test
  void eachNightAddsItsLinksToTheLastStateAndDropsWhatLeftTheWindow() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    LocalDate d2 = D1.plusDays(1);
    LocalDate d3 = D1.plusDays(2);
    LocalDate d4 = D1.plusDays(3);
    links(wh, D1, link("a", "Twins", "t-twins", null), link("b", "Wine", "t-wine", null),
        link("b", "Wine", "t-drinks", "t-wine"));
    carry(wh, D1, 3);
    links(wh, d2, link("a", "TWINS", "t-twins", null), link("c", "Jazz", "t-jazz", null));
    carry(wh, d2, 3);
    links(wh, d3, link("c", "jazz", "t-jazz", null));
    carry(wh, d3, 3);
    // Day 4's window is days 2-4: b's only link (day 1) has left it; a's is there from day 2.
    links(wh, d4, link("d", "Baking", "t-baking", null));
    // Earlier days' links out of the reads' reach: the carried state alone holds them.
    assertThat(new java.io.File(wh.partition(Tables.POST_TOPICS, d2), "_SUCCESS").delete()).isTrue();
    Dataset<Row> carried = carriedTo(wh, d4, 3);
    assertThat(rows(carried)).containsExactlyInAnyOrder("a/twins/t-twins@" + d2, "c/jazz/t-jazz@" + d3,
        "d/baking/t-baking@" + d4);
    assertThat(carried.select("window_days").distinct().collectAsList()).extracting(r -> r.getInt(0))
        .containsExactly(3);
  }

  @Test
  void aStateOfAShorterWindowIsWorkedOutAgainFromTheWindow() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    LocalDate d2 = D1.plusDays(1);
    LocalDate d3 = D1.plusDays(2);
    links(wh, D1, link("a", "Twins", "t-twins", null));
    links(wh, d2, link("b", "Wine", "t-wine", null));
    carry(wh, d2, 1);
    links(wh, d3, link("c", "Jazz", "t-jazz", null));
    // The day-2 state was written for a window of one day: it lacks a's day-1 link that a 3-day window holds.
    assertThat(rows(carriedTo(wh, d3, 3))).containsExactlyInAnyOrder("a/twins/t-twins@" + D1,
        "b/wine/t-wine@" + d2, "c/jazz/t-jazz@" + d3);
    // As long a window as the state's: carried.
    carry(wh, d3, 3);
    assertThat(rows(carriedTo(wh, d3.plusDays(1), 3))).containsExactlyInAnyOrder(
        "b/wine/t-wine@" + d2, "c/jazz/t-jazz@" + d3);
  }
}
