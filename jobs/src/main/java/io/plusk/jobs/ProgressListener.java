package io.plusk.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Progress of long Spark jobs for a scheduler's log: one line at most every {@code intervalMillis} per running job,
 * with its job group (stage:date), percent of tasks done, rate and ETA. Short jobs log nothing.
 */
public final class ProgressListener extends SparkListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressListener.class);

  private final long intervalMillis;
  private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> stageToJob = new ConcurrentHashMap<>();

  private static final class Job {
    final String group;
    final int totalTasks;
    final long startMillis = System.currentTimeMillis();
    final AtomicInteger done = new AtomicInteger();
    volatile long lastLog = System.currentTimeMillis();

    Job(String group, int totalTasks) {
      this.group = group;
      this.totalTasks = totalTasks;
    }
  }

  private final java.util.function.Consumer<String> sink;

  public ProgressListener(long intervalMillis) {
    this(intervalMillis, LOG::info);
  }

  /** @param sink where progress lines go (the log, or a test's list) */
  public ProgressListener(long intervalMillis, java.util.function.Consumer<String> sink) {
    this.intervalMillis = intervalMillis;
    this.sink = sink;
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    int tasks = 0;
    for (StageInfo s : JavaConverters.seqAsJavaList(start.stageInfos())) {
      tasks += s.numTasks();
      stageToJob.put(s.stageId(), start.jobId());
    }
    String group = start.properties() == null ? null : start.properties().getProperty("spark.jobGroup.id");
    jobs.put(start.jobId(), new Job(group == null ? "spark" : group, tasks));
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    Integer jobId = stageToJob.get(end.stageId());
    Job job = jobId == null ? null : jobs.get(jobId);
    if (job == null) {
      return;
    }
    int done = job.done.incrementAndGet();
    long now = System.currentTimeMillis();
    if (now - job.lastLog >= intervalMillis) {
      job.lastLog = now;
      double seconds = Math.max(0.001, (now - job.startMillis) / 1000.0);
      double rate = done / seconds;
      long eta = rate > 0 ? Math.round(Math.max(0, job.totalTasks - done) / rate) : -1;
      sink.accept(String.format(java.util.Locale.ROOT,
          "progress group=%s job=%d tasks=%d/%d percent=%d rate=%.1f/s eta=%ds", job.group, jobId, done,
          job.totalTasks, job.totalTasks == 0 ? 100 : Math.min(100, 100 * done / job.totalTasks), rate, eta));
    }
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd end) {
    jobs.remove(end.jobId());
    stageToJob.values().removeIf(j -> j == end.jobId());
  }
}
