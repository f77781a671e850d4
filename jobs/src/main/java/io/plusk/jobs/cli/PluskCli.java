package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.DataQualityException;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Pipeline;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.Version;
import io.plusk.jobs.report.UserLabel;
import io.plusk.jobs.io.OntologyLoader;
import io.plusk.jobs.io.Warehouse;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The plusk command line. Exit codes: 0 success, 1 failure, 2 usage error, 3 data-quality gate (nothing published
 * for the date).
 */
@Command(name = "plusk", mixinStandardHelpOptions = true, versionProvider = PluskCli.VersionProvider.class,
    description = "Finds what people are expert in, from the day's dumps, with Spark.%n"
        + "Exit codes: 0 success, 1 failure, 2 usage error, 3 data-quality gate failed.",
    subcommands = {PluskCli.Nightly.class, SqlCommand.class, LinkCommand.class, EvaluateCommand.class,
        ImportOntologyCommand.class, ExplainCommand.class, PerksCommand.class, StatusCommand.class,
        UnlockCommand.class, BackfillCommand.class, TopicsCommand.class, ForgetCommand.class,
        CommandLine.HelpCommand.class})
public final class PluskCli {
  public static final int EXIT_DATA_QUALITY = 3;
  /** Stages with a command of their own; "link" is LinkCommand, which also links ad-hoc texts. */
  static final List<String> STAGES = List.of("ingest", "engaged", "score", "publish");
  static final String STAGE_HELP = "Runs only the %s stage for one date (its input tables must exist for that date).";

  public static void main(String[] args) {
    int code = execute(args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }

  /** Runs a command in this JVM and returns its exit code; a SparkSession it starts stays up for the caller. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Every command with its options, as the command line parses them. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PluskCli());
    for (String stage : STAGES) {
      CommandLine sub = new CommandLine(new StageCommand(stage));
      sub.getCommandSpec().usageMessage().description(String.format(STAGE_HELP, stage));
      cli.addSubcommand(stage, sub);
    }
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      err.println("plusk: " + cmd.getCommandName() + " failed: " + e.getMessage());
      err.flush();
      if (e instanceof UsageError || e instanceof io.plusk.common.config.Locations.RefusedException) {
        return CommandLine.ExitCode.USAGE;
      }
      return e instanceof DataQualityException ? EXIT_DATA_QUALITY : CommandLine.ExitCode.SOFTWARE;
    });
    return cli;
  }

  static JobContext context(CommonOptions options, InputOptions input, LocalDate date) {
    PluskConfig config = options.config(input);
    Warehouse warehouse = options.warehouse(config);
    SparkSession spark = warehouse.spark();
    Ontology ontology = OntologyLoader.load(spark, config.locations().resolve(config.ontologyLocation(), "ontology"));
    return new JobContext(spark, config, ontology, config.locations().resolve(config.input(), "--input"), warehouse,
        date == null ? LocalDate.EPOCH : date);
  }

  static LocalDate dateOrLatest(JobContext ctx, LocalDate explicit) {
    return Pipeline.datesToRun(ctx, explicit, false).get(0);
  }

  @Command(name = "nightly", mixinStandardHelpOptions = true,
      description = "Runs ingest, engaged, link, score and publish for a date. Without --date: the latest input day, "
          + "after any earlier input days not yet published (use --no-catch-up to skip those).")
  static final class Nightly implements Callable<Integer> {
    @Mixin CommonOptions options;
    @Mixin InputOptions input;
    @Mixin InputOptions.RunDate day;
    @Spec CommandSpec spec;

    @Option(names = "--no-catch-up", description = "Without --date, run only the latest input day.")
    boolean noCatchUp;

    @Override
    public Integer call() {
      JobContext base = context(options, input, day.date);
      PrintWriter out = spec.commandLine().getOut();
      List<LocalDate> dates = Pipeline.datesToRun(base, day.date, !noCatchUp);
      for (LocalDate d : dates) {
        List<StageResult> results = Pipeline.runDate(base.forDate(d));
        out.printf("%s published: %s%n", d, summaryLine(results));
      }
      LocalDate last = dates.get(dates.size() - 1);
      out.printf("Tables: %s/<table>/dt=%s/  (run summary: %s/run_summary.json)%n", base.warehouse().root(), last,
          base.warehouse().runFolder(last));
      printTopExperts(base.forDate(last), out);
      out.flush();
      return 0;
    }

    private static String summaryLine(List<StageResult> results) {
      StageResult ingest = results.get(0);
      return String.format("%d posts, %d quarantined lines, %d engaged posts, %d topic links, %d expertise rows",
          ingest.get("posts.written"), ingest.get("quarantine.written"),
          results.get(1).get("engaged_posts.written"), results.get(2).get("post_topics.written"),
          results.get(3).get("topic_expertise.written"));
    }

    private static void printTopExperts(JobContext ctx, PrintWriter out) {
      Dataset<Row> te = ctx.warehouse().read(Tables.TOPIC_EXPERTISE, ctx.date())
          .where(col("removed").equalTo(false).and(col("topic_level").geq(3)));
      List<Row> topics = te.groupBy("topic_slug").agg(count("*").as("experts"))
          .orderBy(col("experts").desc(), col("topic_slug")).limit(3).collectAsList();
      for (Row t : topics) {
        List<Row> top = te.where(col("topic_slug").equalTo(t.getString(0))).orderBy("rank_in_topic").limit(3)
            .select("rank_in_topic", "screen_name", "score", "user_id").collectAsList();
        StringBuilder sb = new StringBuilder();
        for (Row r : top) {
          sb.append(String.format("  #%d %s (%.1f)", r.getInt(0), UserLabel.of(r.getString(1), r.getString(3)),
              r.getDouble(2)));
        }
        out.printf("Top in %s (%d experts):%s%n", t.getString(0), t.getLong(1), sb);
      }
    }
  }

  @Command(mixinStandardHelpOptions = true)
  static final class StageCommand implements Callable<Integer> {
    private final String stage;
    @Mixin CommonOptions options;
    @Mixin InputOptions input;
    @Mixin InputOptions.RunDate day;
    @Spec CommandSpec spec;

    StageCommand(String stage) {
      this.stage = stage;
    }

    /** The stage run by another command (link without texts) with that command's options. */
    StageCommand(String stage, CommonOptions options, LocalDate date, CommandSpec spec) {
      this.stage = stage;
      this.options = options;
      this.input = new InputOptions();
      this.day = new InputOptions.RunDate();
      this.day.date = date;
      this.spec = spec;
    }

    @Override
    public Integer call() {
      JobContext base = context(options, input, day.date);
      JobContext ctx = base.forDate(dateOrLatest(base, day.date));
      boolean wasPublished = ctx.warehouse().isPublished(ctx.date());
      StageResult result = Pipeline.runStage(ctx, Pipeline.stage(stage));
      spec.commandLine().getOut().printf("%s %s: %s (%d ms)%n", stage, ctx.date(), result.counts(),
          result.millis());
      if (wasPublished && !ctx.warehouse().isPublished(ctx.date())) {
        // Its tables now come from two runs: readers must not take the date as one complete version.
        spec.commandLine().getOut().printf("%s is no longer published: %s replaced its tables. Run `plusk "
            + "nightly --date %s` (or the later stages and `plusk publish --date %s`) to publish it again; until "
            + "then explain, perks and topics answer for the latest published date.%n", ctx.date(), stage,
            ctx.date(), ctx.date());
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"plusk " + Version.get()};
    }
  }
}
