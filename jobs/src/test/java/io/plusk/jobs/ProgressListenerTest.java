package io.plusk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.testing.SparkTestBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProgressListenerTest extends SparkTestBase {
  @Test
  void logsTheJobGroupTasksPercentRateAndEta() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener(0, lines::add);
    spark.sparkContext().addSparkListener(listener);
    try {
      spark.sparkContext().setJobGroup("link:2026-11-25", "test", false);
      spark.range(0, 1000, 1, 8).count();
    } finally {
      spark.sparkContext().clearJobGroup();
      // Listener events are delivered asynchronously: give the bus a moment before detaching.
      Thread.sleep(500);
      spark.sparkContext().removeSparkListener(listener);
    }
    assertThat(lines).isNotEmpty();
    assertThat(lines).anyMatch(l -> l.matches(
        "progress group=link:2026-11-25 job=\\d+ tasks=\\d+/\\d+ percent=\\d+ rate=[0-9.]+/s eta=-?\\d+s"));
    assertThat(lines).anyMatch(l -> l.contains("percent=100"));
  }
}
