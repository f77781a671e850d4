package io.plusk.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.linking.LinkFeedback;
import io.plusk.common.linking.TopicLink;
import io.plusk.common.linking.TopicLinker;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.schema.Tables;
import io.plusk.jobs.JobContext;
import io.plusk.jobs.Stage;
import io.plusk.jobs.StageResult;
import io.plusk.jobs.io.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
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
    Dataset<Row> engaged = ctx.warehouse().read(Tables.ENGAGED_POSTS, ctx.date());
    LinkFeedback feedback = latestFeedback(ctx);
    Dataset<Row> links = link(ctx.spark(), engaged, ctx.ontology(), ctx.config().linking(), feedback)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long posts = engaged.count();
    long written = ctx.warehouse().write(links, Tables.POST_TOPICS, ctx.date());
    long direct = links.where(col("via_topic_id").isNull()).count();
    long linkedPosts = links.select("post_id").distinct().count();
    links.unpersist();
    return new StageResult(name())
        .count("engaged_posts", posts)
        .count("posts_linked", linkedPosts)
        .count("posts_without_topic", posts - linkedPosts)
        .count("direct_links", direct)
        .count("down_weighted_links_known", feedback.weights().size())
        .count("post_topics.written", written);
  }

  /** The newest link_feedback before this date: what earlier nights' removals taught. */
  static LinkFeedback latestFeedback(JobContext ctx) {
    LocalDate before = ctx.warehouse().dates(Tables.LINK_FEEDBACK).lower(ctx.date());
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
    Broadcast<Ontology> shared = jsc.broadcast(ontology);
    Broadcast<LinkFeedback> learned = jsc.broadcast(feedback);
    JavaRDD<Row> rows = posts.select("post_id", "user_id", "text", "hashtags").javaRDD()
        .mapPartitions(partition -> {
          TopicLinker linker = Linkers.get(shared.value(), settings);
          List<Row> out = new ArrayList<>();
          while (partition.hasNext()) {
            Row post = partition.next();
            List<String> hashtags = post.isNullAt(3) ? List.of() : post.getList(3);
            for (TopicLink l : linker.link(post.getString(2), hashtags, learned.value())) {
              out.add(RowFactory.create(post.getString(0), post.getString(1), l.topicId(), l.confidence(),
                  l.method(), l.matchedText(), Columns.array(l.contextTerms()), l.viaTopicId()));
            }
          }
          return out.iterator();
        });
    return spark.createDataFrame(rows, Tables.POST_TOPICS_SCHEMA);
  }
}
