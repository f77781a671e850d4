package io.plusk.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.plusk.common.config.PluskConfig;
import io.plusk.common.linking.CleanText;
import io.plusk.common.linking.TopicLinker;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Pipeline;
import io.plusk.jobs.Sessions;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.OntologyLoader;
import io.plusk.jobs.io.Warehouse;
import io.plusk.jobs.stage.EvidenceWindow;
import io.plusk.jobs.stage.LinkJob;
import io.plusk.jobs.stage.Linkers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * scripts/bench: times a nightly run on a synthetic day stage by stage, and the limits to compare with: CoreNLP alone
 * on the same engaged texts with the same threads outside Spark, and a bare {@code spark.read.json(...).count()}.
 * Writes JSON and the markdown table of docs/performance.md.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int tweets = Integer.parseInt(a.getOrDefault("tweets", "50000"));
    int threads = Integer.parseInt(a.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    Path work = Path.of(a.getOrDefault("work", "target/bench")).toAbsolutePath();
    Path jsonOut = Path.of(a.getOrDefault("json", work.resolve("bench.json").toString()));
    Path markdown = Path.of(a.getOrDefault("markdown", work.resolve("bench.md").toString()));
    // --input DIR: time a dump of one's own (the input layout, tweets/dt=D/...) instead of a generated day.
    Path ownInput = a.containsKey("input") ? Path.of(a.get("input")).toAbsolutePath() : null;
    LocalDate day = a.containsKey("date") ? LocalDate.parse(a.get("date"))
        : ownInput != null ? latestDay(ownInput.resolve("tweets")) : LocalDate.parse("2026-11-25");
    int days = Integer.parseInt(a.getOrDefault("days", "1"));
    // --history-days H (with --days): after the nights, the last one again over H more days of history on disk.
    int historyDays = Integer.parseInt(a.getOrDefault("history-days", "0"));
    if (historyDays > 0 && days < 3) {
      throw new IllegalArgumentException("--history-days needs --days 3 or more: real nights to repeat back in time");
    }
    if (ownInput != null && days > 1) {
      throw new IllegalArgumentException("--input times one day of a dump; --days is for generated days");
    }
    if (ownInput != null && ownInput.startsWith(work)) {
      // The work folder is emptied first.
      throw new IllegalArgumentException("--input " + ownInput + " is inside --work " + work + "; use another --work");
    }

    Map<String, Object> overrides = new LinkedHashMap<>(Map.of("spark.master", "local[" + threads + "]",
        "spark.shuffle-partitions", String.valueOf(Math.max(4, threads * 2))));
    if (ownInput == null) {
      // A synthetic day stands alone: don't fail it for the junk share we put in on purpose.
      overrides.put("ingest.max-quarantine-share", "0.5");
    }
    if (a.containsKey("set")) {
      // Any plusk key, e.g. --set linking.candidate-scan=false (one per run).
      String[] kv = a.get("set").split("=", 2);
      overrides.put(kv[0], kv[1]);
    }
    if (a.containsKey("annotators")) {
      // e.g. "tokenize,ssplit,pos,lemma": the linker without NER, to measure what NER costs.
      overrides.put("linking.corenlp.annotators", a.get("annotators"));
    }
    PluskConfig config = PluskConfig.defaults().with(overrides);
    SparkSession spark = Sessions.getOrCreate(config, "local[" + threads + "]");
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    long loadStart = System.nanoTime();
    Ontology ontology = OntologyLoader.load(spark, config.ontologyLocation());
    // What one executor pays before its first post: the ontology and its alias index.
    new io.plusk.common.linking.AliasIndex(ontology);
    long ontologyLoadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    TopicLinker keepIndexAlive = new TopicLinker(ontology, (text, level) -> List.of(), config.linking());
    System.gc();
    long ontologyHeapMb = (rt.totalMemory() - rt.freeMemory() - heapBefore) / (1024 * 1024);
    List<String> realTexts = new ArrayList<>();
    if (a.containsKey("texts")) {
      // Real tweet texts (JSON lines with "text", comma-separated files) instead of made-up ones.
      ObjectMapper reader = new ObjectMapper();
      for (String f : a.get("texts").split(",")) {
        for (String line : Files.readAllLines(Path.of(f), java.nio.charset.StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            realTexts.add(reader.readTree(line).path("text").asText());
          }
        }
      }
    }
    deleteRecursively(work);
    Path input = ownInput != null ? ownInput : work.resolve("input");
    if (days > 1) {
      multiDay(spark, config, ontology, input, work, day.minusDays(days - 1L), days, tweets, threads, historyDays,
          jsonOut, markdown);
      spark.stop();
      return;
    }
    if (a.containsKey("population")) {
      // --population N: N users on one date, a super-topic holding most of them; score, publish, explain timed.
      StringBuilder md = new StringBuilder();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("measured_at", Instant.now().toString());
      out.put("machine", machine(threads));
      out.putAll(new PopulationBench(spark, config, ontology, Long.parseLong(a.get("population"))).run(work, day, md));
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> skew = (Map<String, Map<String, Object>>) out.get("task_skew");
      md.append(skewTable(skew));
      writeReport(out, md, jsonOut, markdown);
      spark.stop();
      return;
    }
    long t0 = System.nanoTime();
    int files;
    if (ownInput == null) {
      // --celebrity-mentions X: X bare @mentions per tweet, half of them of the 1 % most active users.
      files = new SyntheticDump(realTexts)
          .withCelebrityMentions(Double.parseDouble(a.getOrDefault("celebrity-mentions", "0")))
          .write(input, day, tweets, ontology, 42L);
    } else {
      try (var listing = Files.list(input.resolve("tweets").resolve("dt=" + day))) {
        files = (int) listing.filter(Files::isRegularFile).count();
      }
    }
    long genMillis = (System.nanoTime() - t0) / 1_000_000;

    Warehouse wh = new Warehouse(spark, work.resolve("warehouse").toString());
    JobContext ctx = new JobContext(spark, config, ontology, input.toString(), wh, day);
    long scanStart = System.nanoTime();
    long scanned = spark.read().json(input.resolve("tweets").resolve("dt=" + day).toString()).count();
    long scanMillis = (System.nanoTime() - scanStart) / 1_000_000;

    // A first Parquet write loads the writer's classes and codecs in one task (0.7 s, once per JVM): in a stage of
    // 20 ms tasks that one task would pass for a hot key in the task metrics. The JSON reader is warm from the scan.
    spark.range(1).write().mode(org.apache.spark.sql.SaveMode.Overwrite)
        .parquet(work.resolve("parquet-warm-up").toString());
    TaskSkew skew = new TaskSkew();
    spark.sparkContext().addSparkListener(skew);
    long runStart = System.nanoTime();
    List<StageResult> results = Pipeline.runDate(ctx);
    long runMillis = (System.nanoTime() - runStart) / 1_000_000;
    spark.sparkContext().removeSparkListener(skew);
    Map<String, Map<String, Object>> taskSkew = skew.byPipelineStage();
    // The link stage once more in the same JVM with its memory of annotated texts emptied: an executor that has
    // linked before (models loaded, code compiled), which is how raw CoreNLP is measured below. The nightly's link
    // stage also pays the JIT compiling CoreNLP on the same cores.
    Linkers.forgetAnnotations();
    long warmLinkMillis = Pipeline.runStage(ctx, new LinkJob()).millis();

    List<Row> engaged = wh.read(Tables.ENGAGED_POSTS, day).select("text").collectAsList();
    List<String> texts = new ArrayList<>();
    engaged.forEach(r -> texts.add(r.getString(0)));
    var linking = config.linking();
    CoreNlpAnnotator annotator = new CoreNlpAnnotator(linking.annotators(), linking.nerModel());
    // The same linker as the link stage's: each distinct text annotated once (the raw CoreNLP baseline does all).
    TopicLinker linker = new TopicLinker(ontology,
        io.plusk.common.nlp.MemoizingAnnotator.wrap(annotator, linking.annotationCacheEntries()), linking);
    List<String> cleaned = texts.stream().map(t -> CleanText.of(t).nlpText()).toList();
    // Raw CoreNLP: a plain pipeline of the configured annotators with the same settings, every text in full.
    StanfordCoreNLP raw = new StanfordCoreNLP(CoreNlpAnnotator.properties(linking.annotators(), linking.nerModel()));
    Consumer<String> rawAnnotate = t -> raw.annotate(new Annotation(t));
    timeThreads(cleaned.subList(0, Math.min(300, cleaned.size())), threads, rawAnnotate);
    double coreNlpMillis = timeThreads(cleaned, threads, rawAnnotate);
    double linkerMillis = timeThreads(texts, threads, t -> linker.link(t, List.of()));
    long[] sentences = annotator.sentencesAnnotatedAndLeft();
    // The reference selective annotation must match: every post through every annotator.
    TopicLinker fullyAnnotated = new TopicLinker(ontology, annotator, linking.withSelectiveAnnotation(false));
    double fullLinkerMillis = timeThreads(texts, threads, t -> fullyAnnotated.link(t, List.of()));
    Map<String, Object> agreement = agreement(texts, linker, fullyAnnotated);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("measured_at", Instant.now().toString());
    out.put("machine", machine(threads));
    out.put("input", ownInput != null ? ownInput.toString() : "synthetic");
    out.put("date", day.toString());
    out.put("tweets_generated", ownInput != null ? 0 : tweets);
    out.put("real_texts", realTexts.size());
    out.put("ontology", Map.of("topics", ontology.size(), "load_and_index_millis", ontologyLoadMillis,
        "heap_mb", ontologyHeapMb, "linker_topics", keepIndexAlive.ontology().size()));
    out.put("files", files);
    out.put("generate_millis", genMillis);
    out.put("bare_json_scan", Map.of("rows", scanned, "millis", scanMillis));
    Map<String, Object> stages = new LinkedHashMap<>();
    for (StageResult r : results) {
      stages.put(r.stage(), Map.of("millis", r.millis(), "counts", r.counts()));
    }
    out.put("stages", stages);
    out.put("nightly_millis", runMillis);
    out.put("task_skew", taskSkew);
    long linkMillis = results.get(2).millis();
    double linkRate = texts.size() / (linkMillis / 1000.0);
    double rawRate = texts.size() / (coreNlpMillis / 1000.0);
    double linkerRate = texts.size() / (linkerMillis / 1000.0);
    double warmLinkRate = texts.size() / (warmLinkMillis / 1000.0);
    long ingestMillis = results.get(0).millis();
    out.put("engaged_texts", texts.size());
    long distinct = new java.util.HashSet<>(cleaned).size();
    out.put("distinct_engaged_texts", distinct);
    out.put("link_stage_tweets_per_s", round(linkRate));
    out.put("raw_corenlp_tweets_per_s", round(rawRate));
    out.put("linker_outside_spark_tweets_per_s", round(linkerRate));
    out.put("ratio_link_stage_vs_raw_corenlp", round(linkRate / rawRate));
    out.put("link_stage_warm_millis", warmLinkMillis);
    out.put("link_stage_warm_tweets_per_s", round(warmLinkRate));
    out.put("ratio_link_stage_warm_vs_raw_corenlp", round(warmLinkRate / rawRate));
    out.put("sentences_annotated_beyond_tokens", Map.of("annotated", sentences[0], "left_at_tokens", sentences[1]));
    out.put("linker_every_post_fully_annotated_millis", round(fullLinkerMillis));
    out.put("selective_vs_full_annotation", agreement);
    out.put("ratio_ingest_vs_bare_scan", round((double) scanMillis / ingestMillis));
    StringBuilder md = new StringBuilder();
    md.append(String.format("Run %s on %s: %s in %d files, %d threads (local[%d]).%n%n",
        out.get("measured_at"), out.get("machine"), ownInput != null ? "the dump " + ownInput + " for " + day
            : String.format("%,d synthetic tweets", tweets), files, threads, threads));
    md.append("| step | time (s) | rows | rate |\n|---|---|---|---|\n");
    md.append(String.format("| bare `spark.read.json(...).count()` | %.1f | %,d | %,.0f lines/s |%n", scanMillis / 1000.0,
        scanned, scanned / (scanMillis / 1000.0)));
    for (StageResult r : results) {
      String rows = switch (r.stage()) {
        case "ingest" -> String.format("%,d lines", r.get("tweets.lines"));
        case "engaged" -> String.format("%,d engaged", r.get("engaged_posts.written"));
        case "link" -> String.format("%,d posts", r.get("engaged_posts"));
        case "score" -> String.format("%,d rows", r.get("topic_expertise.written"));
        default -> "";
      };
      String rate = r.stage().equals("ingest") ? String.format("%,.0f lines/s", r.get("tweets.lines") / (r.millis() / 1000.0))
          : r.stage().equals("link") ? String.format("%,.0f posts/s", linkRate) : "";
      md.append(String.format("| %s | %.1f | %s | %s |%n", r.stage(), r.millis() / 1000.0, rows, rate));
    }
    md.append(String.format("| **nightly total** | %.1f | | |%n", runMillis / 1000.0));
    md.append(String.format("| link stage again, warm executor (annotation memory emptied) | %.1f | %,d posts | %,.0f posts/s |%n",
        warmLinkMillis / 1000.0, texts.size(), warmLinkRate));
    md.append(String.format("| CoreNLP alone, same texts and threads, after warm-up | %.1f | %,d texts | %,.0f texts/s |%n",
        coreNlpMillis / 1000.0, texts.size(), rawRate));
    md.append(String.format("| plusk linker outside Spark (CoreNLP + matching) | %.1f | %,d texts | %,.0f texts/s |%n",
        linkerMillis / 1000.0, texts.size(), linkerRate));
    md.append(String.format("| plusk linker outside Spark, every post fully annotated | %.1f | %,d texts | |%n",
        fullLinkerMillis / 1000.0, texts.size()));
    md.append(String.format("%nSelective annotation: %,d of %,d posts get the same links as with every annotator "
        + "(%.2f %%); posts by annotation level %s.%n", (Integer) agreement.get("same_links"), texts.size(),
        100.0 * (Integer) agreement.get("same_links") / Math.max(1, texts.size()),
        agreement.get("posts_by_annotation_level")));
    md.append(String.format("%nSentences of the posts annotated beyond tokens (linker outside Spark): %,d tagged or "
        + "searched for names, %,d left at tokens.%n", sentences[0], sentences[1]));
    md.append(String.format("%nDistinct cleaned texts among the engaged posts: %,d of %,d.%n", distinct,
        texts.size()));
    md.append(String.format("%nLargest task against the median task (executor run time) of the nightly's Spark stages "
        + "with several tasks, the worst stage of each step (among stages whose largest task took %d ms or more):%n%n"
        + "%s", TaskSkew.MIN_LARGEST_MILLIS, skewTable(taskSkew)));
    md.append(String.format("%nRatios: link stage / raw CoreNLP = **%.2f** (warm executor: **%.2f**); bare JSON scan "
        + "time / ingest time = **%.2f**.%n", linkRate / rawRate, warmLinkRate / rawRate,
        (double) scanMillis / ingestMillis));
    writeReport(out, md, jsonOut, markdown);
    spark.stop();
  }

  /**
   * Night after night on consecutive synthetic days over one warehouse: does a night's cost follow its new posts, or
   * grow with the history behind it? Reports each night's stage times and day N against day 1.
   */
  private static void multiDay(SparkSession spark, PluskConfig config, Ontology ontology, Path input, Path work,
                               LocalDate first, int days, int tweets, int threads, int historyDays, Path jsonOut,
                               Path markdown) throws Exception {
    Warehouse wh = new Warehouse(spark, work.resolve("warehouse").toString());
    List<Map<String, Object>> nights = new ArrayList<>();
    StringBuilder md = new StringBuilder();
    md.append(String.format("%d consecutive nights of %,d synthetic tweets each on %s, local[%d].%n%n", days, tweets,
        machine(threads), threads));
    md.append("| night | ingest | engaged | link | score | publish | total (s) | posts linked | links reused |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      new SyntheticDump().write(input, day, tweets, ontology, 42L);
      long start = System.nanoTime();
      List<StageResult> results = Pipeline.runDate(new JobContext(spark, config, ontology, input.toString(), wh,
          day));
      long millis = (System.nanoTime() - start) / 1_000_000;
      Map<String, Object> night = new LinkedHashMap<>();
      night.put("dt", day.toString());
      night.put("millis", millis);
      StringBuilder row = new StringBuilder(String.format("| %d |", d + 1));
      for (StageResult r : results) {
        night.put(r.stage() + "_millis", r.millis());
        row.append(String.format(" %.1f |", r.millis() / 1000.0));
      }
      StageResult link = results.get(2);
      night.put("posts_linked_tonight", link.get("posts_linked_tonight"));
      night.put("posts_with_reused_links", link.get("posts_with_reused_links"));
      nights.add(night);
      row.append(String.format(" %.1f | %,d | %,d |%n", millis / 1000.0, link.get("posts_linked_tonight"),
          link.get("posts_with_reused_links")));
      md.append(row);
      System.out.print(row);
    }
    // Night 1 pays the JVM's warm-up (JIT, CoreNLP load); night 2 is the fair baseline for growth.
    long base = (long) nights.get(1).get("millis");
    long last = (long) nights.get(days - 1).get("millis");
    md.append(String.format("%nNight %d / night 2 = **%.2f** (night 1, %.1f s, includes the JVM's warm-up and the "
        + "CoreNLP load).%n", days, (double) last / base, (long) nights.get(0).get("millis") / 1000.0));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("measured_at", Instant.now().toString());
    out.put("machine", machine(threads));
    out.put("tweets_per_day", tweets);
    out.put("nights", nights);
    out.put("ratio_last_vs_second_night", round((double) last / base));
    out.put("ratio_last_vs_first_night", round((double) last / (long) nights.get(0).get("millis")));
    if (historyDays > 0) {
      out.put("history", withHistory(spark, config, ontology, input, work, first, days, historyDays, md));
    }
    writeReport(out, md, jsonOut, markdown);
  }

  /**
   * The last night run again over the warehouse as it is (its earlier nights behind it), over a copy whose history
   * just fills the scoring window, and over one whose history goes back {@code historyDays} more days
   * ({@link HistoryFill}), in turn, twice each: past a full window a night's cost should not grow with the dates
   * behind it. The faster of each one's runs is compared (the JVM keeps warming up).
   */
  private static Map<String, Object> withHistory(SparkSession spark, PluskConfig config, Ontology ontology,
                                                 Path input, Path work, LocalDate first, int days, int historyDays,
                                                 StringBuilder md) throws Exception {
    LocalDate last = first.plusDays(days - 1L);
    List<LocalDate> realNights = new ArrayList<>();
    for (int d = 0; d < days - 1; d++) {
      realNights.add(first.plusDays(d));
    }
    // History depth (days before the night) -> warehouse; the window one only when it lies between the others.
    Map<Integer, Path> warehouses = new java.util.TreeMap<>();
    warehouses.put(days - 1, work.resolve("warehouse"));
    int window = config.scoring().windowDays();
    Map<Integer, long[]> fills = new LinkedHashMap<>();
    for (int depth : window > days - 1 && window < historyDays ? List.of(window, historyDays) : List.of(historyDays)) {
      Path root = work.resolve("warehouse-" + depth + "-days");
      HistoryFill.copyTree(work.resolve("warehouse"), root);
      long fillStart = System.nanoTime();
      long folders = HistoryFill.fill(root, realNights, depth - (days - 1));
      // The carried evidence of the night before, as this history would have left it: the copied one sums the real
      // nights only, and the night's leaving date (a repeated one) would be taken off what it never added.
      Warehouse filled = new Warehouse(spark, root.toString());
      LocalDate before = last.minusDays(1);
      filled.write(EvidenceWindow.fromDaily(filled.read(Tables.USER_TOPIC_DAILY,
          before.minusDays(window - 1L), before), before, config.scoring()), Tables.USER_TOPIC_WINDOW, before);
      fills.put(depth, new long[] {folders, (System.nanoTime() - fillStart) / 1_000_000});
      warehouses.put(depth, root);
    }
    Map<Integer, Map<String, Object>> best = new java.util.TreeMap<>();
    for (int round = 1; round <= 2; round++) {
      for (Map.Entry<Integer, Path> w : warehouses.entrySet()) {
        Map<String, Object> run = timedRerun(spark, config, ontology, input,
            new Warehouse(spark, w.getValue().toString()), last);
        System.out.printf("history_days=%d round=%d millis=%d%n", w.getKey(), round, (Long) run.get("millis"));
        Map<String, Object> kept = best.get(w.getKey());
        if (kept == null || (Long) run.get("millis") < (Long) kept.get("millis")) {
          best.put(w.getKey(), run);
        }
      }
    }
    md.append(String.format("%nNight %d run again with its %d real earlier nights behind it, and over copies whose "
        + "history goes back further (the real nights' date folders repeated back in time: %s), the faster of two "
        + "runs each (scoring window: %d days):%n%n"
        + "| history (days before the night) | ingest | engaged | link | score | publish | total (s) |%n"
        + "|---|---|---|---|---|---|---|%n", days, days - 1, fills.entrySet().stream().map(e -> String.format(
            "%,d folders for %d days in %.1f s", e.getValue()[0], e.getKey(), e.getValue()[1] / 1000.0)).toList(),
        window));
    best.forEach((depth, run) -> {
      StringBuilder row = new StringBuilder(String.format("| %,d |", depth));
      @SuppressWarnings("unchecked")
      Map<String, Long> stageMillis = (Map<String, Long>) run.get("stage_millis");
      stageMillis.values().forEach(m -> row.append(String.format(" %.1f |", m / 1000.0)));
      md.append(row).append(String.format(" %.1f |%n", (Long) run.get("millis") / 1000.0));
    });
    long shallowest = (Long) best.get(days - 1).get("millis");
    long deepest = (Long) best.get(historyDays).get("millis");
    md.append(String.format("%n%d days / %d days = **%.2f**", historyDays, days - 1, (double) deepest / shallowest));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("history_days", historyDays);
    best.forEach((depth, run) -> out.put("history_" + depth + "_days", run));
    out.put("ratio_deepest_vs_real_nights", round((double) deepest / shallowest));
    if (best.containsKey(window) && window != historyDays) {
      long full = (Long) best.get(window).get("millis");
      md.append(String.format("; %d days / %d days (a full scoring window) = **%.2f**", historyDays, window,
          (double) deepest / full));
      out.put("ratio_deepest_vs_full_window", round((double) deepest / full));
    }
    md.append(".\n");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> skew = (Map<String, Map<String, Object>>) best.get(historyDays).get("task_skew");
    md.append(String.format("%nLargest task against the median task, the worst Spark stage of each step, %d days of "
        + "history:%n%n", historyDays)).append(skewTable(skew));
    return out;
  }

  /** The figures as JSON and the markdown table of docs/performance.md, which is also printed. */
  private static void writeReport(Map<String, Object> out, StringBuilder md, Path jsonOut, Path markdown)
      throws java.io.IOException {
    Files.createDirectories(jsonOut.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonOut.toFile(), out);
    Files.writeString(markdown, md.toString(), StandardCharsets.UTF_8);
    System.out.println(md);
  }

  /** {@link TaskSkew#byPipelineStage()} as a markdown table. */
  private static String skewTable(Map<String, Map<String, Object>> skew) {
    StringBuilder md = new StringBuilder("| step | Spark stages | tasks | worst: largest / median (ms) | ratio | worst "
        + "stage (its tasks) |\n|---|---|---|---|---|---|\n");
    skew.forEach((step, s) -> md.append(String.format("| %s | %s | %s | %s / %s | %s | %s (%s) |%n", step,
        s.get("spark_stages"), s.get("tasks"), s.get("worst_largest_millis"), s.get("worst_median_millis"),
        s.get("worst_ratio"), s.get("worst_stage"), s.get("worst_stage_tasks"))));
    return md.toString();
  }

  /** One date run again, with each step's time and Spark's task metrics. */
  private static Map<String, Object> timedRerun(SparkSession spark, PluskConfig config, Ontology ontology,
                                                Path input, Warehouse wh, LocalDate date) {
    TaskSkew skew = new TaskSkew();
    spark.sparkContext().addSparkListener(skew);
    long start = System.nanoTime();
    List<StageResult> results;
    try {
      results = Pipeline.runDate(new JobContext(spark, config, ontology, input.toString(), wh, date));
    } finally {
      spark.sparkContext().removeSparkListener(skew);
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("millis", (System.nanoTime() - start) / 1_000_000);
    Map<String, Long> stageMillis = new LinkedHashMap<>();
    results.forEach(r -> stageMillis.put(r.stage(), r.millis()));
    run.put("stage_millis", stageMillis);
    run.put("task_skew", skew.byPipelineStage());
    return run;
  }

  /**
   * How many posts get the same links (topic and confidence) from the selective linker as from the fully annotated
   * one, and how many posts the selective one annotated at each level.
   */
  private static Map<String, Object> agreement(List<String> texts, TopicLinker selective, TopicLinker full) {
    long[] before = selective.postsByAnnotationLevel();
    int same = 0;
    int sameTopics = 0;
    List<String> examples = new ArrayList<>();
    for (String t : texts) {
      Map<String, Double> a = new java.util.TreeMap<>();
      Map<String, Double> b = new java.util.TreeMap<>();
      selective.link(t, List.of()).forEach(l -> a.put(l.topicId(), l.confidence()));
      full.link(t, List.of()).forEach(l -> b.put(l.topicId(), l.confidence()));
      same += a.equals(b) ? 1 : 0;
      sameTopics += a.keySet().equals(b.keySet()) ? 1 : 0;
      if (!a.equals(b) && examples.size() < 20) {
        examples.add(t + " | selective " + a + " | full " + b);
      }
    }
    long[] after = selective.postsByAnnotationLevel();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("posts", texts.size());
    out.put("same_links", same);
    out.put("same_links_share", round((double) same / Math.max(1, texts.size())));
    out.put("same_topics", sameTopics);
    Map<String, Long> levels = new LinkedHashMap<>();
    for (io.plusk.common.nlp.AnnotationLevel level : io.plusk.common.nlp.AnnotationLevel.values()) {
      levels.put(level.name().toLowerCase(java.util.Locale.ROOT), after[level.ordinal()] - before[level.ordinal()]);
    }
    out.put("posts_by_annotation_level", levels);
    out.put("differences", examples);
    return out;
  }

  /** The newest dt=YYYY-MM-DD folder under a dump kind's folder. */
  private static LocalDate latestDay(Path kindFolder) throws java.io.IOException {
    try (var listing = Files.list(kindFolder)) {
      return listing.map(p -> p.getFileName().toString()).filter(n -> n.matches("dt=\\d{4}-\\d{2}-\\d{2}"))
          .map(n -> LocalDate.parse(n.substring(3))).max(LocalDate::compareTo)
          .orElseThrow(() -> new IllegalArgumentException("No dt=YYYY-MM-DD folder in " + kindFolder));
    }
  }

  private static double timeThreads(List<String> texts, int threads, Consumer<String> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int i = offset; i < texts.size(); i += threads) {
            work.accept(texts.get(i));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  private static String machine(int threads) {
    return String.format("%d cores, %d GiB heap max, Java %s, %s %s", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 30, System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  private static double round(double d) {
    return Math.round(d * 100.0) / 100.0;
  }

  private static void deleteRecursively(Path p) throws java.io.IOException {
    if (Files.exists(p)) {
      try (var walk = Files.walk(p)) {
        for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(x);
        }
      }
    }
  }
}
