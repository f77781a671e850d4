package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.TopicFinder;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.OntologyLoader;
import io.plusk.jobs.io.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Finding the topic marketing means among Klout's thousands: {@code plusk topics find TEXT}. */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Topics of the ontology.",
    subcommands = TopicsCommand.Find.class)
public final class TopicsCommand {
  @Command(name = "find", mixinStandardHelpOptions = true,
      description = "Finds topics by slug, id, name or any name they are known by, best first (exact, prefix, all "
          + "words, close spellings), with their path to the root and the number of listed experts on the latest "
          + "published date.")
  static final class Find implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to look for (\"twins\", \"game of thrones\").")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N topics (default 10).")
    int limit;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "Count listed experts on this published date. Default: the latest published date.")
    LocalDate date;

    @Option(names = "--warehouse", paramLabel = "DIR",
        description = "Warehouse root for the expert counts. Default: plusk.warehouse (./warehouse).")
    String warehouse;

    @Option(names = "--conf", paramLabel = "FILE", description = "HOCON overrides of conf/application.conf.")
    Path conf;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for reading the warehouse.")
    String master;

    @Override
    public Integer call() throws Exception {
      if (limit <= 0) {
        throw UsageError.of("--limit must be at least 1, got %d", limit);
      }
      PluskConfig config = PluskConfig.load(conf);
      if (warehouse != null) {
        config = config.with(Map.of("warehouse", warehouse));
      }
      Ontology ontology = OntologyLoader.load(new Configuration(),
          config.locations().resolve(config.ontologyLocation(), "ontology"));
      TopicFinder finder = ontology.finder();
      String text = String.join(" ", words);
      List<TopicFinder.Found> found = finder.find(text, limit);
      PrintWriter out = spec.commandLine().getOut();
      if (found.isEmpty()) {
        out.printf("No topic matches '%s' among %,d topics.%n", text, ontology.size());
        out.flush();
        return 0;
      }
      ExpertCounts experts = expertCounts(config, found);
      out.printf("%-3s %-32s %-32s %-28s %8s  %s%n", "#", "slug", "name", "matched", "experts", "path");
      for (int i = 0; i < found.size(); i++) {
        TopicFinder.Found f = found.get(i);
        Long n = experts.counts().get(f.topic().id());
        out.printf("%-3d %-32s %-32s %-28s %8s  %s%n", i + 1, f.topic().slug(), f.topic().name(),
            f.how().name().toLowerCase(java.util.Locale.ROOT) + " \"" + f.matchedName() + "\"",
            experts.date() == null ? "-" : String.valueOf(n == null ? 0 : n), finder.path(f.topic()));
      }
      out.println(experts.date() == null ? "experts: no published date in " + experts.where()
          : "experts: users listed in the topic (not removed) on " + experts.date() + " in " + experts.where());
      out.flush();
      return 0;
    }

    private record ExpertCounts(LocalDate date, String where, Map<String, Long> counts) {}

    /** Listed experts per found topic on the published date; none when the warehouse has no published date. */
    private ExpertCounts expertCounts(PluskConfig config, List<TopicFinder.Found> found) throws Exception {
      String root = config.locations().resolve(config.warehouse(), "--warehouse");
      org.apache.hadoop.fs.Path rootPath = new org.apache.hadoop.fs.Path(root);
      if (!FileSystem.get(rootPath.toUri(), new Configuration()).exists(rootPath)) {
        if (date != null || warehouse != null) {
          throw UsageError.of("--warehouse %s does not exist", root);
        }
        // Finding topics needs no warehouse: without one there is nothing to count.
        return new ExpertCounts(null, root, Map.of());
      }
      Warehouse wh = new Warehouse(io.plusk.jobs.Sessions.getOrCreate(config, master), root);
      if (wh.publishedDates().isEmpty() && date == null) {
        return new ExpertCounts(null, root, Map.of());
      }
      LocalDate day = PublishedDates.resolve(wh, date);
      List<String> ids = found.stream().map(f -> f.topic().id()).toList();
      Map<String, Long> counts = new HashMap<>();
      for (Row r : wh.read(Tables.TOPIC_EXPERTISE, day)
          .where(col("topic_id").isin(ids.toArray()).and(col("removed").equalTo(false)))
          .groupBy("topic_id").count().collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      return new ExpertCounts(day, root, counts);
    }
  }
}
