package io.plusk.jobs.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Frame transforms the jobs share. */
public final class Frames {
  private static final String RANK = "_first_per_group";

  private Frames() {}

  /** The first row of each group of {@code keys} in the given order (ties broken by the order's later columns). */
  public static Dataset<Row> firstPerGroup(Dataset<Row> rows, String[] keys, Column... order) {
    Column[] partition = new Column[keys.length];
    for (int i = 0; i < keys.length; i++) {
      partition[i] = col(keys[i]);
    }
    return rows.withColumn(RANK, row_number().over(Window.partitionBy(partition).orderBy(order)))
        .where(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
