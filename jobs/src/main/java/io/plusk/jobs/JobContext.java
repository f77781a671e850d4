package io.plusk.jobs;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** What every stage needs for one date: the session, the settings, the ontology and where tables live. */
public record JobContext(SparkSession spark, PluskConfig config, Ontology ontology, String inputRoot,
                         Warehouse warehouse, LocalDate date) {
  public JobContext forDate(LocalDate other) {
    return new JobContext(spark, config, ontology, inputRoot, warehouse, other);
  }
}
