package io.plusk.jobs;

import io.plusk.common.config.PluskConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds (or joins) the SparkSession with the settings every plusk job relies on. */
public final class Sessions {
  private static org.apache.spark.SparkContext progressRegisteredOn;

  private Sessions() {}

  /**
   * @param masterOverride from --master; null keeps what spark-submit set, else the config's default
   */
  public static SparkSession getOrCreate(PluskConfig config, String masterOverride) {
    SparkConf conf = new SparkConf();
    String master = masterOverride != null ? masterOverride
        : conf.contains("spark.master") ? conf.get("spark.master") : config.sparkMaster();
    SparkSession.Builder builder = SparkSession.builder()
        .appName(config.raw().getString("plusk.spark.app-name"))
        .master(master)
        // Days are UTC days: the +K daily limit and the dt partitions must not move with the machine's zone.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    if (master.startsWith("local")) {
      builder.config("spark.ui.enabled", "false")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
    }
    SparkSession spark = builder.getOrCreate();
    synchronized (Sessions.class) {
      if (progressRegisteredOn != spark.sparkContext()) {
        progressRegisteredOn = spark.sparkContext();
        spark.sparkContext().addSparkListener(
            new ProgressListener(1000L * config.raw().getInt("plusk.spark.progress-interval-seconds")));
      }
    }
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()));
    spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    return spark;
  }
}
