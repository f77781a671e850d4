package io.plusk.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plusk.common.config.PluskConfig;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.DateStaging;
import io.plusk.jobs.io.RunLock;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.stage.PublishJob;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Ops' view: which dates are published, when, with which counts; which are incomplete. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Lists the dates of the warehouse: published (with when and the main counts) or incomplete "
        + "(tables written but no _SUCCESS: a run failed or is running), the held locks with whether their run is "
        + "alive, and runs whose staged tables are not swapped in yet.")
public final class StatusCommand implements Callable<Integer> {
  @Mixin CommonOptions options;
  @Spec CommandSpec spec;

  /** An ISO instant to the second: a JVM that records nanoseconds must not push the columns out of line. */
  static String toSeconds(String instant) {
    try {
      return java.time.Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return instant;
    }
  }

  @Override
  public Integer call() throws Exception {
    PluskConfig config = options.config();
    Warehouse wh = options.existingWarehouse(config);
    SparkSession spark = wh.spark();
    TreeSet<LocalDate> published = wh.publishedDates();
    TreeSet<LocalDate> any = new TreeSet<>(published);
    for (String t : Tables.ALL) {
      any.addAll(wh.dates(t));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Warehouse %s: %d published dates%n", wh.root(), published.size());
    out.printf("%-10s  %-9s  %-24s  %7s  %10s  %7s  %9s  %10s  %s%n", "date", "status", "published_at", "posts",
        "quarantine", "engaged", "expertise", "code", "config");
    ObjectMapper json = new ObjectMapper();
    for (LocalDate d : any) {
      if (!published.contains(d)) {
        out.printf("%-10s  %-9s%n", d, "INCOMPLETE");
        continue;
      }
      JsonNode s = json.readTree(wh.readText(wh.runFolder(d) + "/" + PublishJob.SUMMARY_FILE));
      JsonNode t = s.get("tables");
      out.printf("%-10s  %-9s  %-24s  %7d  %10d  %7d  %9d  %10s  %s%n", d, "published",
          toSeconds(s.path("published_at").asText()), t.path(Tables.POSTS).asLong(), t.path(Tables.QUARANTINE).asLong(),
          t.path(Tables.ENGAGED_POSTS).asLong(), t.path(Tables.TOPIC_EXPERTISE).asLong(),
          s.path("code_version").asText(), s.path("config_hash").asText().substring(0, 12));
    }
    List<RunLock.Holder> locks = RunLock.held(wh);
    out.printf("%nLocks: %s%n", locks.isEmpty() ? "none" : "");
    for (RunLock.Holder h : locks) {
      out.printf("  %s  pid %d on %s since %s (%s)%n", h.date(), h.pid(), h.host(), h.startedAt(), h.state());
    }
    List<String> staged = DateStaging.inProgress(wh);
    out.printf("Staging: %s%n", staged.isEmpty() ? "none" : "");
    staged.forEach(line -> out.printf("  %s%n", line));
    out.flush();
    return 0;
  }
}
