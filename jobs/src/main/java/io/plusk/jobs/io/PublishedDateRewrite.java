package io.plusk.jobs.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites some tables of a date that is already published, through the same staging as a nightly: under the
 * date's lock, each table is written anew to the staging folder, then all are swapped in together, so a reader sees
 * the date before or after, never a mix. The run summary keeps what was done ({@code rewrites}: when, why, rows per
 * table before and after) and the date's table counts follow. Used for what the people we score ask of their past:
 * deleted posts, erasure.
 *
 * <p>A rewrite killed before its commit leaves the date as it was; one killed during the swaps is rolled forward by
 * the date's next run; one killed after the swaps and before the date's {@code _SUCCESS} is written again leaves
 * the date unpublished (readers skip it; a nightly catch-up or the rewrite run again publishes it).
 */
public final class PublishedDateRewrite {
  private static final Logger LOG = LoggerFactory.getLogger(PublishedDateRewrite.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** The run summary of a date, as the publish stage writes it. */
  private static final String SUMMARY_FILE = "run_summary.json";

  private final Warehouse warehouse;
  private final LocalDate date;
  private final String reason;
  /** What to write, in order: a table's new rows from its old ones, or a stage that writes tables of its own. */
  private final List<Step> steps = new ArrayList<>();

  private record Step(String table, UnaryOperator<Dataset<Row>> rewrite, Stage stage, List<String> tables) {}

  private PublishedDateRewrite(Warehouse warehouse, LocalDate date, String reason) {
    this.warehouse = warehouse;
    this.date = date;
    this.reason = reason;
  }

  /** A rewrite of one published date; {@code reason} goes to the run summary and the log. */
  public static PublishedDateRewrite of(Warehouse warehouse, LocalDate date, String reason) {
    checkArgument(warehouse.isPublished(date), "Cannot rewrite %s of warehouse %s: the date is not published",
        date, warehouse.root());
    return new PublishedDateRewrite(warehouse, date, reason);
  }

  /**
   * Rewrites the table with what {@code rewrite} makes of its rows (with their {@code dt} column). Tables are
   * rewritten in the order given; a later one reading an earlier one of the same date reads its new rows.
   */
  public PublishedDateRewrite table(String table, UnaryOperator<Dataset<Row>> rewrite) {
    checkArgument(Tables.ALL.contains(table), "Unknown table '%s'; known: %s", table, Tables.ALL);
    steps.add(new Step(table, rewrite, null, List.of(table)));
    return this;
  }

  /**
   * Runs {@code stage} for the date as its night did, on what the steps before wrote; {@code tables} are those it
   * writes, whose rows the summary records.
   */
  public PublishedDateRewrite stage(Stage stage, String... tables) {
    for (String table : tables) {
      checkArgument(Tables.ALL.contains(table), "Unknown table '%s' written by stage %s; known: %s", table,
          stage.name(), Tables.ALL);
    }
    steps.add(new Step(null, null, stage, List.of(tables)));
    return this;
  }

  /** Writes, swaps in and records the rewrite; returns {@code [rows before, rows after]} per table. */
  public Map<String, long[]> run(JobContext ctx, Duration staleAfter) {
    checkArgument(ctx.date().equals(date), "A rewrite of %s cannot run its stages for %s", date, ctx.date());
    long start = System.nanoTime();
    Map<String, long[]> rows = new LinkedHashMap<>();
    try (RunLock lock = RunLock.acquire(warehouse, date, staleAfter)) {
      String summaryPath = warehouse.runFolder(date) + "/" + SUMMARY_FILE;
      ObjectNode summary = warehouse.exists(summaryPath)
          ? (ObjectNode) JSON.readTree(warehouse.readText(summaryPath)) : JSON.createObjectNode();
      ObjectNode tableRows = summary.has("tables") ? (ObjectNode) summary.get("tables")
          : summary.putObject("tables");
      warehouse.begin(date);
      try {
        for (Step step : steps) {
          Map<String, Long> before = new LinkedHashMap<>();
          for (String table : step.tables()) {
            before.put(table, tableRows.has(table) ? tableRows.get(table).asLong() : warehouse.rows(table, date));
          }
          if (step.stage() != null) {
            step.stage().run(ctx);
            before.forEach((table, n) -> rows.put(table, new long[] {n, warehouse.rows(table, date)}));
          } else {
            Dataset<Row> rewritten = step.rewrite().apply(warehouse.read(step.table(), date))
                .drop(Tables.PARTITION_COLUMN);
            rows.put(step.table(), new long[] {before.get(step.table()), warehouse.write(rewritten, step.table(),
                date)});
          }
        }
        warehouse.commit(date);
      } finally {
        warehouse.abort(date);
      }
      ObjectNode record = JSON.createObjectNode().put("at", Instant.now().toString()).put("reason", reason);
      ObjectNode changed = record.putObject("tables");
      rows.forEach((table, n) -> {
        changed.putObject(table).put("before", n[0]).put("after", n[1]);
        tableRows.put(table, n[1]);
      });
      ArrayNode history = summary.has("rewrites") ? (ArrayNode) summary.get("rewrites")
          : summary.putArray("rewrites");
      history.add(record);
      warehouse.writeText(summaryPath, JSON.writeValueAsString(summary) + "\n");
      warehouse.writeText(warehouse.runFolder(date) + "/_SUCCESS", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot update the run summary of " + date, e);
    }
    StringBuilder counts = new StringBuilder();
    rows.forEach((table, n) -> counts.append(' ').append(table).append('=').append(n[0]).append("->").append(n[1]));
    LOG.info("rewrite date={} reason=\"{}\" status=done millis={}{}", date, reason,
        (System.nanoTime() - start) / 1_000_000, counts);
    return rows;
  }
}
