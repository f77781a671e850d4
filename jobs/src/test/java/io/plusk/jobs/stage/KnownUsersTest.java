package io.plusk.jobs.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.SparkTestBase;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who is known, protected and called what, carried night to night, is what the window's own rows say. */
class KnownUsersTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.parse("2026-11-20");
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  private static final LocalDate D4 = D1.plusDays(3);
  private static final int WINDOW = 3;
  @TempDir Path tmp;

  private static String profile(String user, String name) {
    return String.format("{\"user_id\":\"%s\",\"screen_name\":\"%s\",\"country\":\"US\"}", user, name);
  }

  private static String status(String user, String createdAt, Boolean isProtected, long line) {
    return String.format("{\"post_id\":\"p-%s-%d\",\"user_id\":\"%s\",\"created_at\":\"%s\",\"text\":\"hi\","
        + "\"hashtags\":[],\"mention_user_ids\":[],\"is_embedded\":false,\"source_file\":\"tweets.jsonl\","
        + "\"line_no\":%d%s}", user, line, user, createdAt, line,
        isProtected == null ? "" : ",\"is_protected\":" + isProtected);
  }

  private static String engaged(String user, String name) {
    return String.format("{\"post_id\":\"e-%s\",\"user_id\":\"%s\",\"screen_name\":\"%s\","
        + "\"created_at\":\"2026-11-21T09:00:00Z\",\"text\":\"hi\",\"hashtags\":[],\"retweets\":1,\"replies\":0,"
        + "\"quotes\":0,\"mentions\":0,\"likes\":0,\"engagement_count\":1,\"engagement_weight\":1.0,"
        + "\"engagers\":1}", user, user, name);
  }

  private static void write(Warehouse wh, String table, LocalDate date, String... rows) {
    wh.write(table(table, rows).drop(Tables.PARTITION_COLUMN), table, date);
  }

  private static Dataset<Row> carriedTo(Warehouse wh, LocalDate date) {
    return CarriedWindowState.carriedTo(KnownUsers.STATE, wh, date, WINDOW);
  }

  private static List<String> sorted(Dataset<Row> rows) {
    return rows.toJSON().collectAsList().stream().sorted().toList();
  }

  @Test
  void theCarriedStateIsTheWindowsNewestFacts() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    write(wh, Tables.USERS, D1, profile("a", "a_old"), profile("d", "d_gone"));
    // b's only status (protected) is of day 1: out of day 4's window, as is d's profile.
    write(wh, Tables.POSTS, D1, status("b", "2026-11-20T08:00:00Z", true, 1));
    write(wh, Tables.POSTS, D2, status("a", "2026-11-21T08:00:00Z", false, 1),
        status("c", "2026-11-21T10:00:00Z", true, 2));
    write(wh, Tables.ENGAGED_POSTS, D2, engaged("b", "b_posted"), engaged("a", "a_posted"));
    write(wh, Tables.USERS, D3, profile("a", "a_new"));
    // c's old status, delivered again tonight (embedded in a retweet), says what the account is tonight: public.
    write(wh, Tables.POSTS, D4, status("c", "2020-01-01T00:00:00Z", false, 7));
    for (LocalDate d : List.of(D1, D2, D3)) {
      wh.write(carriedTo(wh, d), Tables.KNOWN_USERS, d);
    }
    Dataset<Row> fromWindow = KnownUsers.STATE.merged(KnownUsers.STATE.factsOf(wh, D2, D4), D2);
    List<String> expected = sorted(fromWindow);

    // The dates before day 4 out of the reads' reach: the carried state alone holds them.
    for (String table : List.of(Tables.USERS, Tables.POSTS, Tables.ENGAGED_POSTS)) {
      for (LocalDate d : List.of(D1, D2, D3)) {
        new File(wh.partition(table, d), "_SUCCESS").delete();
      }
    }
    Dataset<Row> carried = carriedTo(wh, D4).drop(CarriedWindowState.WINDOW_DAYS);
    assertThat(sorted(carried)).isEqualTo(expected);

    assertThat(sorted(KnownUsers.seen(carried))).containsExactly("{\"user_id\":\"a\"}", "{\"user_id\":\"c\"}");
    assertThat(KnownUsers.protectedNow(carried).count()).isZero();
    assertThat(sorted(KnownUsers.screenNames(carried))).containsExactly(
        "{\"user_id\":\"a\",\"screen_name\":\"a_new\"}", "{\"user_id\":\"b\",\"screen_name\":\"b_posted\"}");
    Row a = carried.where("user_id = 'a'").first();
    assertThat(a.<String>getAs("last_seen_dt")).isEqualTo(D3.toString());
    assertThat(a.<String>getAs("profile_dt")).isEqualTo(D3.toString());
    assertThat(a.<Boolean>getAs("is_protected")).isFalse();
    assertThat(a.<String>getAs("protected_dt")).isEqualTo(D2.toString());
  }

  @Test
  void theNewestStatusOfTheWindowDecidesWhoIsProtected() {
    Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
    write(wh, Tables.POSTS, D1, status("a", "2026-11-20T08:00:00Z", false, 1));
    wh.write(carriedTo(wh, D1), Tables.KNOWN_USERS, D1);
    // Two statuses of one night: the later one says protected.
    write(wh, Tables.POSTS, D2, status("a", "2026-11-21T08:00:00Z", false, 1),
        status("a", "2026-11-21T09:00:00Z", true, 2));
    Dataset<Row> carried = carriedTo(wh, D2);
    assertThat(sorted(KnownUsers.protectedNow(carried))).containsExactly("{\"user_id\":\"a\"}");
    assertThat(sorted(carried.drop(CarriedWindowState.WINDOW_DAYS)))
        .isEqualTo(sorted(KnownUsers.STATE.merged(KnownUsers.STATE.factsOf(wh, D1.minusDays(WINDOW - 2), D2),
            D1.minusDays(WINDOW - 2))));
  }
}
