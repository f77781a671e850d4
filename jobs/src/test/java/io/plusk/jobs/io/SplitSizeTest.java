package io.plusk.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.jobs.testing.SparkTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A day's dump is read in a few tasks per core, none smaller than Spark's own floor nor over the split size. */
class SplitSizeTest extends SparkTestBase {
  private static final long MB = 1L << 20;
  private static final long MAX_SPLIT = 128 * MB;

  private static long splitsOf(long bytes) {
    long split = RawLines.splitBytes(spark, new RawLines.DayFiles(List.of("day.jsonl"), bytes), MAX_SPLIT);
    assertThat(split).isBetween(RawLines.MIN_SPLIT_BYTES, MAX_SPLIT);
    return (bytes + split - 1) / split;
  }

  @Test
  void aDayOfModestSizeIsSeveralTasksPerCore() {
    int cores = spark.sparkContext().defaultParallelism();
    // 40 MB per core: three tasks per core, so one large dump is not a couple of tasks beside many small ones.
    assertThat(splitsOf(40 * MB * cores)).isEqualTo(3L * cores);
    // A small day: no split under 4 MB, where starting a task costs more than reading its share.
    assertThat(splitsOf(6 * MB)).isEqualTo(2);
    assertThat(splitsOf(MB)).isEqualTo(1);
    // A large day: the split size caps each task.
    assertThat(splitsOf(100 * MAX_SPLIT * cores)).isEqualTo(100L * cores);
  }
}
