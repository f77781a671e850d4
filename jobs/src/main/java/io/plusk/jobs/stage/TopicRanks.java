package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.plusk.jobs.io.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-topic maxima and ranks without one task holding a whole topic. Roll-ups put most active users into a few
 * super-topics, so a window partitioned by topic would sort tens of millions of rows in one task. Maxima are an
 * aggregation (combined within each task first) broadcast back. A rank is a row number within a slice of the
 * topic: a topic with more listed rows than {@code rowsPerSlice} is cut at approximate quantiles of its raw
 * evidence into slices of about that size, each slice is numbered on its own, and adds the count of the slices
 * above it. The cut points and counts are fixed on the driver (a few numbers per large topic), so every task sees
 * the same slices whatever order its rows arrive in. The slice size is {@code scoring.rank-slice-rows}.
 */
final class TopicRanks {
  private static final Logger LOG = LoggerFactory.getLogger(TopicRanks.class);
  /** Cut points per topic at most, whatever its size. */
  private static final int MAX_SLICES = 4096;
  private static final StructType CUTS = new StructType().add("topic_id", DataTypes.StringType)
      .add("_cuts", DataTypes.createArrayType(DataTypes.DoubleType));
  private static final StructType OFFSETS = new StructType().add("topic_id", DataTypes.StringType)
      .add("_slice", DataTypes.IntegerType).add("_offset", DataTypes.LongType);

  private TopicRanks() {}

  /**
   * Adds {@code max_listed} and {@code max_all}: the topic's highest raw evidence among listed rows and among all
   * rows ({@code listed} says which are listed).
   */
  static Dataset<Row> withTopicMaxima(Dataset<Row> rows, Column listed) {
    Dataset<Row> maxima = rows.groupBy("topic_id")
        .agg(max(when(listed, col("raw_evidence"))).as("max_listed"), max(col("raw_evidence")).as("max_all"));
    return rows.join(broadcast(maxima), Columns.using("topic_id"));
  }

  /**
   * Adds {@code rankColumn}: 1 for the first listed row of each topic in {@code order} (which must be a total order
   * within a topic that puts higher raw evidence first), null for rows not listed.
   */
  static Dataset<Row> withRankInTopic(Dataset<Row> rows, Column listed, Column[] order, String rankColumn,
                                      long rowsPerSlice) {
    // Rows not listed go through the same window in partitions of their own, unnumbered: a union of the ranked
    // rows with them would set their few tiny tasks beside the ranking's tasks in one stage.
    Column isListed = coalesce(listed, lit(false));
    return sliced(rows, isListed, rowsPerSlice)
        .withColumn("_listed", isListed)
        .withColumn(rankColumn, when(col("_listed"), col("_offset").plus(row_number()
            .over(Window.partitionBy(col("topic_id"), col("_slice"), col("_listed")).orderBy(order)))).cast("int"))
        .drop("_slice", "_offset", "_listed");
  }

  /**
   * The rows with {@code _slice} (0 holds a topic's highest raw evidence) and {@code _offset} (the listed rows of
   * the topic in the slices before it); a topic of at most {@code rowsPerSlice} listed rows is one slice. Only the
   * rows where {@code listed} holds are counted; the others get a slice too.
   */
  static Dataset<Row> sliced(Dataset<Row> rows, Column listed, long rowsPerSlice) {
    SparkSession spark = rows.sparkSession();
    Dataset<Row> listedRows = rows.where(listed);
    List<Row> large = listedRows.groupBy("topic_id").agg(count(lit(1)).as("n"))
        .where(col("n").gt(rowsPerSlice)).collectAsList();
    if (large.isEmpty()) {
      return rows.withColumn("_slice", lit(0)).withColumn("_offset", lit(0L));
    }
    long largest = large.stream().mapToLong(r -> r.getLong(1)).max().orElseThrow();
    int slices = (int) Math.min(MAX_SLICES, (largest + rowsPerSlice - 1) / rowsPerSlice);
    StringBuilder fractions = new StringBuilder();
    for (int i = 1; i < slices; i++) {
      fractions.append(i == 1 ? "" : ", ").append((double) i / slices);
    }
    Object[] largeIds = large.stream().map(r -> r.getString(0)).toArray();
    // percentile_approx is a partial aggregate: each task summarises its rows of the topic, then they merge.
    List<Row> cuts = listedRows.where(col("topic_id").isin(largeIds))
        .groupBy("topic_id")
        .agg(expr("percentile_approx(raw_evidence, array(" + fractions + "), 10000)").as("_cuts"))
        .collectAsList();
    // The number of cut points above the row's value: equal values always share a slice.
    Dataset<Row> withSlice = rows.join(broadcast(spark.createDataFrame(cuts, CUTS)),
            Columns.using("topic_id"), "left")
        .withColumn("_slice", when(col("_cuts").isNull(), lit(0))
            .otherwise(expr("size(filter(_cuts, c -> c > raw_evidence))")))
        .drop("_cuts");
    List<Row> offsets = offsets(withSlice.where(listed).groupBy("topic_id", "_slice").count()
        .where(col("topic_id").isin(largeIds)).collectAsList());
    LOG.info("ranks: {} topics over {} listed rows cut into up to {} slices (largest {} rows)", large.size(),
        rowsPerSlice, slices, largest);
    return withSlice.join(broadcast(spark.createDataFrame(offsets, OFFSETS)), Columns.using("topic_id", "_slice"),
            "left")
        .withColumn("_offset", coalesce(col("_offset"), lit(0L)));
  }

  /** For each (topic, slice), the rows of the topic's slices above it. */
  private static List<Row> offsets(List<Row> sliceCounts) {
    Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
    for (Row r : sliceCounts) {
      byTopic.computeIfAbsent(r.getString(0), t -> new java.util.TreeMap<>()).put(r.getInt(1), r.getLong(2));
    }
    List<Row> out = new ArrayList<>();
    byTopic.forEach((topic, counts) -> {
      long above = 0;
      for (Map.Entry<Integer, Long> e : counts.entrySet()) {
        out.add(RowFactory.create(topic, e.getKey(), above));
        above += e.getValue();
      }
    });
    return out;
  }
}
