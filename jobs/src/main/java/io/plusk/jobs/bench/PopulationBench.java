package io.plusk.jobs.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Pipeline;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.stage.LatestEventState;
import io.plusk.jobs.stage.PublishJob;
import io.plusk.jobs.stage.ScoreJob;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Klout-sized population on one date: N users, each posting about three topics, half of those topics under one
 * super-topic, so roll-ups give that super-topic most of the population (the hot key of the score stage), with
 * +K from a twentieth of the users (about a thousand of them to one celebrity) and removals. The date's engaged
 * posts and topic links are made directly, as the link stage would leave them (CoreNLP on millions of posts is
 * what the other benches time). Then the score and publish stages run on it with Spark's task metrics, and
 * {@code plusk explain} runs in a JVM of its own with a 512 MB heap for the celebrity and for an ordinary user, its
 * heap read from the GC log.
 */
final class PopulationBench {
  static final int TOPICS_PER_USER = 3;
  /** The first this many +K go to the celebrity (user 0), and one in this many of the rest. */
  private static final int CELEBRITY_SHARE = 1000;
  /** Spark in local mode refuses a heap under 450 MB; the issue asks for under 1 GB. */
  static final String EXPLAIN_HEAP = "512m";
  private static final Pattern GC_PAUSE = Pattern.compile("Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final StructType PICKS = new StructType().add("pool", DataTypes.StringType)
      .add("idx", DataTypes.LongType).add("topic_id", DataTypes.StringType).add("topic_name", DataTypes.StringType);
  private static final StructType ANCESTORS = new StructType().add("topic_id", DataTypes.StringType)
      .add("ancestor_id", DataTypes.StringType).add("depth", DataTypes.IntegerType);

  private final SparkSession spark;
  private final PluskConfig config;
  private final Ontology ontology;
  private final long users;

  PopulationBench(SparkSession spark, PluskConfig config, Ontology ontology, long users) {
    this.spark = spark;
    this.config = config;
    this.ontology = ontology;
    this.users = users;
  }

  /** Makes the population in {@code work}/warehouse, runs score, publish and explain; returns the figures. */
  Map<String, Object> run(Path work, LocalDate date, StringBuilder md) throws Exception {
    Warehouse wh = new Warehouse(spark, work.resolve("warehouse").toString());
    Topic hot = hotSuperTopic();
    long start = System.nanoTime();
    Map<String, Long> made = make(wh, date, hot);
    long makeMillis = millisSince(start);
    System.out.printf("population users=%d made=%s millis=%d%n", users, made, makeMillis);

    JobContext ctx = new JobContext(spark, config, ontology, work.resolve("input").toString(), wh, date);
    TaskSkew skew = new TaskSkew();
    spark.sparkContext().addSparkListener(skew);
    long scoreStart = System.nanoTime();
    StageResult score;
    long scoreMillis;
    long publishMillis;
    try {
      score = Pipeline.runStage(ctx, new ScoreJob());
      scoreMillis = millisSince(scoreStart);
      long publishStart = System.nanoTime();
      Pipeline.runStage(ctx, new PublishJob(List.of(score)));
      publishMillis = millisSince(publishStart);
    } finally {
      spark.sparkContext().removeSparkListener(skew);
    }
    Row hotTopic = wh.read(Tables.TOPIC_EXPERTISE, date).where(col("removed").equalTo(false))
        .groupBy("topic_slug").agg(count(lit(1)).as("listed")).orderBy(col("listed").desc()).first();
    Row ordinary = wh.read(Tables.TOPIC_EXPERTISE, date).where(col("user_id").equalTo(String.valueOf(users / 2)))
        .agg(max("screen_name")).first();

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("users", users);
    out.put("rows_made", made);
    out.put("make_millis", makeMillis);
    out.put("hot_super_topic", hot.slug());
    out.put("largest_topic", hotTopic.getString(0));
    out.put("largest_topic_listed_rows", hotTopic.getLong(1));
    out.put("rank_slice_rows", config.scoring().rankSliceRows());
    out.put("score_millis", scoreMillis);
    out.put("publish_millis", publishMillis);
    out.put("score_counts", score.counts());
    Map<String, Map<String, Object>> taskSkew = skew.byPipelineStage();
    out.put("task_skew", taskSkew);
    Map<String, Object> explains = new LinkedHashMap<>();
    explains.put("celebrity", explain(work, wh, "u0"));
    String ordinaryUser = ordinary.isNullAt(0) ? String.valueOf(users / 2) : ordinary.getString(0);
    explains.put("ordinary", explain(work, wh, ordinaryUser));
    out.put("explain", explains);

    md.append(String.format("Population of %,d users on %s (%s rows made in %.1f s; hot super-topic `%s`):%n%n",
        users, date, made, makeMillis / 1000.0, hot.slug()));
    md.append(String.format("- score stage %.1f s, publish %.1f s; largest topic `%s` with %,d listed rows, ranked in "
            + "slices of about %,d rows%n", scoreMillis / 1000.0, publishMillis / 1000.0, hotTopic.getString(0),
        hotTopic.getLong(1), config.scoring().rankSliceRows()));
    explains.forEach((who, e) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> x = (Map<String, Object>) e;
      md.append(String.format("- `plusk explain` for the %s (%s), -Xmx%s: exit %s in %.1f s, at most %s MB in use "
              + "after a collection (G1's figure, garbage of the old generation included), %s output lines%n", who,
          x.get("user"), EXPLAIN_HEAP, x.get("exit"), (Long) x.get("millis") / 1000.0, x.get("heap_max_after_gc_mb"),
          x.get("output_lines")));
    });
    md.append(String.format("%nLargest task against the median task, the worst Spark stage of each step:%n%n"));
    return out;
  }

  /** The super-topic with the most topics below it: roll-ups give it the most users. */
  private Topic hotSuperTopic() {
    return ontology.topics().stream().filter(t -> t.parentIds().isEmpty())
        .max(Comparator.comparingInt((Topic t) -> ontology.selfAndDescendants(t.id()).size())
            .thenComparing(Topic::id, Comparator.reverseOrder()))
        .orElseThrow(() -> new IllegalStateException("The ontology has no topic without a parent"));
  }

  private Map<String, Long> make(Warehouse wh, LocalDate date, Topic hot) {
    List<Row> picks = new ArrayList<>();
    List<Row> ancestors = new ArrayList<>();
    long anyIdx = 0;
    long hotIdx = 0;
    java.util.Set<String> underHot = ontology.selfAndDescendants(hot.id());
    for (Topic t : ontology.topics().stream().sorted(Comparator.comparing(Topic::id)).toList()) {
      if (t.parentIds().isEmpty()) {
        continue;
      }
      picks.add(RowFactory.create("any", anyIdx++, t.id(), t.name()));
      if (underHot.contains(t.id())) {
        picks.add(RowFactory.create("hot", hotIdx++, t.id(), t.name()));
      }
      ontology.ancestors(t.id()).forEach((a, depth) -> ancestors.add(RowFactory.create(t.id(), a, depth)));
    }
    Dataset<Row> pick = broadcast(spark.createDataFrame(picks, PICKS));
    Column day = lit(date.toString()).cast("timestamp");

    // user u's k-th topic: from the hot super-topic's half the time, else any topic; one post per topic.
    Column hotPool = pmod(xxhash64(col("uid"), col("k"), lit("pool")), lit(2)).equalTo(0);
    Dataset<Row> posts = spark.range(users).withColumnRenamed("id", "uid")
        .crossJoin(spark.range(TOPICS_PER_USER).withColumnRenamed("id", "k"))
        .withColumn("pool", when(hotPool, lit("hot")).otherwise(lit("any")))
        .withColumn("idx", pmod(xxhash64(col("uid"), col("k")), when(hotPool, lit(hotIdx)).otherwise(lit(anyIdx))))
        .join(pick, Columns.using("pool", "idx"))
        .select(col("uid"), col("k"), col("topic_id"), col("topic_name"))
        .withColumn("user_id", col("uid").cast("string"))
        .withColumn("screen_name", concat(lit("u"), col("user_id")))
        .withColumn("post_id", col("uid").multiply(TOPICS_PER_USER).plus(col("k")).plus(lit(1_000_000_000_000L))
            .cast("string"))
        .withColumn("created_at", day.plus(expr("make_interval(0, 0, 0, 0, 0, 0, pmod(uid * 7919 + k, 86400))")))
        .withColumn("text", concat(lit("What a week for "), col("topic_name"), lit(", post "), col("k"),
            lit(" of a population bench user")))
        .withColumn("h", pmod(xxhash64(col("post_id")), lit(1000)));
    Column none = array().cast("array<string>");
    long postRows = wh.write(posts.select(col("post_id"), col("user_id"), col("screen_name"), col("created_at"),
        col("text"), lit("en").as("lang"), none.as("hashtags"), none.as("mention_user_ids"),
        lit(null).cast("string").as("reply_to_post_id"), lit(null).cast("string").as("reply_to_user_id"),
        lit(null).cast("string").as("retweet_of_post_id"), lit(null).cast("string").as("quote_of_post_id"),
        lit(false).as("is_embedded"), lit("population").as("source_file"), col("uid").multiply(TOPICS_PER_USER)
            .plus(col("k")).plus(1).as("line_no"), lit(false).as("is_protected")), Tables.POSTS, date);

    Column retweets = pmod(col("h"), lit(7)).plus(1);
    Column replies = pmod(col("h"), lit(3));
    long engagedRows = wh.write(posts.select(col("post_id"), col("user_id"), col("screen_name"), col("created_at"),
        col("text"), none.as("hashtags"), retweets.as("retweets"), replies.as("replies"), lit(0L).as("quotes"),
        lit(0L).as("mentions"), pmod(col("h"), lit(11)).as("likes"), retweets.plus(replies).as("engagement_count"),
        retweets.plus(replies).cast("double").as("engagement_weight"),
        greatest(lit(1L), retweets.plus(replies).minus(pmod(col("h"), lit(2)))).as("engagers")),
        Tables.ENGAGED_POSTS, date);

    Dataset<Row> direct = posts.select(col("post_id"), col("user_id"), col("topic_id"),
        lit(0.55).plus(pmod(col("h"), lit(40)).divide(100.0)).as("confidence"), lit("alias").as("method"),
        lower(col("topic_name")).as("matched_text"), none.as("context_terms"),
        lit(null).cast("string").as("via_topic_id"));
    Dataset<Row> up = spark.createDataFrame(ancestors, ANCESTORS);
    Dataset<Row> rolledUp = direct.join(broadcast(up), "topic_id")
        .select(col("post_id"), col("user_id"), col("ancestor_id").as("topic_id"),
            col("confidence").multiply(pow(lit(config.linking().rollupDamping()), col("depth"))).as("confidence"),
            lit("rollup").as("method"), col("matched_text"), col("context_terms"), col("topic_id").as("via_topic_id"));
    long linkRows = wh.write(direct.unionByName(rolledUp), Tables.POST_TOPICS, date);

    Dataset<Row> people = spark.range(users).withColumnRenamed("id", "uid")
        .withColumn("user_id", col("uid").cast("string"));
    String[] countries = {"US", "US", "US", "GB", "DE", "FR", "BR", "JP", "IN", "CA"};
    Column country = element_at(array(java.util.Arrays.stream(countries).map(org.apache.spark.sql.functions::lit)
        .toArray(Column[]::new)),
        pmod(xxhash64(col("uid"), lit("country")), lit(countries.length)).plus(1).cast("int"));
    long userRows = wh.write(people.select(col("user_id"), concat(lit("u"), col("user_id")).as("screen_name"),
        country.as("country"), lit("en").as("lang"), pmod(xxhash64(col("uid"), lit("f")), lit(100_000L))
            .as("followers")), Tables.USERS, date);

    // A +K from a twentieth of the users, about a thousand to user 0 (CELEBRITY_SHARE), the others to anyone, for
    // the receiver's first topic; every giver gives one.
    Dataset<Row> firstTopics = posts.where(col("k").equalTo(0)).select(col("uid").as("receiver"), col("topic_id"));
    Dataset<Row> plusK = spark.range(users / 20).withColumnRenamed("id", "g")
        .withColumn("receiver", when(pmod(col("g"), lit(CELEBRITY_SHARE)).equalTo(0).or(col("g").lt(CELEBRITY_SHARE)),
            lit(0L)).otherwise(pmod(xxhash64(col("g"), lit("r")), lit(users))))
        .withColumn("giver", col("g").multiply(20).plus(1))
        .join(firstTopics, "receiver")
        .select(col("giver").cast("string").as("giver_id"), col("receiver").cast("string").as("receiver_id"),
            col("topic_id").as("topic"), day.plus(expr("make_interval(0, 0, 0, 0, 0, 0, pmod(g, 86400))")).as("ts"),
            lit("population-plusk").as("source_file"), col("g").plus(1).as("line_no"));
    long pluskRows = wh.write(plusK, Tables.PLUSK_EVENTS, date);

    // A hundredth of the users remove their second topic.
    long removalRows = wh.write(posts.where(col("k").equalTo(1).and(pmod(col("uid"), lit(100)).equalTo(7)))
        .select(col("user_id"), col("topic_id").as("topic"), lit("remove").as("action"),
            col("created_at").plus(expr("interval 1 hour")).as("ts"), lit("population-removals").as("source_file"),
            col("uid").plus(1).as("line_no")), Tables.REMOVAL_EVENTS, date);
    // What ingest leaves besides: the carried states, and the tables this population has nothing in.
    for (LatestEventState state : LatestEventState.values()) {
      wh.write(state.carriedTo(wh, date), state.table(), date);
    }
    for (String empty : List.of(Tables.QUARANTINE, Tables.ENGAGEMENT_EVENTS, Tables.OPT_OUT_EVENTS,
        Tables.COMPLIANCE_EVENTS)) {
      wh.write(spark.createDataFrame(List.of(), Tables.schemaOf(empty)), empty, date);
    }
    Map<String, Long> made = new LinkedHashMap<>();
    made.put(Tables.USERS, userRows);
    made.put(Tables.POSTS, postRows);
    made.put(Tables.ENGAGED_POSTS, engagedRows);
    made.put(Tables.POST_TOPICS, linkRows);
    made.put(Tables.PLUSK_EVENTS, pluskRows);
    made.put(Tables.REMOVAL_EVENTS, removalRows);
    return made;
  }

  /**
   * {@code plusk explain} for one user in a JVM of its own with an {@link #EXPLAIN_HEAP} heap, on the same
   * classpath, with GC logging: the exit code, the time, and the largest heap seen before and after a collection.
   */
  private Map<String, Object> explain(Path work, Warehouse wh, String user) throws IOException, InterruptedException {
    Path gcLog = work.resolve("explain-" + user + "-gc.log");
    Path output = work.resolve("explain-" + user + ".txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + EXPLAIN_HEAP, "-Xlog:gc:file=" + gcLog));
    // The --add-opens Spark needs on Java 17, as this JVM got them.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(x -> x.startsWith("--add-opens"))
        .forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.plusk.jobs.cli.PluskCli", "explain",
        "--warehouse", wh.root(), "--user", user));
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("plusk explain --user " + user + " did not finish in 20 minutes");
    }
    long millis = millisSince(start);
    long before = 0;
    long after = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = GC_PAUSE.matcher(line);
      if (m.find()) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
      }
    }
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.matches("^\\d{4}-\\d\\d-\\d\\dT.*")).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user);
    out.put("exit", p.exitValue());
    out.put("millis", millis);
    out.put("heap_max_before_gc_mb", before);
    out.put("heap_max_after_gc_mb", after);
    out.put("output_lines", lines.size());
    out.put("output_head", lines.stream().limit(6).toList());
    System.out.printf("explain user=%s exit=%d millis=%d heap_before_gc_mb=%d heap_after_gc_mb=%d%n", user,
        p.exitValue(), millis, before, after);
    return out;
  }

  private static long millisSince(long nanoStart) {
    return (System.nanoTime() - nanoStart) / 1_000_000;
  }
}
