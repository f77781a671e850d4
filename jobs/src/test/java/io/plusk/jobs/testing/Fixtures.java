package io.plusk.jobs.testing;

import io.plusk.common.schema.Tables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Test frames from a schema plus JSON rows (missing fields are null), for any SparkSession. */
public final class Fixtures {
  private Fixtures() {}

  /** Rows of a table: its schema plus {@code dt}. */
  public static Dataset<Row> table(SparkSession spark, String table, String... jsonRows) {
    return rows(spark, Tables.schemaOf(table).add(Tables.PARTITION_COLUMN, DataTypes.StringType, true), jsonRows);
  }

  public static Dataset<Row> rows(SparkSession spark, StructType schema, String... jsonRows) {
    StructType nullable = new StructType(Arrays.stream(schema.fields())
        .map(f -> f.copy(f.name(), f.dataType(), true, f.metadata())).toArray(StructField[]::new));
    return spark.read().schema(nullable).json(spark.createDataset(List.of(jsonRows), Encoders.STRING()));
  }
}
