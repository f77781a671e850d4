package io.plusk.jobs.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Checks a frame against a table schema before it is written, naming what is missing. */
public final class SchemaGuard {
  private SchemaGuard() {}

  /** Fails with the names of the missing columns, if any. */
  public static void requireColumns(Dataset<Row> rows, StructType schema, String table) {
    Set<String> present = new HashSet<>(Arrays.asList(rows.columns()));
    List<String> missing = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!present.contains(f.name())) {
        missing.add(f.name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(String.format("Table %s: missing columns %s (have %s)", table, missing,
          Arrays.toString(rows.columns())));
    }
  }

  /** Selects the schema's columns in order, cast to their types; extra columns are dropped. */
  public static Dataset<Row> conform(Dataset<Row> rows, StructType schema, String table) {
    requireColumns(rows, schema, table);
    StructType actual = rows.schema();
    Column[] cols = Arrays.stream(schema.fields())
        .map(f -> {
          // Same type up to nullability (simpleString ignores it): Spark refuses such casts, and none is needed.
          boolean same = actual.apply(f.name()).dataType().simpleString().equals(f.dataType().simpleString());
          Column c = functions.col(f.name());
          return (same ? c : c.cast(f.dataType())).as(f.name());
        })
        .toArray(Column[]::new);
    return rows.select(cols);
  }
}
