package io.plusk.jobs.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Spark's task metrics per plusk stage: for every Spark stage of more than one task, its largest and median task
 * (executor run time), so a key that puts most rows into one task shows as a largest task far above the median.
 * Stages are told apart by their job group ({@code <stage>:<date>}, set by the pipeline).
 */
final class TaskSkew extends SparkListener {
  /** Tasks this short say nothing of skew (scheduling noise): a stage counts when its largest task is longer. */
  static final long MIN_LARGEST_MILLIS = 200;

  private final Map<Integer, String> groupOfStage = new ConcurrentHashMap<>();
  private final Map<Integer, List<Long>> taskMillis = new ConcurrentHashMap<>();
  private final Map<Integer, String> nameOfStage = new ConcurrentHashMap<>();

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    String group = submitted.properties() == null ? null
        : submitted.properties().getProperty("spark.jobGroup.id");
    groupOfStage.put(submitted.stageInfo().stageId(), group == null ? "(none)" : group);
    // Where in plusk the stage comes from ("parquet at Warehouse.java:115"), to tell which step of a stage is hot.
    nameOfStage.put(submitted.stageInfo().stageId(), submitted.stageInfo().name()
        + caller(submitted.stageInfo().details()));
  }

  /**
   * The plusk line that asked for the stage, when the call site is a shared helper ("parquet at Warehouse.java"
   * is every table's write): " (ScoreJob.java:159)", or "".
   */
  static String caller(String callStack) {
    for (String frame : callStack.split("\n")) {
      String f = frame.trim();
      if (f.startsWith("io.plusk.") && !f.startsWith("io.plusk.jobs.io.") && f.contains("(") && f.endsWith(")")) {
        return " (" + f.substring(f.lastIndexOf('(') + 1);
      }
    }
    return "";
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      taskMillis.computeIfAbsent(end.stageId(), s -> Collections.synchronizedList(new ArrayList<>()))
          .add(end.taskMetrics().executorRunTime());
    }
  }

  /**
   * Per plusk stage (the job group's part before ':'): how many Spark stages of several tasks it ran, and the one
   * whose largest task is furthest above its median among those whose largest task took at least
   * {@link #MIN_LARGEST_MILLIS}: {@code spark_stages, tasks, worst_largest_millis, worst_median_millis,
   * worst_ratio, worst_stage, worst_stage_tasks} (its name: the call site, and how many tasks it had).
   */
  Map<String, Map<String, Object>> byPipelineStage() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    taskMillis.keySet().stream().sorted().forEach(stageId -> {
      List<Long> tasks;
      synchronized (taskMillis.get(stageId)) {
        tasks = new ArrayList<>(taskMillis.get(stageId));
      }
      if (tasks.size() < 2) {
        return;
      }
      String pipelineStage = groupOfStage.getOrDefault(stageId, "(none)").split(":", 2)[0];
      Collections.sort(tasks);
      long largest = tasks.get(tasks.size() - 1);
      long median = tasks.get(tasks.size() / 2);
      Map<String, Object> s = out.computeIfAbsent(pipelineStage, k -> new LinkedHashMap<>(Map.of(
          "spark_stages", 0, "tasks", 0L, "worst_largest_millis", 0L, "worst_median_millis", 0L,
          "worst_ratio", 0.0, "worst_stage", "", "worst_stage_tasks", 0)));
      s.put("spark_stages", (Integer) s.get("spark_stages") + 1);
      s.put("tasks", (Long) s.get("tasks") + tasks.size());
      double ratio = (double) largest / Math.max(1, median);
      if (largest >= MIN_LARGEST_MILLIS && ratio > (Double) s.get("worst_ratio")) {
        s.put("worst_largest_millis", largest);
        s.put("worst_median_millis", median);
        s.put("worst_ratio", Math.round(ratio * 100) / 100.0);
        s.put("worst_stage", nameOfStage.getOrDefault(stageId, "?"));
        s.put("worst_stage_tasks", tasks.size());
      }
    });
    return out;
  }
}
