package io.plusk.jobs.cli;

import io.plusk.common.config.PluskConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that reads or writes tables takes. */
public final class CommonOptions {
  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Day to process (UTC). Default: the latest day found in the input.")
  LocalDate date;

  @Option(names = "--input", paramLabel = "DIR",
      description = "Input root with tweets/, engagements/, plusk/, removals/, users/ day folders. "
          + "Default: plusk.input (data-samples). Local path, hdfs:// or s3a://.")
  String input;

  @Option(names = "--warehouse", paramLabel = "DIR",
      description = "Warehouse root for the Parquet tables. Default: plusk.warehouse (./warehouse).")
  String warehouse;

  @Option(names = "--conf", paramLabel = "FILE",
      description = "HOCON file whose keys override conf/application.conf (e.g. plusk.engaged.lookback-days = 3).")
  Path conf;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (local[*], spark://host:7077, yarn, k8s://...). Default: plusk.spark.master, "
          + "or what spark-submit set.")
  String master;

  PluskConfig config() {
    PluskConfig base = PluskConfig.load(conf);
    Map<String, Object> overrides = new HashMap<>();
    if (input != null) {
      overrides.put("input", input);
    }
    if (warehouse != null) {
      overrides.put("warehouse", warehouse);
    }
    return overrides.isEmpty() ? base : base.with(overrides);
  }

  /** The session and warehouse a command works with, for the resolved configuration. */
  io.plusk.jobs.io.Warehouse warehouse(PluskConfig config) {
    org.apache.spark.sql.SparkSession spark = io.plusk.jobs.Sessions.getOrCreate(config, master);
    return new io.plusk.jobs.io.Warehouse(spark, config.locations().resolve(config.warehouse(), "--warehouse"));
  }
}
