package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.lit;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fact about the scoring window that the score stage carries night to night instead of reading every date of the
 * window again: the state of the last date before, plus the facts of the dates since, merged and pruned to the
 * window. A {@link Definition} merges with orderings where the newest date decides first, so that the carried state
 * is exactly what the window's own facts give; without a usable state (none, one older than the window, or one
 * written for a shorter window) it is worked out from the window. The deletion and {@code forget} rewrites run the
 * score stage again oldest date first, so each date's state builds on the rewritten one before it.
 */
final class CarriedWindowState {
  private static final Logger LOG = LoggerFactory.getLogger(CarriedWindowState.class);
  /** The window the state was written for: a longer window tonight cannot build on it. */
  static final String WINDOW_DAYS = "window_days";

  /** What one carried table holds and how its rows merge. */
  interface Definition {
    String table();

    /** The facts of the dates {@code from} to {@code to}, in the state's columns (more are allowed). */
    Dataset<Row> factsOf(Warehouse wh, LocalDate from, LocalDate to);

    /**
     * The state from state rows and fact rows together (columns a state row lacks are null): one row per key, the
     * facts dated before {@code windowStart} dropped, in the table's columns without {@value #WINDOW_DAYS}.
     */
    Dataset<Row> merged(Dataset<Row> rows, LocalDate windowStart);
  }

  private CarriedWindowState() {}

  /** The state at the end of {@code date}, for a window of {@code windowDays} days ending there. */
  static Dataset<Row> carriedTo(Definition state, Warehouse wh, LocalDate date, int windowDays) {
    LocalDate windowStart = date.minusDays(windowDays - 1L);
    Usable usable = usableBefore(state.table(), wh, date, windowStart);
    Dataset<Row> rows = usable == null ? state.factsOf(wh, windowStart, date)
        : wh.read(state.table(), usable.date()).drop(Tables.PARTITION_COLUMN, WINDOW_DAYS)
            .unionByName(state.factsOf(wh, usable.date().plusDays(1), date), true);
    return state.merged(rows, windowStart).withColumn(WINDOW_DAYS, lit(windowDays));
  }

  /** A state tonight's can build on: its date and the window it was written for. */
  record Usable(LocalDate date, int windowDays) {
    /** The first date the state's window holds. */
    LocalDate windowStart() {
      return date.minusDays(windowDays - 1L);
    }
  }

  /**
   * The state tonight's can build on: the latest before {@code date} that holds the window from {@code windowStart}
   * on; null (logged why) when there is none and the state must be worked out from the window. An empty state says
   * nothing of its window: worked out again (a night without facts is cheap to work out).
   */
  static Usable usableBefore(String table, Warehouse wh, LocalDate date, LocalDate windowStart) {
    LocalDate previous = wh.latestBefore(table, date);
    String unusable;
    if (previous == null) {
      unusable = "no state before the date";
    } else if (previous.isBefore(windowStart.minusDays(1))) {
      unusable = "the state of " + previous + " is older than the window";
    } else {
      List<Row> first = wh.read(table, previous).select(WINDOW_DAYS).limit(1).collectAsList();
      if (first.isEmpty() || first.get(0).getInt(0) < previous.toEpochDay() - windowStart.toEpochDay() + 1) {
        unusable = "the state of " + previous + " is empty or was written for a shorter window";
      } else {
        LOG.info("state={} date={} carried_from={}", table, date, previous);
        return new Usable(previous, first.get(0).getInt(0));
      }
    }
    LOG.info("state={} date={} carried_from=none ({}: worked out from the window)", table, date, unusable);
    return null;
  }
}
