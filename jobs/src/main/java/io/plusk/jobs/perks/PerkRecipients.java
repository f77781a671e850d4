package io.plusk.jobs.perks;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.DateStaging;
import io.plusk.jobs.io.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code perk_recipients} table, {@code <warehouse>/perk_recipients/campaign=NAME/}: who each campaign picked on
 * which date. Recording a campaign's date replaces that date's rows of that campaign only, so a rerun never
 * doubles recipients.
 */
public final class PerkRecipients {
  private final SparkSession spark;
  private final Warehouse warehouse;

  public PerkRecipients(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  private String root() {
    return warehouse.tableRoot(Tables.PERK_RECIPIENTS);
  }

  private String campaignFolder(String campaign) {
    return root() + "/campaign=" + campaign;
  }

  /** All recipients of all campaigns, with a {@code campaign} column. */
  public Dataset<Row> all() {
    StructType schema = Tables.PERK_RECIPIENTS_SCHEMA.add("campaign", DataTypes.StringType);
    if (!warehouse.exists(root())) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).option("basePath", root()).parquet(root() + "/campaign=*");
  }

  /** (user_id, campaign) of the users picked by any other campaign on a date in (from, to]. */
  public Dataset<Row> pickedByOthers(String campaign, LocalDate from, LocalDate to) {
    return all().where(col("campaign").notEqual(campaign).and(col("dt").gt(from.toString()))
            .and(col("dt").leq(to.toString())))
        .select("user_id", "campaign").distinct();
  }

  public void record(String campaign, LocalDate date, List<Row> selected) {
    List<Row> rows = new ArrayList<>();
    String folder = campaignFolder(campaign);
    if (warehouse.exists(folder)) {
      for (Row r : spark.read().schema(Tables.PERK_RECIPIENTS_SCHEMA).parquet(folder)
          .where(col("dt").notEqual(date.toString())).collectAsList()) {
        rows.add(r);
      }
    }
    Timestamp now = Timestamp.from(Instant.now());
    for (Row r : selected) {
      rows.add(RowFactory.create(date.toString(), r.getString(r.fieldIndex("user_id")),
          r.getString(r.fieldIndex("screen_name")), r.getString(r.fieldIndex("country")),
          r.getString(r.fieldIndex("topic_id")), r.getString(r.fieldIndex("topic_slug")),
          r.getDouble(r.fieldIndex("score")), r.getInt(r.fieldIndex("rank")), now));
    }
    replace(campaign, rows);
  }

  /**
   * Takes people out of every campaign's record and out of the selections written under
   * {@code <warehouse>/_perks/} (a selection's ranks stay as they were picked); returns the record rows removed.
   */
  public long forget(Set<String> users) {
    long removed = 0;
    try {
      Path recorded = new Path(root());
      FileSystem fs = recorded.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus c : matching(fs, root() + "/campaign=*")) {
        String campaign = c.getPath().getName().substring("campaign=".length());
        List<Row> all = spark.read().schema(Tables.PERK_RECIPIENTS_SCHEMA).parquet(campaignFolder(campaign))
            .collectAsList();
        List<Row> kept = all.stream().filter(r -> !users.contains(r.getString(r.fieldIndex("user_id")))).toList();
        if (kept.size() < all.size()) {
          replace(campaign, kept);
          removed += all.size() - kept.size();
        }
      }
      for (FileStatus folder : matching(fs, warehouse.root() + "/_perks/*/dt=*")) {
        String at = folder.getPath().toString();
        List<Row> picked = spark.read().schema(PerkSelection.SELECTED).parquet(at + "/parquet").collectAsList();
        List<Row> kept = picked.stream().filter(r -> !users.contains(r.getString(0))).toList();
        if (kept.size() < picked.size()) {
          writeSelection(kept, at);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot take people out of the perk recipients", e);
    }
    return removed;
  }

  /** What a glob matches; none where its parent does not exist (Hadoop answers null then). */
  private static FileStatus[] matching(FileSystem fs, String glob) throws IOException {
    FileStatus[] found = fs.globStatus(new Path(glob));
    return found == null ? new FileStatus[0] : found;
  }

  /** Replaces a campaign's record: written beside the old folder, then swapped in, never half-written. */
  private void replace(String campaign, List<Row> rows) {
    String folder = campaignFolder(campaign);
    String staging = root() + "/_staging-" + campaign + "-" + UUID.randomUUID();
    spark.createDataFrame(rows, Tables.PERK_RECIPIENTS_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
        .parquet(staging);
    try {
      Path target = new Path(folder);
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path aside = new Path(staging + "-replaced");
      DateStaging.swapIn(fs, new Path(staging), target, aside);
      fs.delete(aside, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record recipients of campaign " + campaign, e);
    }
  }

  /** selection.csv (user, screen_name, country, topic, score, rank, why) and the same rows as Parquet. */
  public void writeSelection(List<Row> selected, String folder) {
    StringBuilder csv = new StringBuilder("user_id,screen_name,country,topic,score,rank,why\n");
    for (Row r : selected) {
      csv.append(String.join(",", csvField(r.getString(0)), csvField(r.getString(1)), csvField(r.getString(2)),
          csvField(r.getString(4)), String.valueOf(r.getDouble(5)), String.valueOf(r.getInt(6)),
          csvField(r.getString(7)))).append('\n');
    }
    warehouse.writeText(folder + "/selection.csv", csv.toString());
    spark.createDataFrame(selected, PerkSelection.SELECTED).coalesce(1).write().mode(SaveMode.Overwrite).parquet(folder + "/parquet");
  }

  static String csvField(String s) {
    if (s == null) {
      return "";
    }
    // A leading =, +, - or @ would be a formula in a spreadsheet: quote it with an apostrophe.
    String safe = s.matches("^[=+\\-@].*") ? "'" + s : s;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
