package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plusk.common.config.PluskConfig.ScoringSettings;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.SparkTestBase;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's evidence carried night to night (yesterday's state, tonight's daily rows, minus the date that left)
 * is what the window's own daily rows give: the same pairs, posts, engagement, listing date and evidence lists, and
 * sums equal to rounding, for a vouched and an unvouched topic, across a night that did not run, a shorter state and
 * a date rewritten after the state.
 */
class EvidenceWindowTest extends SparkTestBase {
  private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
  /** A five-day window, a three-day half-life (six when vouched), two evidence posts and four terms. */
  private static final ScoringSettings SCORING = new ScoringSettings(5, 3.0, 1.0, 0.0, 2, 0.5, 2.0, 1.0, 1000);
  @TempDir Path tmp;

  @Test
  void theCarriedStateIsTheWindowsOwnEveryNight() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    Random random = new Random(11);
    LocalDate last = FIRST.plusDays(8);
    for (LocalDate d = FIRST; !d.isAfter(last); d = d.plusDays(1)) {
      if (d.equals(FIRST.plusDays(6))) {
        continue; // a night that did not run: no daily rows, no state; the next night carries across it
      }
      wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(random, d)).drop("dt"), Tables.USER_TOPIC_DAILY, d);
      if (d.isBefore(FIRST.plusDays(SCORING.windowDays()))) {
        // Nothing has left the window yet: carried, compared from the first night a date leaves it.
        wh.write(EvidenceWindow.carriedTo(wh, d, SCORING), Tables.USER_TOPIC_WINDOW, d);
        continue;
      }
      Map<String, String> fromWindow = described(EvidenceWindow.fromDaily(
          wh.read(Tables.USER_TOPIC_DAILY, d.minusDays(SCORING.windowDays() - 1L), d), d, SCORING), d);
      if (d.equals(last)) {
        // The dates inside the window out of reach: tonight reads only the state, tonight and the date that left.
        for (int back = 1; back < SCORING.windowDays() - 1; back++) {
          new File(wh.partition(Tables.USER_TOPIC_DAILY, d.minusDays(back)), "_SUCCESS").delete();
        }
      }
      Dataset<Row> carried = EvidenceWindow.carriedTo(wh, d, SCORING);
      wh.write(carried, Tables.USER_TOPIC_WINDOW, d);
      Map<String, String> carriedRows = described(wh.read(Tables.USER_TOPIC_WINDOW, d), d);
      assertThat(carriedRows.keySet()).as("pairs on %s", d).isEqualTo(fromWindow.keySet());
      for (String pair : fromWindow.keySet()) {
        assertSame(pair + " on " + d, carriedRows.get(pair), fromWindow.get(pair));
      }
    }
  }

  @Test
  void aStateOfAShorterWindowIsNotBuiltOn() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    Random random = new Random(5);
    LocalDate d2 = FIRST.plusDays(1);
    wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(random, FIRST)).drop("dt"), Tables.USER_TOPIC_DAILY, FIRST);
    wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(random, d2)).drop("dt"), Tables.USER_TOPIC_DAILY, d2);
    ScoringSettings oneDay = new ScoringSettings(1, 3.0, 1.0, 0.0, 2, 0.5, 2.0, 1.0, 1000);
    wh.write(EvidenceWindow.carriedTo(wh, d2, oneDay), Tables.USER_TOPIC_WINDOW, d2);
    LocalDate d3 = FIRST.plusDays(2);
    wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(random, d3)).drop("dt"), Tables.USER_TOPIC_DAILY, d3);
    assertCarriedIsTheWindows(wh, d3);
  }

  @Test
  void aDateRewrittenAfterTheStateIsNotBuiltOn() throws InterruptedException {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    Random random = new Random(3);
    LocalDate d2 = FIRST.plusDays(1);
    LocalDate d3 = FIRST.plusDays(2);
    for (LocalDate d : List.of(FIRST, d2)) {
      wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(random, d)).drop("dt"), Tables.USER_TOPIC_DAILY, d);
      wh.write(EvidenceWindow.carriedTo(wh, d, SCORING), Tables.USER_TOPIC_WINDOW, d);
    }
    // The first date run again alone, with other rows, after the second night's state had summed the old ones.
    Thread.sleep(1100);
    wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(new Random(4), FIRST)).drop("dt"), Tables.USER_TOPIC_DAILY,
        FIRST);
    wh.write(table(Tables.USER_TOPIC_DAILY, dailyRows(random, d3)).drop("dt"), Tables.USER_TOPIC_DAILY, d3);
    assertCarriedIsTheWindows(wh, d3);
  }

  /** What carriedTo gives on {@code date} is what the window's daily rows give. */
  private static void assertCarriedIsTheWindows(Warehouse wh, LocalDate date) {
    Map<String, String> carried = described(EvidenceWindow.carriedTo(wh, date, SCORING), date);
    Map<String, String> fromWindow = described(EvidenceWindow.fromDaily(wh.read(Tables.USER_TOPIC_DAILY,
        date.minusDays(SCORING.windowDays() - 1L), date), date, SCORING), date);
    assertThat(carried.keySet()).isEqualTo(fromWindow.keySet());
    fromWindow.forEach((pair, expected) -> assertSame(pair, carried.get(pair), expected));
  }

  /**
   * A few people and topics, most pairs active on a night, with posts that recur across nights and weights heavy
   * enough now and then that an old post outranks newer ones until it leaves.
   */
  private static String[] dailyRows(Random random, LocalDate date) {
    List<String> rows = new ArrayList<>();
    for (int u = 0; u < 4; u++) {
      for (int t = 0; t < 2; t++) {
        if (random.nextInt(10) < 4) {
          continue;
        }
        int posts = 1 + random.nextInt(4);
        List<String> items = new ArrayList<>();
        double evidence = 0;
        for (int p = 0; p < posts; p++) {
          double w = Math.round(random.nextDouble() * (random.nextInt(6) == 0 ? 30 : 3) * 10000) / 10000.0;
          evidence += w;
          String id = random.nextInt(4) == 0 ? "again-" + u + "-" + random.nextInt(3) : "p-" + date + "-" + u + t + p;
          items.add(String.format("{\"post_id\":\"%s\",\"weight\":%s}", id, w));
        }
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
          terms.add("\"term" + random.nextInt(8) + "\"");
        }
        rows.add(String.format("{\"user_id\":\"u%d\",\"topic_id\":\"t%d\",\"posts\":%d,\"engagement_count\":%d,"
            + "\"engagers\":1,\"evidence\":%s,\"evidence_posts\":[%s],\"evidence_terms\":[%s],\"dt\":\"%s\"}", u, t,
            posts, 1 + random.nextInt(20), evidence, String.join(",", items.subList(0, Math.min(2, items.size()))),
            String.join(",", terms.stream().distinct().toList()), date));
      }
    }
    return rows.toArray(String[]::new);
  }

  /**
   * Per pair: the counts, listing date and both half-lives' lists as text, then the two sums, for comparing a
   * carried state with one worked out from the window.
   */
  private static Map<String, String> described(Dataset<Row> window, LocalDate date) {
    Dataset<Row> all = window.select("user_id", "topic_id").withColumn("vouched", lit(true));
    Dataset<Row> plain = EvidenceWindow.textEvidence(window, all.limit(0), date, SCORING);
    Dataset<Row> vouched = EvidenceWindow.textEvidence(window, all, date, SCORING);
    Map<String, String> out = new TreeMap<>();
    // One Spark job per night and side: the test is many nights long.
    for (Row r : window.join(plain.select(col("user_id"), col("topic_id"), col("evidence_post_ids").as("p_posts"),
                col("evidence_terms").as("p_terms"), col("text_raw").as("p_raw")), Columns.using("user_id", "topic_id"))
        .join(vouched.select(col("user_id"), col("topic_id"), col("evidence_post_ids").as("v_posts"),
                col("evidence_terms").as("v_terms"), col("text_raw").as("v_raw")), Columns.using("user_id", "topic_id"))
        .collectAsList()) {
      String pair = r.getString(r.fieldIndex("user_id")) + "/" + r.getString(r.fieldIndex("topic_id"));
      out.put(pair, r.getLong(r.fieldIndex("posts")) + " posts, " + r.getLong(r.fieldIndex("engagement_count"))
          + " engagements, listed " + r.get(r.fieldIndex("last_listed_dt")) + ", posts "
          + r.getList(r.fieldIndex("p_posts")) + " / " + r.getList(r.fieldIndex("v_posts")) + ", terms "
          + r.getList(r.fieldIndex("p_terms")) + " / " + r.getList(r.fieldIndex("v_terms")) + "|"
          + r.getDouble(r.fieldIndex("p_raw")) + "|" + r.getDouble(r.fieldIndex("v_raw")));
    }
    return out;
  }

  /** Equal but for the sums, which may differ by rounding: carried is yesterday's times a decay, not a new sum. */
  private static void assertSame(String what, String carried, String fromWindow) {
    String[] c = carried.split("\\|");
    String[] w = fromWindow.split("\\|");
    assertThat(c[0]).as(what).isEqualTo(w[0]);
    for (int i = 1; i < 3; i++) {
      double expected = Double.parseDouble(w[i]);
      assertThat(Double.parseDouble(c[i])).as(what + ", sum " + i).isCloseTo(expected, within(1e-9 * expected));
    }
  }
}
