package io.plusk.jobs.cli;

import io.plusk.common.config.PluskConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that reads or writes the warehouse takes. */
public final class CommonOptions {
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
    return config(null);
  }

  /** The configuration with the command line's overrides; {@code input} (null: none) from {@link InputOptions}. */
  PluskConfig config(InputOptions input) {
    PluskConfig base = PluskConfig.load(conf);
    Map<String, Object> overrides = new HashMap<>();
    if (input != null && input.input != null) {
      overrides.put("input", input.input);
    }
    if (warehouse != null) {
      overrides.put("warehouse", warehouse);
    }
    return overrides.isEmpty() ? base : base.with(overrides);
  }

  /**
   * The warehouse of a command that only reads it: one that does not exist is a usage error that says so, not an
   * empty answer ("0 published dates") or Spark's "table or view not found".
   */
  io.plusk.jobs.io.Warehouse existingWarehouse(PluskConfig config) {
    io.plusk.jobs.io.Warehouse wh = warehouse(config);
    if (!wh.exists(wh.root())) {
      throw UsageError.of("--warehouse %s does not exist: a wrong path, or no `plusk nightly` has written it yet",
          wh.root());
    }
    return wh;
  }

  /** The session and warehouse a command works with, for the resolved configuration. */
  io.plusk.jobs.io.Warehouse warehouse(PluskConfig config) {
    org.apache.spark.sql.SparkSession spark = io.plusk.jobs.Sessions.getOrCreate(config, master);
    return new io.plusk.jobs.io.Warehouse(spark, config.locations().resolve(config.warehouse(), "--warehouse"));
  }
}
