package io.plusk.jobs.perks;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import io.plusk.common.ingest.ComplianceNotice;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Frames;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where the platform withholds accounts and statuses, as its latest notice for each says up to the date (by time,
 * then day and line): a later notice replaces the countries of an earlier one. {@code XX} is the platform's code
 * for every country.
 */
public final class Withholdings {
  /** The platform's country code for "withheld everywhere". */
  public static final String EVERY_COUNTRY = "XX";

  private Withholdings() {}

  /**
   * {@code (user_id, post_id, withheld_country)}: an account withheld in the country where {@code post_id} is null,
   * else one of its statuses.
   */
  public static Dataset<Row> asOf(Warehouse wh, LocalDate date) {
    Dataset<Row> notices = wh.readUpTo(Tables.COMPLIANCE_EVENTS, date);
    Dataset<Row> accounts = latest(notices.where(col("notice").equalTo(ComplianceNotice.USER_WITHHELD)), "user_id")
        .select(col("user_id"), lit(null).cast("string").as("post_id"),
            explode(col("countries")).as("withheld_country"));
    Dataset<Row> statuses = latest(notices.where(col("notice").equalTo(ComplianceNotice.STATUS_WITHHELD)),
            "post_id")
        .select(col("user_id"), col("post_id"), explode(col("countries")).as("withheld_country"));
    return accounts.unionByName(statuses);
  }

  private static Dataset<Row> latest(Dataset<Row> notices, String key) {
    return Frames.firstPerGroup(notices, new String[] {key}, col("ts").desc_nulls_last(), col("dt").desc(),
        col("line_no").desc());
  }
}
