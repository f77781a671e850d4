package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.plusk.jobs.report.RunReport;
import io.plusk.jobs.report.UserLabel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Stage 5: reads every table of the date back (a table that cannot be read is not published), swaps the run's staged
 * tables in (see {@link io.plusk.jobs.io.DateStaging}), then writes {@code _runs/dt=D/run_summary.json} (counts per stage and table, quarantine reasons, timings, config hash, code
 * version) and last the {@code _SUCCESS} marker that tells readers the date is complete.
 */
public final class PublishJob implements Stage {
  public static final String SUMMARY_FILE = "run_summary.json";
  public static final String REPORT_FILE = "report.html";
  /** The report's changes are those among each topic's top listings of either day. */
  static final int REPORT_TOP_RANKS = 10;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<StageResult> upstream;

  /** @param upstream results of the stages run before in the same process; empty when publish runs alone */
  public PublishJob(List<StageResult> upstream) {
    this.upstream = List.copyOf(upstream);
  }

  @Override
  public String name() {
    return "publish";
  }

  /** Collects the small aggregates of report.html (a few hundred rows at most) and renders it. */
  private String report(JobContext ctx, Map<String, Long> tableRows, Map<String, Map<String, Long>> quarantine,
                        Map<String, Object> summary) {
    var wh = ctx.warehouse();
    Dataset<Row> te = wh.read(Tables.TOPIC_EXPERTISE, ctx.date()).where(col("removed").equalTo(false));
    List<RunReport.Bar> funnel = new ArrayList<>();
    for (StageResult s : upstream) {
      if (s.stage().equals("ingest")) {
        funnel.add(new RunReport.Bar("tweet lines read", s.get("tweets.lines")));
      }
    }
    funnel.add(new RunReport.Bar("posts (valid, deduplicated)", tableRows.get(Tables.POSTS)));
    funnel.add(new RunReport.Bar("engaged posts", tableRows.get(Tables.ENGAGED_POSTS)));
    funnel.add(new RunReport.Bar("linked posts",
        wh.read(Tables.POST_TOPICS, ctx.date()).select("post_id").distinct().count()));
    funnel.add(new RunReport.Bar("users with a listed topic", te.select("user_id").distinct().count()));

    List<RunReport.Bar> reasons = new ArrayList<>();
    quarantine.forEach((kind, byReason) -> byReason.forEach((reason, n) ->
        reasons.add(new RunReport.Bar(kind + ": " + reason, n))));

    List<RunReport.Bar> byExperts = new ArrayList<>();
    for (Row r : te.where(col("topic_level").geq(2)).groupBy("topic_name").count()
        .orderBy(col("count").desc(), col("topic_name")).limit(15).collectAsList()) {
      byExperts.add(new RunReport.Bar(r.getString(0), r.getLong(1)));
    }
    List<RunReport.TopicTop> biggest = new ArrayList<>();
    for (Row t : te.where(col("topic_level").geq(3)).groupBy("topic_id", "topic_name").count()
        .orderBy(col("count").desc(), col("topic_name")).limit(6).collectAsList()) {
      List<RunReport.Expert> top = new ArrayList<>();
      for (Row e : te.where(col("topic_id").equalTo(t.getString(0))).orderBy("rank_in_topic").limit(3)
          .select("rank_in_topic", "screen_name", "score", "user_id").collectAsList()) {
        top.add(new RunReport.Expert(e.getInt(0), UserLabel.of(e.getString(1), e.getString(3)), e.getDouble(2)));
      }
      biggest.add(new RunReport.TopicTop(t.getString(1), t.getLong(2), top));
    }

    LocalDate previous = wh.latestPublishedBefore(ctx.date());
    List<RunReport.Change> changes = new ArrayList<>();
    if (previous != null) {
      // Someone who opted out since the previous date is named in no line of tonight's report.
      Dataset<Row> previousListing = wh.read(Tables.TOPIC_EXPERTISE, previous).where(col("removed").equalTo(false))
          .join(OptOuts.asOf(wh, ctx.date()), io.plusk.jobs.io.Columns.using("user_id"), "left_anti");
      // Only listings that are among a topic's top ones on either day: a small key set, broadcast against each day
      // (one scan of each), instead of a full outer join of two whole days for a 25-line table.
      Column top = col("rank_in_topic").leq(REPORT_TOP_RANKS);
      Dataset<Row> keys = functions.broadcast(previousListing.where(top).select("user_id", "topic_id")
          .unionByName(te.where(top).select("user_id", "topic_id")).distinct());
      Dataset<Row> before = previousListing.join(keys, io.plusk.jobs.io.Columns.using("user_id", "topic_id"))
          .select(col("user_id"), col("topic_id"), col("screen_name").as("b_name"), col("topic_name").as("b_topic"),
              col("score").as("before"));
      Dataset<Row> now = te.join(keys, io.plusk.jobs.io.Columns.using("user_id", "topic_id"))
          .select(col("user_id"), col("topic_id"), col("screen_name"), col("topic_name"), col("score").as("after"));
      for (Row c : before.join(now, io.plusk.jobs.io.Columns.using("user_id", "topic_id"), "full_outer")
          .withColumn("delta", functions.abs(functions.coalesce(col("after"), functions.lit(0.0))
              .minus(functions.coalesce(col("before"), functions.lit(0.0)))))
          .where(col("before").isNull().or(col("after").isNull()).or(col("delta").geq(10.0)))
          .orderBy(col("delta").desc(), col("user_id"), col("topic_id")).limit(25).collectAsList()) {
        String name = c.isNullAt(c.fieldIndex("screen_name")) ? c.getString(c.fieldIndex("b_name"))
            : c.getString(c.fieldIndex("screen_name"));
        String topic = c.isNullAt(c.fieldIndex("topic_name")) ? c.getString(c.fieldIndex("b_topic"))
            : c.getString(c.fieldIndex("topic_name"));
        changes.add(new RunReport.Change(UserLabel.of(name, c.getString(c.fieldIndex("user_id"))), topic,
            c.isNullAt(c.fieldIndex("before")) ? null : c.getDouble(c.fieldIndex("before")),
            c.isNullAt(c.fieldIndex("after")) ? null : c.getDouble(c.fieldIndex("after"))));
      }
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("published at", String.valueOf(summary.get("published_at")));
    facts.put("code version", String.valueOf(summary.get("code_version")));
    facts.put("config hash", String.valueOf(summary.get("config_hash")));
    facts.put("ontology", ctx.ontology().source() + " (" + ctx.ontology().size() + " topics)");
    facts.put("input", ctx.inputRoot());
    long totalMillis = upstream.stream().mapToLong(StageResult::millis).sum();
    if (totalMillis > 0) {
      facts.put("stage time", String.format("%.1f s", totalMillis / 1000.0));
    }
    return RunReport.render(ctx.date().toString(), previous == null ? null : previous.toString(), funnel, reasons,
        byExperts, biggest, changes, facts);
  }

  /** Quarantined records of the date by kind and reason. */
  private static Map<String, Map<String, Long>> quarantineCounts(JobContext ctx) {
    Map<String, Map<String, Long>> quarantine = new LinkedHashMap<>();
    for (Row r : ctx.warehouse().read(Tables.QUARANTINE, ctx.date()).groupBy("kind", "reason").count()
        .orderBy(col("kind"), col("reason")).collectAsList()) {
      quarantine.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2));
    }
    return quarantine;
  }

  /**
   * Renders {@code report.html} of a published date again from its tables as they are now and its run summary:
   * after a rewrite that erased someone, no line of the report may name them.
   */
  @SuppressWarnings("unchecked")
  public static void renderReportAgain(JobContext ctx) {
    var wh = ctx.warehouse();
    String folder = wh.runFolder(ctx.date());
    try {
      Map<String, Object> summary = JSON.readValue(wh.readText(folder + "/" + SUMMARY_FILE), Map.class);
      List<StageResult> upstream = new ArrayList<>();
      ((Map<String, Map<String, Object>>) summary.getOrDefault("stages", Map.of())).forEach((stage, figures) -> {
        StageResult result = new StageResult(stage);
        ((Map<String, Number>) figures.getOrDefault("counts", Map.of()))
            .forEach((name, n) -> result.count(name, n.longValue()));
        upstream.add(result);
      });
      Map<String, Long> tableRows = new LinkedHashMap<>();
      ((Map<String, Number>) summary.getOrDefault("tables", Map.of()))
          .forEach((table, n) -> tableRows.put(table, n.longValue()));
      wh.writeText(folder + "/" + REPORT_FILE,
          new PublishJob(upstream).report(ctx, tableRows, quarantineCounts(ctx), summary));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the report of " + ctx.date() + " again", e);
    }
  }

  @Override
  public StageResult execute(JobContext ctx) {
    StageResult result = new StageResult(name());
    Map<String, Long> tableRows = new LinkedHashMap<>();
    for (String table : Tables.ALL) {
      if (!ctx.warehouse().hasPartition(table, ctx.date())) {
        throw new IllegalStateException(String.format(
            "Cannot publish %s: table %s has no complete partition at %s", ctx.date(), table,
            ctx.warehouse().partition(table, ctx.date())));
      }
      long rows = ctx.warehouse().rows(table, ctx.date());
      tableRows.put(table, rows);
      result.count(table, rows);
    }
    Map<String, Map<String, Long>> quarantine = quarantineCounts(ctx);

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("dt", ctx.date().toString());
    summary.put("published_at", Instant.now().toString());
    summary.put("code_version", Version.get());
    summary.put("config_hash", ctx.config().hash());
    summary.put("ontology", Map.of("source", ctx.ontology().source(), "topics", ctx.ontology().size()));
    summary.put("input", ctx.inputRoot());
    summary.put("warehouse", ctx.warehouse().root());
    summary.put("tables", tableRows);
    summary.put("quarantine", quarantine);
    Map<String, Object> stages = new LinkedHashMap<>();
    for (StageResult s : upstream) {
      stages.put(s.stage(), Map.of("millis", s.millis(), "counts", s.counts()));
    }
    summary.put("stages", stages);
    try {
      String summaryJson = JSON.writeValueAsString(summary) + "\n";
      String reportHtml = report(ctx, tableRows, quarantine, summary);
      result.count("tables_swapped_in", ctx.warehouse().commit(ctx.date()).size());
      String folder = ctx.warehouse().runFolder(ctx.date());
      ctx.warehouse().writeText(folder + "/" + SUMMARY_FILE, summaryJson);
      ctx.warehouse().writeText(folder + "/" + REPORT_FILE, reportHtml);
      ctx.warehouse().writeText(folder + "/_SUCCESS", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the run summary for " + ctx.date(), e);
    }
    return result;
  }
}
