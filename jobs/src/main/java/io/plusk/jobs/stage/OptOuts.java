package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.ingest.OptOutEvent;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who asked to be left out: a user whose latest opt-out event up to the date (by time, then day and line) is
 * {@code opt_out}. Such a person is in no output of the night: no engaged post, no link, no expertise row, no +K
 * given or received, no perk, no line of the report.
 */
public final class OptOuts {
  private OptOuts() {}

  /** One {@code user_id} column: the users opted out at the end of the date. */
  public static Dataset<Row> asOf(Warehouse wh, LocalDate date) {
    return LatestEventState.OPT_OUTS.asOf(wh, date)
        .where(col("action").equalTo(OptOutEvent.OPT_OUT))
        .select("user_id");
  }
}
