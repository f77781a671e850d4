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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Stage 5: reads every table of the date back (a table that cannot be read is not published), then writes
 * {@code _runs/dt=D/run_summary.json} (counts per stage and table, quarantine reasons, timings, config hash, code
 * version) and last the {@code _SUCCESS} marker that tells readers the date is complete.
 */
public final class PublishJob implements Stage {
  public static final String SUMMARY_FILE = "run_summary.json";
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

  @Override
  public StageResult execute(JobContext ctx) {
    StageResult result = new StageResult(name());
    Map<String, Long> tableRows = new LinkedHashMap<>();
    for (String table : Tables.ALL) {
      if (!ctx.warehouse().dates(table).contains(ctx.date())) {
        throw new IllegalStateException(String.format(
            "Cannot publish %s: table %s has no complete partition at %s", ctx.date(), table,
            ctx.warehouse().partition(table, ctx.date())));
      }
      long rows = ctx.warehouse().read(table, ctx.date()).count();
      tableRows.put(table, rows);
      result.count(table, rows);
    }
    Map<String, Map<String, Long>> quarantine = new LinkedHashMap<>();
    for (Row r : ctx.warehouse().read(Tables.QUARANTINE, ctx.date()).groupBy("kind", "reason").count()
        .orderBy(col("kind"), col("reason")).collectAsList()) {
      quarantine.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2));
    }

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
      String folder = ctx.warehouse().runFolder(ctx.date());
      ctx.warehouse().writeText(folder + "/" + SUMMARY_FILE, JSON.writeValueAsString(summary) + "\n");
      ctx.warehouse().writeText(folder + "/_SUCCESS", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the run summary for " + ctx.date(), e);
    }
    return result;
  }
}
