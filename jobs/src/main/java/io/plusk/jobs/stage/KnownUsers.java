package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the score stage knows of each person from the scoring window's {@code users}, {@code posts} and
 * {@code engaged_posts}: whether they are known at all (a +K's giver and receiver must be), the newest screen name
 * (the profile's, else the one their engaged posts carried) and whether their newest status says protected.
 * Carried night to night ({@code known_users}, a {@link CarriedWindowState}) so that a night reads one row per
 * person instead of every post of the window. Each fact keeps its date and the newest date decides first (then,
 * within a date, the smallest name, and the newest status by time and line), so the newest carried fact whose date is
 * in the window is exactly the newest fact of the window.
 */
final class KnownUsers implements CarriedWindowState.Definition {
  static final KnownUsers STATE = new KnownUsers();
  private static final String DT = Tables.PARTITION_COLUMN;

  private KnownUsers() {}

  /** The people seen in a users snapshot or as a post's author in the window: one {@code user_id} each. */
  static Dataset<Row> seen(Dataset<Row> knownUsers) {
    return knownUsers.where(col("last_seen_dt").isNotNull()).select("user_id");
  }

  /** The people whose newest status in the window says protected. */
  static Dataset<Row> protectedNow(Dataset<Row> knownUsers) {
    return knownUsers.where(col("is_protected")).select("user_id");
  }

  /** The newest screen name per person: the users snapshot's first, else what their engaged posts said. */
  static Dataset<Row> screenNames(Dataset<Row> knownUsers) {
    return knownUsers.select(col("user_id"), coalesce(col("profile_name"), col("posted_name")).as("screen_name"))
        .where(col("screen_name").isNotNull());
  }

  @Override
  public String table() {
    return Tables.KNOWN_USERS;
  }

  @Override
  public Dataset<Row> factsOf(Warehouse wh, LocalDate from, LocalDate to) {
    Column none = lit(null).cast("string");
    Dataset<Row> profiles = wh.read(Tables.USERS, from, to)
        .select(col("user_id"), col(DT).as("last_seen_dt"), col("screen_name").as("profile_name"),
            when(col("screen_name").isNotNull(), col(DT)).as("profile_dt"));
    Dataset<Row> statuses = wh.read(Tables.POSTS, from, to)
        .select(col("user_id"), col(DT).as("last_seen_dt"), col("is_protected"),
            when(col("is_protected").isNotNull(), col(DT)).as("protected_dt"),
            col("created_at").as("protected_created_at"), col("line_no").as("protected_line_no"));
    Dataset<Row> posted = wh.read(Tables.ENGAGED_POSTS, from, to).where(col("screen_name").isNotNull())
        .select(col("user_id"), none.as("last_seen_dt"), col("screen_name").as("posted_name"),
            col(DT).as("posted_dt"));
    return profiles.unionByName(statuses, true).unionByName(posted, true);
  }

  @Override
  public Dataset<Row> merged(Dataset<Row> rows, LocalDate windowStart) {
    String start = windowStart.toString();
    Dataset<Row> newest = rows.groupBy("user_id").agg(
        max("last_seen_dt").as("last_seen_dt"),
        newestName("profile_name", "profile_dt").as("profile"),
        newestName("posted_name", "posted_dt").as("posted"),
        // A state row has no time or line: its date is before every fact it meets, so they never decide.
        max(when(col("is_protected").isNotNull(), struct(col("protected_dt").as("dt"),
            col("protected_created_at").as("created_at"), col("protected_line_no").as("line_no"),
            col("is_protected").as("flag")))).as("status"));
    Column profileIn = col("profile.dt").geq(start);
    Column postedIn = col("posted.dt").geq(start);
    Column statusIn = col("status.dt").geq(start);
    return newest.select(col("user_id"),
            when(col("last_seen_dt").geq(start), col("last_seen_dt")).as("last_seen_dt"),
            when(profileIn, col("profile.name")).as("profile_name"),
            when(profileIn, col("profile.dt")).as("profile_dt"),
            when(postedIn, col("posted.name")).as("posted_name"),
            when(postedIn, col("posted.dt")).as("posted_dt"),
            when(statusIn, col("status.flag")).as("is_protected"),
            when(statusIn, col("status.dt")).as("protected_dt"))
        .where(col("last_seen_dt").isNotNull().or(col("posted_dt").isNotNull()));
  }

  /** The name of the newest date, the smallest of that date's: the minimum of (minus the date's day, name). */
  private static Column newestName(String name, String dt) {
    return min(when(col(name).isNotNull(), struct(
        datediff(lit("1970-01-01").cast("date"), to_date(col(dt))).as("newest_first"), col(name).as("name"),
        col(dt).as("dt"))));
  }
}
