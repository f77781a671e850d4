package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Frames;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest event per key up to a date, for histories whose latest event decides (removals: per user and topic;
 * opt-outs: per user). Carried night to night: the state of the last date before plus the events since, so a
 * night reads one state and its own events, not every event since the beginning. Without an earlier state (the
 * first night, or a warehouse from before the state tables) it is worked out from the whole history once.
 * The latest is by event time, then the event's date and line, as it always was: a late event dated before the
 * one in the state does not win.
 */
public enum LatestEventState {
  /** Per user and topic as written (case and spaces aside): the topic is resolved when read, by that ontology. */
  REMOVALS(Tables.REMOVAL_EVENTS, Tables.REMOVAL_STATE,
      concat_ws("\u0001", col("user_id"), lower(trim(col("topic"))))),
  OPT_OUTS(Tables.OPT_OUT_EVENTS, Tables.OPT_OUT_STATE, col("user_id"));

  private static final Logger LOG = LoggerFactory.getLogger(LatestEventState.class);
  private static final String KEY = "_state_key";
  private static final String EVENT_DT = "event_dt";

  private final String events;
  private final String state;
  private final Column key;

  LatestEventState(String events, String state, Column key) {
    this.events = events;
    this.state = state;
    this.key = key;
  }

  public String table() {
    return state;
  }

  /**
   * The state at the end of {@code date}, from the state of the last date before it and the events since (the
   * date's own events included, staged or published).
   */
  public Dataset<Row> carriedTo(Warehouse wh, LocalDate date) {
    LocalDate previous = wh.latestBefore(state, date);
    if (previous == null) {
      LOG.info("state={} date={} carried_from=none (worked out from every {} up to the date)", state, date, events);
      return fromWholeHistory(wh, date);
    }
    return latest(wh.read(state, previous).drop(Tables.PARTITION_COLUMN)
        .unionByName(asStateRows(wh.read(events, previous.plusDays(1), date))));
  }

  /**
   * The latest event per key at the end of {@code date} with the event's own date as {@code dt}, as the events
   * table would give it: the date's state, or, for a date without one, worked out from the whole history.
   */
  public Dataset<Row> asOf(Warehouse wh, LocalDate date) {
    Dataset<Row> latest = wh.hasPartition(state, date) ? wh.read(state, date).drop(Tables.PARTITION_COLUMN)
        : fromWholeHistory(wh, date);
    return latest.withColumnRenamed(EVENT_DT, Tables.PARTITION_COLUMN);
  }

  private Dataset<Row> fromWholeHistory(Warehouse wh, LocalDate date) {
    return latest(asStateRows(wh.readUpTo(events, date)));
  }

  /** Events as state rows: their partition date kept as {@code event_dt}. */
  private static Dataset<Row> asStateRows(Dataset<Row> eventRows) {
    return eventRows.withColumnRenamed(Tables.PARTITION_COLUMN, EVENT_DT);
  }

  private Dataset<Row> latest(Dataset<Row> stateRows) {
    return Frames.firstPerGroup(stateRows.withColumn(KEY, key), new String[] {KEY}, col("ts").desc(),
            col(EVENT_DT).desc(), col("line_no").desc())
        .drop(KEY);
  }
}
