package io.plusk.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskSkewTest {
  @Test
  void aStageIsNamedAfterThePluskLineBehindTheSharedHelper() {
    String stack = String.join("\n",
        "org.apache.spark.sql.DataFrameWriter.parquet(DataFrameWriter.scala:802)",
        "io.plusk.jobs.io.Warehouse.write(Warehouse.java:115)",
        "io.plusk.jobs.stage.ScoreJob.execute(ScoreJob.java:159)",
        "io.plusk.jobs.Stage.run(Stage.java:22)");
    assertThat(TaskSkew.caller(stack)).isEqualTo(" (ScoreJob.java:159)");
  }

  @Test
  void aStageFromOutsidePluskKeepsItsCallSiteAlone() {
    assertThat(TaskSkew.caller("org.apache.spark.sql.Dataset.count(Dataset.scala:3615)\n"
        + "io.plusk.jobs.io.Warehouse.rows(Warehouse.java:128)")).isEmpty();
  }
}
