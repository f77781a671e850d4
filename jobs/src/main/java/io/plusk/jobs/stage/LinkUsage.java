package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The direct links each person has had in the scoring window (per person, lower-cased matched text and topic: the
 * last date), which link feedback divides removals by. Carried night to night ({@code link_usage}, a
 * {@link CarriedWindowState}): a night reads one state and its own links instead of every link of the window. The
 * last date is a maximum, so the carried state is exactly what the window's links give.
 */
final class LinkUsage implements CarriedWindowState.Definition {
  static final LinkUsage STATE = new LinkUsage();
  private static final String LAST_DT = "last_dt";

  private LinkUsage() {}

  /** One row per (person, lower-cased matched text, topic) of a direct link: what link feedback counts. */
  static Dataset<Row> directLinks(Dataset<Row> postTopics) {
    return datedDirectLinks(postTopics).drop(LAST_DT).distinct();
  }

  /** Each direct link (not a roll-up) as (person, lower-cased matched text, topic, its date). */
  private static Dataset<Row> datedDirectLinks(Dataset<Row> postTopics) {
    return postTopics.where(col("via_topic_id").isNull())
        .select(col("user_id"), lower(col("matched_text")).as("matched_text"), col("topic_id"),
            col(Tables.PARTITION_COLUMN).as(LAST_DT));
  }

  @Override
  public String table() {
    return Tables.LINK_USAGE;
  }

  @Override
  public Dataset<Row> factsOf(Warehouse wh, LocalDate from, LocalDate to) {
    return datedDirectLinks(wh.read(Tables.POST_TOPICS, from, to));
  }

  @Override
  public Dataset<Row> merged(Dataset<Row> rows, LocalDate windowStart) {
    return rows.groupBy("user_id", "matched_text", "topic_id").agg(max(LAST_DT).as(LAST_DT))
        .where(col(LAST_DT).geq(windowStart.toString()));
  }
}
