package io.plusk.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One step of the nightly flow, runnable alone for a date. */
public interface Stage {
  Logger LOG = LoggerFactory.getLogger(Stage.class);

  String name();

  StageResult execute(JobContext ctx);

  /**
   * Runs the stage under a Spark job group named after the stage and date, and logs its start and its end with
   * counts and time, one line each, for a scheduler's log.
   */
  default StageResult run(JobContext ctx) {
    String group = name() + ":" + ctx.date();
    ctx.spark().sparkContext().setJobGroup(group, "plusk " + name() + " for " + ctx.date(), false);
    LOG.info("stage={} date={} status=started", name(), ctx.date());
    long start = System.nanoTime();
    try {
      StageResult result = execute(ctx);
      result.millis((System.nanoTime() - start) / 1_000_000);
      LOG.info("stage={} date={} status=done millis={} counts={}", name(), ctx.date(), result.millis(),
          result.counts());
      return result;
    } catch (RuntimeException e) {
      LOG.error("stage={} date={} status=failed millis={} error={}", name(), ctx.date(),
          (System.nanoTime() - start) / 1_000_000, e.toString());
      throw e;
    } finally {
      ctx.spark().sparkContext().clearJobGroup();
    }
  }
}
