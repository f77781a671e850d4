package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.linking.LinkFeedback;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import io.plusk.jobs.io.SchemaGuard;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import io.plusk.jobs.io.Frames;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage 3: links each engaged post of the day to ontology topics (CoreNLP plus alias, hashtag and handle matching,
 * context disambiguation), rolled up to the ancestors, one row per post and topic with its evidence.
 */
public final class LinkJob implements Stage {
  @Override
  public String name() {
    return "link";
  }

  @Override
  public StageResult execute(JobContext ctx) {
    var wh = ctx.warehouse();
    Dataset<Row> engaged = wh.read(Tables.ENGAGED_POSTS, ctx.date());
    LinkFeedback feedback = latestFeedback(ctx);
    LocalDate lookbackStart = ctx.date().minusDays(ctx.config().engaged().lookbackDays());
    Dataset<Row> linkedBefore = wh.read(Tables.ENGAGED_POSTS, lookbackStart, ctx.date().minusDays(1))
        .select("post_id").distinct();
    Dataset<Row> links = linksReusing(ctx, engaged, linkedBefore,
            wh.read(Tables.POST_TOPICS, lookbackStart, ctx.date().minusDays(1)), feedback)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Two passes for the figures, each counting several: on a quiet night every Spark job costs a fixed half second.
    Row postFigures = engaged.join(linkedBefore.withColumn("_before", lit(true)), Columns.using("post_id"), "left")
        .agg(count(lit(1)), count(when(col("_before").isNull(), lit(1)))).first();
    long posts = postFigures.getLong(0);
    long freshPosts = postFigures.getLong(1);
    long written = ctx.warehouse().write(links, Tables.POST_TOPICS, ctx.date());
    Row linkFigures = links.agg(count(when(col("via_topic_id").isNull(), lit(1))), countDistinct("post_id")).first();
    long direct = linkFigures.getLong(0);
    long linkedPosts = linkFigures.getLong(1);
    links.unpersist();
    return new StageResult(name())
        .count("engaged_posts", posts)
        .count("posts_linked_tonight", freshPosts)
        .count("posts_with_reused_links", posts - freshPosts)
        .count("posts_linked", linkedPosts)
        .count("posts_without_topic", posts - linkedPosts)
        .count("direct_links", direct)
        .count("down_weighted_links_known", feedback.weights().size())
        .count("post_topics.written", written);
  }

  /**
   * The links of the engaged posts: a post among {@code linkedBefore} (engaged on an earlier night, so linked then)
   * keeps its newest links from {@code earlierLinks} (post_topics rows with their {@code dt}); the others are linked
   * now, with their authors' topics of the days before as context. The NLP cost follows new posts, not history.
   */
  static Dataset<Row> linksReusing(JobContext ctx, Dataset<Row> engaged, Dataset<Row> linkedBefore,
                                   Dataset<Row> earlierLinks, LinkFeedback feedback) {
    Dataset<Row> fresh = engaged.join(linkedBefore, Columns.using("post_id"), "left_anti");
    Dataset<Row> reused = Frames.firstPerGroup(earlierLinks
            .join(engaged.select("post_id"), Columns.using("post_id"), "left_semi")
            .join(linkedBefore, Columns.using("post_id"), "left_semi"),
        new String[] {"post_id", "topic_id"}, col("dt").desc()).drop("dt");
    int historyDays = ctx.config().raw().getInt("plusk.linking.author-history-days");
    Dataset<Row> authorTopics = ctx.warehouse().read(Tables.USER_TOPIC_DAILY, ctx.date().minusDays(historyDays),
            ctx.date().minusDays(1))
        .groupBy("user_id").agg(org.apache.spark.sql.functions.collect_set("topic_id").as("author_topics"));
    Dataset<Row> toLink = fresh.join(authorTopics, Columns.using("user_id"), "left");
    return link(ctx.spark(), toLink, ctx.ontology(), ctx.config().linking(), feedback)
        .unionByName(SchemaGuard.conform(reused, Tables.POST_TOPICS_SCHEMA, Tables.POST_TOPICS));
  }

  /** The newest link_feedback before this date: what earlier nights' removals taught. */
  static LinkFeedback latestFeedback(JobContext ctx) {
    LocalDate before = ctx.warehouse().latestBefore(Tables.LINK_FEEDBACK, ctx.date());
    if (before == null) {
      return LinkFeedback.NONE;
    }
    Map<String, Double> weights = new HashMap<>();
    for (Row r : ctx.warehouse().read(Tables.LINK_FEEDBACK, before).where(col("weight").lt(1.0))
        .select("matched_text", "topic_id", "weight").collectAsList()) {
      weights.put(LinkFeedback.key(r.getString(0), r.getString(1)), r.getDouble(2));
    }
    return new LinkFeedback(weights);
  }

  /** Links the posts of a frame with {@code post_id, user_id, text, hashtags}; returns post_topics rows. */
  public static Dataset<Row> link(SparkSession spark, Dataset<Row> posts, Ontology ontology,
                                  LinkingSettings settings, LinkFeedback feedback) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Ontology> shared = OntologyBroadcast.of(spark.sparkContext(), ontology);
    Broadcast<LinkFeedback> learned = jsc.broadcast(feedback);
    // A day's engaged posts often sit in one or two files: spread them so every core runs CoreNLP (the costly part).
    // Always to a fixed count: asking an adaptive plan how many partitions it has runs its upstream stages twice.
    Dataset<Row> spread = posts.repartition(spark.sparkContext().defaultParallelism() * 2);
    Dataset<Row> withHistory = java.util.Arrays.asList(spread.columns()).contains("author_topics") ? spread
        : spread.withColumn("author_topics", org.apache.spark.sql.functions.lit(null).cast("array<string>"));
    JavaRDD<Row> rows = withHistory.select("post_id", "user_id", "text", "hashtags", "author_topics").javaRDD()
        .mapPartitions(partition -> {
          TopicLinker linker = Linkers.get(shared.value(), settings);
          LinkFeedback feedbackHere = learned.value();
          // Streamed post by post: a partition's links are never all held in memory at once.
          return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(partition, 0),
                  false)
              .flatMap(post -> {
                List<String> hashtags = post.isNullAt(3) ? List.of() : post.getList(3);
                java.util.Set<String> authorTopics = post.isNullAt(4) ? java.util.Set.of()
                    : new java.util.HashSet<>(post.<String>getList(4));
                return linker.link(post.getString(2), hashtags, feedbackHere, authorTopics).stream()
                    .map(l -> RowFactory.create(post.getString(0), post.getString(1), l.topicId(), l.confidence(),
                        l.method(), l.matchedText(), Columns.array(l.contextTerms()), l.viaTopicId()));
              })
              .iterator();
        });
    return spark.createDataFrame(rows, Tables.POST_TOPICS_SCHEMA);
  }
}
