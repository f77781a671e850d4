package io.plusk.jobs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plusk.jobs.cli.PluskCli;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.stage.PublishJob;
import io.plusk.jobs.testing.SparkTestBase;
import io.plusk.jobs.testing.WarehouseSnapshot;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nightly run in which the first attempt of every Spark task fails (reading its input, or closing a part file it
 * wrote) gives the same tables and the same counts as a clean run: retried tasks are neither lost nor counted
 * twice. Needs a master that retries tasks (Maven runs the tests with local[2,3]).
 */
class TaskRetryTest extends SparkTestBase {
  private static final LocalDate D = LocalDate.parse("2026-11-24");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void everyTaskFailingOnceGivesTheSameTablesAndCountsAsACleanRun() throws Exception {
    assertThat(spark.sparkContext().conf().get("spark.master")).as("a master with task retries")
        .matches("local\\[\\d+,\\s*[2-9]\\]");
    Path samples = repoRoot().resolve("data-samples");
    Path clean = tmp.resolve("clean");
    assertThat(nightly(samples.toString(), clean.toString())).isZero();

    spark.sparkContext().hadoopConfiguration().set("fs." + FlakyFileSystem.SCHEME + ".impl",
        FlakyFileSystem.class.getName());
    AtomicInteger failedTasks = new AtomicInteger();
    SparkListener counter = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() != Success$.MODULE$) {
          failedTasks.incrementAndGet();
        }
      }
    };
    spark.sparkContext().addSparkListener(counter);
    String flaky = FlakyFileSystem.SCHEME + "://";
    Path retried = tmp.resolve("retried");
    try {
      assertThat(nightly(flaky + samples, flaky + retried)).isZero();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
    spark.sparkContext().listenerBus().waitUntilEmpty();
    assertThat(failedTasks.get()).as("tasks that failed and were retried").isGreaterThan(10);

    Warehouse cleanWh = new Warehouse(spark, clean.toString());
    Warehouse retriedWh = new Warehouse(spark, retried.toString());
    assertThat(WarehouseSnapshot.of(retriedWh, D)).isEqualTo(WarehouseSnapshot.of(cleanWh, D));
    assertThat(stageCounts(retriedWh)).isEqualTo(stageCounts(cleanWh));
  }

  private static int nightly(String input, String warehouse) {
    return PluskCli.execute("nightly", "--date", D.toString(), "--input", input, "--warehouse", warehouse);
  }

  /** The counts of every stage from the run summary (timings differ, counts must not). */
  private static String stageCounts(Warehouse wh) throws Exception {
    JsonNode summary = JSON.readTree(wh.readText(wh.runFolder(D) + "/" + PublishJob.SUMMARY_FILE));
    StringBuilder sb = new StringBuilder();
    summary.get("stages").fields().forEachRemaining(e -> sb.append(e.getKey()).append(e.getValue().get("counts"))
        .append('\n'));
    return sb.append(summary.get("tables")).append(summary.get("quarantine")).toString();
  }
}
