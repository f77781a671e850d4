package io.plusk.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.testing.DocumentedCommands;
import io.plusk.jobs.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The nightly command on data-samples, end to end: real Spark, real CoreNLP, real Parquet read back twice. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyEndToEndTest extends SparkTestBase {
  private static final LocalDate D1 = LocalDate.parse("2026-11-23");
  private static final LocalDate D2 = LocalDate.parse("2026-11-24");
  private static final LocalDate D3 = LocalDate.parse("2026-11-25");

  @TempDir static Path tmp;
  static Warehouse warehouse;
  static Map<String, String> userIds;
  static String nightlyOutput;

  @BeforeAll
  static void runNightly() throws Exception {
    Path samples = repoRoot().resolve("data-samples");
    int[] exit = new int[1];
    nightlyOutput = io.plusk.jobs.testing.ConsoleCapture.stdoutOf(() -> exit[0] = PluskCli.execute("nightly",
        "--input", samples.toString(), "--warehouse", tmp.resolve("wh").toString()));
    assertThat(exit[0]).isZero();
    warehouse = new Warehouse(spark, tmp.resolve("wh").toString());
    userIds = warehouse.read(Tables.USERS, D3).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("screen_name")),
            r -> r.getString(r.fieldIndex("user_id"))));
  }

  private static Dataset<Row> expertise(LocalDate date) {
    return warehouse.read(Tables.TOPIC_EXPERTISE, date);
  }

  /** The row of a user and topic; the topic may be named by a slug of the earlier default ontology. */
  private static Row row(LocalDate date, String screenName, String topicSlug) {
    List<Row> rows = expertise(date).where(col("screen_name").equalTo(screenName)
        .and(col("topic_slug").equalTo(ONTOLOGY.require(topicSlug).slug()))).collectAsList();
    assertThat(rows).as(screenName + " in " + topicSlug).hasSize(1);
    return rows.get(0);
  }

  @Test
  @Order(1)
  void catchesUpOnEverySampleNightAndPublishesEach() {
    assertThat(warehouse.publishedDates()).containsExactly(D1, D2, D3);
    for (String table : Tables.ALL) {
      assertThat(warehouse.dates(table)).as(table).containsExactly(D1, D2, D3);
    }
  }

  @Test
  @Order(2)
  void theBaseballFanRanksFirstInMinnesotaTwinsAndTheParentIsNotThere() {
    Row first = expertise(D3).where(col("topic_slug").equalTo("minnesota-twins").and(col("rank_in_topic").equalTo(1)))
        .collectAsList().get(0);
    assertThat(first.getString(first.fieldIndex("screen_name"))).isEqualTo("mn_dugout_dan");
    assertThat(first.getDouble(first.fieldIndex("score"))).isEqualTo(100.0);
    assertThat(first.getList(first.fieldIndex("evidence_post_ids"))).isNotEmpty();
    assertThat(expertise(D3).where(col("topic_slug").equalTo("minnesota-twins")
        .and(col("screen_name").equalTo("jenna_twinmama"))).count()).isZero();
    Row parent = row(D3, "jenna_twinmama", "twins-and-multiples");
    assertThat(parent.getInt(parent.fieldIndex("rank_in_topic"))).isEqualTo(1);
    // Rolled up: the fan is also a baseball expert, the parent one in babies (Klout's parent of the topic).
    Row baseball = row(D3, "mn_dugout_dan", "baseball");
    assertThat(baseball.getInt(baseball.fieldIndex("topic_level")))
        .isEqualTo(ONTOLOGY.level(ONTOLOGY.require("baseball").id()));
    row(D3, "jenna_twinmama", "babies");
    // What each is most expert in: their own topic first, not the broader ones it rolls up to.
    assertThat(row(D3, "mn_dugout_dan", "minnesota-twins").getInt(first.fieldIndex("rank_in_user"))).isEqualTo(1);
    assertThat(parent.getInt(parent.fieldIndex("rank_in_user"))).isEqualTo(1);
  }

  @Test
  @Order(3)
  void overLimitAndSelfPlusKAreRejectedAndNotCounted() {
    Map<String, Long> rejected = warehouse.read(Tables.PLUSK_REJECTED, D2).groupBy("reason").count()
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(rejected).containsEntry("daily_limit", 2L).containsEntry("repeat_within_window", 1L)
        .containsEntry("unknown_topic", 1L);
    assertThat(warehouse.read(Tables.PLUSK_REJECTED, D1).collectAsList())
        .extracting(r -> r.getString(r.fieldIndex("reason"))).containsExactly("self_plusk");
    String desk = userIds.get("daily_sports_desk");
    // The desk's 6th and 7th +K of 2026-11-24 (Bulls, Heat) were over the limit.
    for (String[] overLimit : new String[][] {{"windy_city_hoops", "chicago-bulls"}, {"heat_check_305", "miami-heat"}}) {
      Row r = row(D3, overLimit[0], overLimit[1]);
      assertThat(r.getList(r.fieldIndex("plusk_givers"))).doesNotContain(desk);
      assertThat(r.getLong(r.fieldIndex("plusk_count"))).isZero();
    }
    Row astronomer = row(D3, "innermost_orbit", "astronomy");
    assertThat(astronomer.getList(astronomer.fieldIndex("plusk_givers"))).containsExactly(desk);
    Row wine = row(D3, "vino_veritas", "wine");
    assertThat(wine.getList(wine.fieldIndex("plusk_givers"))).doesNotContain(userIds.get("vino_veritas"))
        .hasSize(3);
  }

  @Test
  @Order(4)
  void removedTopicsAreFlaggedAndUnrankedUntilRestored() {
    // The Twins fan hid the Royals: he names them as opponents, he is no Royals expert.
    Row removed = row(D3, "mn_dugout_dan", "kansas-city-royals");
    assertThat(removed.getBoolean(removed.fieldIndex("removed"))).isTrue();
    assertThat(removed.isNullAt(removed.fieldIndex("rank_in_topic"))).isTrue();
    assertThat(removed.isNullAt(removed.fieldIndex("rank_in_user"))).isTrue();
    Row apple = row(D3, "cupertino_watch", "consumer-electronics");
    assertThat(apple.getBoolean(apple.fieldIndex("removed"))).isTrue();
    // The removal dump names the topic by its earlier slug (food-and-drink, now food-and-drink-super).
    Row restored = row(D3, "pourover_pete", "food-and-drink");
    assertThat(restored.getBoolean(restored.fieldIndex("removed"))).isFalse();
    Row beforeRestore = row(D1, "pourover_pete", "food-and-drink");
    assertThat(beforeRestore.getBoolean(beforeRestore.fieldIndex("removed"))).isTrue();
  }

  @Test
  @Order(5)
  void runSummaryCountsMatchTheTablesAndQuarantineReasonsAreThere() throws Exception {
    Path summary = tmp.resolve("wh/_runs/dt=" + D2 + "/run_summary.json");
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.get("config_hash").asText()).hasSize(64);
    assertThat(Files.exists(summary.resolveSibling("_SUCCESS"))).isTrue();
    String report = Files.readString(summary.resolveSibling("report.html"));
    assertThat(report).contains("<svg", "Funnel", "tweets: malformed_json", "Top experts of the biggest topics",
        "Changes among each topic's top 10 since 2026-11-23")
        .doesNotContain("src=\"http", "href=\"http", "<script", "@import");
    for (String table : Tables.ALL) {
      assertThat(json.get("tables").get(table).asLong()).as(table)
          .isEqualTo(warehouse.read(table, D2).count());
    }
    JsonNode link = json.get("stages").get("link").get("counts");
    // Replies today to yesterday's posts: those posts keep yesterday's links, no second NLP pass.
    assertThat(link.get("posts_with_reused_links").asLong()).isPositive();
    assertThat(link.get("posts_linked_tonight").asLong() + link.get("posts_with_reused_links").asLong())
        .isEqualTo(link.get("engaged_posts").asLong());
    assertThat(json.get("quarantine").get("tweets").get("malformed_json").asLong()).isEqualTo(1);
    assertThat(json.get("quarantine").get("tweets").get("id_not_exact").asLong()).isEqualTo(1);
    assertThat(json.get("quarantine").get("engagements").get("unknown_type").asLong()).isEqualTo(1);
    assertThat(json.get("stages").get("ingest").get("counts").get("tweets.lines").asLong())
        .isEqualTo(json.get("stages").get("ingest").get("counts").get("tweets.quarantined").asLong()
            + warehouse.read(Tables.POSTS, D2).select("source_file", "line_no").where(col("is_embedded").equalTo(false))
            .distinct().count());
  }

  @Test
  @Order(6)
  void aSecondParquetReaderSeesTheSameTopicExpertiseRows() throws Exception {
    Set<String> fromSpark = expertise(D3).collectAsList().stream()
        .map(r -> r.getString(r.fieldIndex("user_id")) + "|" + r.getString(r.fieldIndex("topic_id")) + "|"
            + r.getDouble(r.fieldIndex("score")) + "|" + r.getBoolean(r.fieldIndex("removed")))
        .collect(Collectors.toSet());
    Set<String> fromDuckDb = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT user_id, topic_id, score, removed FROM read_parquet('"
             + tmp.resolve("wh/topic_expertise") + "/*/*.parquet', hive_partitioning = true) "
             + "WHERE CAST(dt AS VARCHAR) = '" + D3 + "'")) {
      while (rs.next()) {
        fromDuckDb.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3) + "|" + rs.getBoolean(4));
      }
    }
    assertThat(fromDuckDb).isNotEmpty().isEqualTo(fromSpark);
  }

  @Test
  @Order(7)
  void rerunningADateGivesTheSameRowsAndTouchesNoOtherDate() throws Exception {
    List<String> before = sortedRows(D2);
    Map<Path, FileTime> otherDates = modificationTimes(D1, D3);
    int exit = PluskCli.execute("nightly", "--date", D2.toString(), "--input",
        repoRoot().resolve("data-samples").toString(), "--warehouse", tmp.resolve("wh").toString());
    assertThat(exit).isZero();
    assertThat(sortedRows(D2)).isEqualTo(before);
    assertThat(modificationTimes(D1, D3)).isEqualTo(otherDates);
  }

  private static String stdout(String... args) {
    int[] code = new int[1];
    String out = io.plusk.jobs.testing.ConsoleCapture.stdoutOf(() -> code[0] = PluskCli.execute(args));
    assertThat(code[0]).as(String.join(" ", args)).isZero();
    return out;
  }

  private static String wh() {
    return tmp.resolve("wh").toString();
  }

  @Test
  @Order(8)
  void explainShowsTheEvidenceBehindAScore() {
    String out = stdout("explain", "--warehouse", wh(), "--user", "@mn_dugout_dan", "--topic", "Minnesota Twins");
    int level = ONTOLOGY.level(ONTOLOGY.require("minnesota-twins").id());
    assertThat(out).contains("Minnesota Twins (minnesota-twins, level " + level + "): score 100.0, rank 1 in the "
            + "topic, #1 for this person")
        .contains("+K from [").contains("@northstar_nine").contains("matched: ").contains("twins")
        .contains("Target Field");
    assertThat(stdout("explain", "--warehouse", wh(), "--user", "mn_dugout_dan")).contains("REMOVED by the user");
    String[] code = new String[1];
    String err = io.plusk.jobs.testing.ConsoleCapture.stderrOf(() -> code[0] = String.valueOf(PluskCli.execute(
        "explain", "--warehouse", wh(), "--user", "nobody_here")));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains("--user nobody_here: nobody of that screen name or id");
  }

  @Test
  @Order(8)
  void sqlReadsTheWarehouseViewsAndNothingElse() {
    for (String query : new String[] {"SELECT count(*) FROM posts", "SELECT * FROM (VALUES (1, 'a')) t(n, s)",
        "SELECT id FROM range(3)", "WITH x AS (SELECT * FROM topic_expertise) SELECT count(*) FROM x",
        "SELECT count(*) FROM posts WHERE user_id IN (SELECT user_id FROM users)"}) {
      assertThat(PluskCli.execute("sql", "--warehouse", wh(), query)).as(query).isZero();
    }
    String table = tmp.resolve("wh/posts").toString();
    for (String escape : new String[] {"SELECT * FROM text.`/etc/passwd`", "SELECT * FROM parquet.`" + table + "`",
        "SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "SELECT count(*) FROM posts WHERE text = reflect('java.lang.System', 'getProperty', 'user.name')",
        "SELECT * FROM posts WHERE post_id IN (SELECT java_method('java.lang.System', 'getenv', 'HOME'))",
        "SELECT (SELECT count(*) FROM json.`/etc/hosts`) AS n",
        "SELECT TRANSFORM(post_id) USING 'cat /etc/passwd' AS (x) FROM posts"}) {
      String[] code = new String[1];
      String err = io.plusk.jobs.testing.ConsoleCapture.stderrOf(
          () -> code[0] = String.valueOf(PluskCli.execute("sql", "--warehouse", wh(), escape)));
      assertThat(code[0]).as(escape).isEqualTo("2");
      assertThat(err).as(escape).containsAnyOf("reads the warehouse views only", "runSQLOnFiles",
          "UNSUPPORTED_DATASOURCE_FOR_DIRECT_QUERY", "TABLE_OR_VIEW_NOT_FOUND");
      assertThat(err).as(escape).doesNotContain("root:x:0:0");
    }
  }

  @Test
  @Order(9)
  void perkSelectionFiltersRecordsOnceAndRespectsTheCoolDown() throws Exception {
    String out = stdout("perks", "select", "--warehouse", wh(), "--campaign", "wine-fr", "--topic", "Food and Drink",
        "--country", "fr", "--limit", "10");
    assertThat(out).contains("Campaign wine-fr on 2026-11-25: 1 selected").contains("@vino_veritas (FR) wine")
        .containsPattern("Skipped \\d+: \\d+ outside the countries");
    Path csv = tmp.resolve("wh/_perks/wine-fr/dt=2026-11-25/selection.csv");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("user_id,screen_name,country,topic,score,rank,why");
    assertThat(lines).hasSize(2);
    // Rerunning the same campaign does not double its recipients.
    stdout("perks", "select", "--warehouse", wh(), "--campaign", "wine-fr", "--topic", "wine", "--country", "FR");
    var recipients = new io.plusk.jobs.perks.PerkRecipients(spark, warehouse).all();
    assertThat(recipients.where(col("campaign").equalTo("wine-fr")).count()).isEqualTo(1);

    // Sports: the baseball fan's "minnesota" is removed, but he is listed in other sports topics.
    String sports = stdout("perks", "select", "--warehouse", wh(), "--campaign", "sports", "--topic",
        "sports-and-recreation", "--limit", "3");
    assertThat(sports).contains("3 selected").contains("#1 @mn_dugout_dan");
    // Another campaign within the cool-down skips users already picked by "sports".
    String again = stdout("perks", "select", "--warehouse", wh(), "--campaign", "baseball", "--topic", "baseball",
        "--cooldown-days", "30");
    assertThat(again).doesNotContain("@mn_dugout_dan").containsPattern("Skipped \\d+: .*\\d+ in the cool-down "
        + "\\(picked by [a-z, -]*sports[a-z, -]* in the last 30 days\\)");
    String noCooldown = stdout("perks", "select", "--warehouse", wh(), "--campaign", "baseball", "--topic",
        "baseball", "--cooldown-days", "0");
    assertThat(noCooldown).contains("@mn_dugout_dan");
    assertThat(new io.plusk.jobs.perks.PerkRecipients(spark, warehouse).all()
        .where(col("campaign").equalTo("baseball")).where(col("user_id").equalTo(userIds.get("mn_dugout_dan")))
        .count()).isEqualTo(1);
  }

  @Test
  @Order(9)
  void aUserWhoRemovedACampaignsTopicIsNotPickedThroughATopicBelowIt() {
    // @cupertino_watch removed Consumer Electronics on the last day and is still listed in Apple and MacBook below
    // it; @pixel_quest_ivy removed nothing.
    String gadgets = stdout("perks", "select", "--warehouse", wh(), "--campaign", "gadgets", "--topic",
        "consumer-electronics", "--cooldown-days", "0");
    assertThat(gadgets).contains("@pixel_quest_ivy").doesNotContain("@cupertino_watch")
        .contains("Skipped 1: 1 removed a topic of the campaign");
    // A campaign on a topic below the removed one is no campaign on it: the removal does not reach up.
    String apple = stdout("perks", "select", "--warehouse", wh(), "--campaign", "apple-fans", "--topic", "apple",
        "--cooldown-days", "0");
    assertThat(apple).contains("@cupertino_watch");
  }

  @Test
  @Order(10)
  void perkSelectionErrorsNameWhatExists() {
    String[] code = new String[1];
    String err = io.plusk.jobs.testing.ConsoleCapture.stderrOf(() -> code[0] = String.valueOf(PluskCli.execute(
        "perks", "select", "--warehouse", wh(), "--campaign", "x", "--topic", "minesota twins")));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains("--topic 'minesota twins' is no topic").contains("minnesota-twins (Minnesota Twins)");
    err = io.plusk.jobs.testing.ConsoleCapture.stderrOf(() -> code[0] = String.valueOf(PluskCli.execute("perks",
        "select", "--warehouse", wh(), "--campaign", "x", "--topic", "wine", "--date", "2020-01-01")));
    assertThat(code[0]).isEqualTo("2");
    assertThat(err).contains("--date 2020-01-01 is not published").contains(D3.toString());
    assertThat(PluskCli.execute("perks", "select", "--warehouse", wh(), "--campaign", "../etc", "--topic",
        "wine")).isEqualTo(2);
    assertThat(PluskCli.execute("perks", "select", "--warehouse", wh(), "--campaign", "x", "--topic", "wine",
        "--country", "USA'; DROP TABLE users; --")).isEqualTo(2);
  }

  @Test
  @Order(11)
  void topicsFindShowsBothSensesOfANameWithTheirPathsAndExperts() {
    String out = stdout("topics", "find", "--warehouse", wh(), "twins");
    assertThat(out).contains("minnesota-twins").contains("Sports > Baseball > Minnesota Twins")
        .contains("twins-and-multiples")
        .contains("experts: users listed in the topic (not removed) on " + D3);
    String twinsLine = out.lines().filter(l -> l.contains("minnesota-twins")).findFirst().orElseThrow();
    long listed = expertise(D3).where(col("topic_slug").equalTo("minnesota-twins").and(col("removed")
        .equalTo(false))).count();
    assertThat(listed).isPositive();
    assertThat(twinsLine).containsPattern("\\s" + listed + "\\s+Sports");
    assertThat(PluskCli.execute("topics", "find", "--warehouse", wh(), "--limit", "0", "twins")).isEqualTo(2);
  }

  @Test
  @Order(11)
  void statusAndSqlShowThePublishedDates() {
    String status = stdout("status", "--warehouse", wh());
    assertThat(status).contains("3 published dates").contains("2026-11-24  published");
    // Published times to the second, so that the columns stay in line whatever precision the JVM's clock has.
    assertThat(status).containsPattern("2026-11-24  published  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\d+");
    assertThat(stdout("sql", "--warehouse", wh(), "SELECT count(DISTINCT dt) AS days FROM topic_expertise"))
        .contains("|3   |");
  }

  private static List<String> sortedRows(LocalDate date) {
    return expertise(date).drop("dt").collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Map<Path, FileTime> modificationTimes(LocalDate... dates) throws Exception {
    Map<Path, FileTime> out = new java.util.TreeMap<>();
    for (String table : Tables.ALL) {
      for (LocalDate d : dates) {
        try (Stream<Path> files = Files.list(tmp.resolve("wh").resolve(table).resolve("dt=" + d))) {
          for (Path f : files.toList()) {
            out.put(f, Files.getLastModifiedTime(f));
          }
        }
      }
    }
    return out;
  }

  @Test
  @Order(20)
  void aStageRunAloneOnAPublishedDateSaysItIsUnpublishedAndReadersSayWhichDateTheyAnswer() {
    String link = stdout("link", "--date", D3.toString(), "--warehouse", wh());
    assertThat(link).contains(D3 + " is no longer published: link replaced its tables")
        .contains("plusk nightly --date " + D3);
    String[] code = new String[1];
    String err = io.plusk.jobs.testing.ConsoleCapture.stderrOf(() -> code[0] = String.valueOf(PluskCli.execute(
        "explain", "--warehouse", wh(), "--user", "@mn_dugout_dan")));
    assertThat(code[0]).isEqualTo("0");
    assertThat(err).contains("note: " + D3 + " is not published").contains("answering for " + D2);
    // Publishing the date again makes it the one answered.
    assertThat(stdout("publish", "--date", D3.toString(), "--warehouse", wh())).doesNotContain("no longer");
    err = io.plusk.jobs.testing.ConsoleCapture.stderrOf(() -> code[0] = String.valueOf(PluskCli.execute(
        "explain", "--warehouse", wh(), "--user", "@mn_dugout_dan")));
    assertThat(err).doesNotContain("note:");
  }

  /**
   * The README's and docs' commands that show their output print exactly that output on the samples, run on a copy
   * of tonight's warehouse so that what they write (a perk campaign) changes nothing the other tests see.
   */
  @Test
  @Order(2)
  void documentedCommandsPrintWhatTheDocsShow() throws Exception {
    List<DocumentedCommands.Example> examples = new java.util.ArrayList<>();
    for (Path doc : documentationFiles()) {
      examples.addAll(DocumentedCommands.in(doc));
    }
    assertThat(examples.stream().map(e -> e.arguments().get(0)).distinct())
        .as("documented commands with their output").contains("sql", "perks", "topics", "explain");
    Path copy = tmp.resolve("documented-wh");
    io.plusk.jobs.testing.TreeCopy.copy(tmp.resolve("wh"), copy);
    for (DocumentedCommands.Example example : examples) {
      List<String> args = new java.util.ArrayList<>(example.arguments());
      args.addAll(List.of("--warehouse", copy.toString()));
      String printed = stdout(args.toArray(String[]::new));
      assertThat(example.asDocumented(printed, copy.toString())).as(example.where()).isEqualTo(example.shownOutput());
    }
  }

  /** Every documented query, output shown or not, runs on the samples with its engine and finds rows. */
  @Test
  @Order(2)
  void everyDocumentedQueryFindsRowsInItsEngine() throws Exception {
    List<DocumentedCommands.Query> queries = new java.util.ArrayList<>();
    for (Path doc : documentationFiles()) {
      queries.addAll(DocumentedCommands.sqlBlocks(doc));
    }
    assertThat(queries.stream().map(DocumentedCommands.Query::engine).distinct())
        .containsExactlyInAnyOrder(DocumentedCommands.Engine.values());
    for (DocumentedCommands.Query query : queries) {
      List<String> statements = query.statements(wh());
      String last = statements.get(statements.size() - 1);
      switch (query.engine()) {
        case DUCKDB -> {
          try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
               ResultSet rs = s.executeQuery(last)) {
            assertThat(rs.next()).as(query.where()).isTrue();
          }
        }
        case SPARK_SQL -> {
          // Its own session, as a spark-sql shell would be: plusk sql's views live in the shared one.
          var shell = spark.newSession();
          statements.subList(0, statements.size() - 1).forEach(shell::sql);
          assertThat(shell.sql(last).collectAsList()).as(query.where()).isNotEmpty();
        }
        case PLUSK_SQL -> assertThat(stdout("sql", "--warehouse", wh(), last).lines().count())
            .as(query.where() + ": a table with rows").isGreaterThanOrEqualTo(5);
      }
    }
  }

  private static List<Path> documentationFiles() throws java.io.IOException {
    List<Path> files = new java.util.ArrayList<>(List.of(repoRoot().resolve("README.md")));
    try (Stream<Path> docs = Files.list(repoRoot().resolve("docs"))) {
      files.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
    }
    return files;
  }

  @Test
  @Order(1)
  void theNightlyPrintsWhatTheReadmeShows() throws Exception {
    String readme = Files.readString(repoRoot().resolve("README.md"));
    String intro = "`scripts/plusk nightly` on the three sample days in `data-samples/` prints:";
    assertThat(readme).contains(intro);
    String after = readme.substring(readme.indexOf(intro) + intro.length());
    int open = after.indexOf("```\n") + 4;
    String shown = after.substring(open, after.indexOf("```", open));
    // The tables' folder is where the reader's warehouse is: every other line is compared to the character.
    assertThat(withoutTablesLine(nightlyOutput)).isEqualTo(withoutTablesLine(shown)).isNotEmpty();
  }

  private static List<String> withoutTablesLine(String printed) {
    return printed.lines().filter(l -> !l.startsWith("Tables: ")).toList();
  }
}
