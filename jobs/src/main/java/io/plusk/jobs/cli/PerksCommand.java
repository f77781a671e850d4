package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.report.UserLabel;
import io.plusk.jobs.io.OntologyLoader;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.perks.PerkSelection;
import io.plusk.jobs.perks.Withholdings;
import io.plusk.jobs.stage.ScoreJob;
import io.plusk.jobs.stage.TopicFrames;
import io.plusk.jobs.perks.PerkRecipients;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import io.plusk.jobs.io.Frames;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Marketing's interface: perk recipient selection. */
@Command(name = "perks", mixinStandardHelpOptions = true, description = "Perk campaigns.",
    subcommands = {PerksCommand.Select.class})
public final class PerksCommand {

  private static void addReason(List<String> reasons, long users, String reason) {
    if (users > 0) {
      reasons.add(users + " " + reason);
    }
  }

  @Command(name = "select", mixinStandardHelpOptions = true,
      description = {"Picks the top experts in the given topics (a parent topic includes its descendants) on a "
          + "published date, excluding users who removed the topic or a topic of the campaign above it, users "
          + "outside the countries, users the platform withholds there (or evidence it withholds) and users who got "
          + "a perk from another campaign in the last --cooldown-days. Records them in perk_recipients "
          + "(partitioned by campaign; rerunning the same campaign and date replaces its record, never doubles it) and writes "
          + "selection.csv and Parquet."})
  static final class Select implements Callable<Integer> {
    @Mixin CommonOptions options;
    @Mixin InputOptions.PublishedDate published;
    @Spec CommandSpec spec;

    @Option(names = "--campaign", required = true, paramLabel = "NAME",
        description = "Campaign name: letters, digits, '-' and '_' (it names a folder).")
    String campaign;

    @Option(names = "--topic", required = true, paramLabel = "T",
        description = "Topic slug, id or display name; repeat for several.")
    List<String> topics;

    @Option(names = "--min-score", defaultValue = "0", paramLabel = "S", description = "Minimum score (0-100).")
    double minScore;

    @Option(names = "--country", paramLabel = "CC", description = "ISO-3166 alpha-2 country; repeat for several.")
    List<String> countries = new ArrayList<>();

    @Option(names = "--limit", defaultValue = "500", paramLabel = "N", description = "How many (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cooldown-days", defaultValue = "30", paramLabel = "D",
        description = "Skip users picked by another campaign in the last D days (default ${DEFAULT-VALUE}).")
    int cooldownDays;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where selection.csv and the Parquet go (default <warehouse>/_perks/<campaign>/dt=<date>).")
    String out;

    @Override
    public Integer call() {
      if (!campaign.matches("[A-Za-z0-9_-]{1,64}")) {
        throw UsageError.of("--campaign '%s' must be 1-64 letters, digits, '-' or '_'", campaign);
      }
      if (limit <= 0) {
        throw UsageError.of("--limit must be at least 1, got %d", limit);
      }
      if (cooldownDays < 0) {
        throw UsageError.of("--cooldown-days must be 0 or more, got %d", cooldownDays);
      }
      if (!(minScore >= 0 && minScore <= 100)) {
        throw UsageError.of("--min-score must be in 0..100, got %s", minScore);
      }
      Set<String> countryCodes = new LinkedHashSet<>();
      for (String c : countries) {
        String cc = c.strip().toUpperCase(Locale.ROOT);
        if (!cc.matches("[A-Z]{2}")) {
          throw UsageError.of("--country '%s' is not an ISO-3166 alpha-2 code (e.g. US, FR)", c);
        }
        countryCodes.add(cc);
      }
      PluskConfig config = options.config();
      Warehouse wh = options.existingWarehouse(config);
      SparkSession spark = wh.spark();
      Ontology ontology = OntologyLoader.load(spark, config.ontologyLocation());
      Set<String> topicIds = new LinkedHashSet<>();
      for (String t : topics) {
        Topic topic = UsageError.requireTopic(ontology, "--topic", t);
        topicIds.addAll(ontology.selfAndDescendants(topic.id()));
      }
      LocalDate date = PublishedDates.resolve(wh, published.date);

      Dataset<Row> latestCountry = Frames.firstPerGroup(
              wh.read(Tables.USERS, date.minusDays(config.scoring().windowDays()), date), new String[] {"user_id"},
              col("dt").desc())
          .select("user_id", "country");
      PerkRecipients recipients = new PerkRecipients(spark, wh);
      Dataset<Row> coolingDown = recipients.pickedByOthers(campaign, date.minusDays(cooldownDays), date);
      Dataset<Row> expertise = wh.read(Tables.TOPIC_EXPERTISE, date);
      Dataset<Row> removed = ScoreJob.removedAsOf(wh, TopicFrames.keys(spark, ontology), date);
      PerkSelection.Result result = PerkSelection.select(expertise, latestCountry, coolingDown, removed,
          TopicFrames.covering(spark, ontology, topicIds), Withholdings.asOf(wh, date),
          new PerkSelection.Request(topicIds, minScore, countryCodes, limit));
      List<Row> selected = result.selected();
      PerkSelection.Skipped skipped = result.skipped();

      String folder = out != null ? config.locations().resolve(out, "--out")
          : wh.root() + "/_perks/" + campaign + "/dt=" + date;
      recipients.record(campaign, date, selected);
      recipients.writeSelection(selected, folder);

      PrintWriter pw = spec.commandLine().getOut();
      long candidates = skipped.listed();
      pw.printf("Campaign %s on %s: %d selected from %d listed expert%s in %d topic%s (%s; min score %.1f; "
              + "countries %s; cool-down %d days)%n", campaign, date, selected.size(), candidates,
          candidates == 1 ? "" : "s", topicIds.size(), topicIds.size() == 1 ? "" : "s",
          String.join(", ", topics), minScore, countryCodes.isEmpty() ? "any" : countryCodes, cooldownDays);
      if (candidates > selected.size()) {
        List<String> why = new ArrayList<>();
        addReason(why, skipped.removedTopic(), "removed a topic of the campaign");
        addReason(why, skipped.belowScore(), String.format("below --min-score %.1f", minScore));
        addReason(why, skipped.outsideCountries(), "outside the countries");
        addReason(why, skipped.withheld(), "withheld there (the account or the topic's evidence)");
        addReason(why, skipped.coolingDown(), "in the cool-down" + (skipped.coolingDownCampaigns().isEmpty() ? ""
            : " (picked by " + String.join(", ", skipped.coolingDownCampaigns()) + " in the last " + cooldownDays
                + " days)"));
        addReason(why, skipped.beyondLimit(), "beyond --limit " + limit);
        pw.printf("Skipped %d: %s%n", candidates - selected.size(), String.join(", ", why));
      }
      for (Row r : selected.subList(0, Math.min(10, selected.size()))) {
        pw.printf("  #%d %s (%s) %s %.1f%n", r.getInt(r.fieldIndex("rank")),
            UserLabel.of(r.getString(r.fieldIndex("screen_name")), r.getString(r.fieldIndex("user_id"))),
            r.isNullAt(r.fieldIndex("country")) ? "-" : r.getString(r.fieldIndex("country")),
            r.getString(r.fieldIndex("topic_slug")), r.getDouble(r.fieldIndex("score")));
      }
      pw.printf("Files: %s/selection.csv and %s/parquet/%n", folder, folder);
      pw.flush();
      return 0;
    }
  }
}
