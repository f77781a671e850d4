package io.plusk.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A realistic synthetic day of tweets for benchmarks: skewed user activity (Zipf), each user with a few favourite
 * topics whose aliases and context words make the text, retweet cascades, replies, quotes, a share of non-English
 * and junk lines. Deterministic for a seed.
 */
public final class SyntheticDump {
  private static final DateTimeFormatter TWITTER = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
      Locale.ENGLISH);
  private static final String[] FILLER = {"really", "today", "thoughts on", "can't believe", "so good", "watching",
      "new", "big news:", "love this", "anyone else", "honestly", "what a", "tonight", "thread:", "finally"};
  private static final String[] FOREIGN = {"Qué partido tan bueno esta noche", "Bonjour à tous, belle journée",
      "Guten Morgen zusammen", "今日はいい天気ですね", "Bom dia a todos"};

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> realTexts;
  private int nextRealText;
  private double bareMentionsPerTweet;

  /** Post texts made from the ontology's names and context words. */
  public SyntheticDump() {
    this(List.of());
  }

  /** Original posts carry these real texts, in turn, instead of made-up ones (a real-text day). */
  public SyntheticDump(List<String> realTexts) {
    this.realTexts = List.copyOf(realTexts);
  }

  /**
   * Adds bare @mentions (engagement events without a post), this many per tweet on average: half of them name one
   * of the 1 % most active users (the celebrities), the rest anyone. A celebrity's mentions all resolve against
   * the same few posts, the hot key of the engaged stage.
   */
  public SyntheticDump withCelebrityMentions(double perTweet) {
    this.bareMentionsPerTweet = perTweet;
    return this;
  }

  /** Writes {@code tweets} statuses (plus retweets and replies among them) and returns the file count. */
  public int write(Path inputRoot, LocalDate day, int tweets, Ontology ontology, long seed) throws IOException {
    // Users and their favourite topics depend on the seed only, so consecutive days share a population.
    Random population = new Random(seed);
    Random rnd = new Random(seed ^ day.toEpochDay());
    List<Topic> topics = ontology.topics().stream().filter(t -> ontology.level(t.id()) >= 2).toList();
    int users = Math.max(50, tweets / 20);
    int[][] favourites = new int[users][3];
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < 3; k++) {
        favourites[u][k] = population.nextInt(topics.size());
      }
    }
    Path dir = Files.createDirectories(inputRoot.resolve("tweets").resolve("dt=" + day));
    Path events = Files.createDirectories(inputRoot.resolve("engagements").resolve("dt=" + day));
    int files = Math.max(1, tweets / 50_000);
    List<BufferedWriter> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(Files.newBufferedWriter(dir.resolve(String.format("part-%05d.jsonl", f)), StandardCharsets.UTF_8));
    }
    List<ObjectNode> recent = new ArrayList<>();
    // Post ids are unique across days (a repeated id would be taken for a redelivery).
    long id = 1_700_000_000_000_000_000L + day.toEpochDay() * 100_000_000L;
    ZonedDateTime start = day.atStartOfDay(ZoneOffset.UTC);
    try (BufferedWriter ev = Files.newBufferedWriter(events.resolve("part-00000.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < tweets; i++) {
        BufferedWriter w = out.get(i % files);
        double r = rnd.nextDouble();
        if (r < 0.01) {
          w.write("{\"id_str\": \"" + (id++) + "\", \"text\": \"truncated");
          w.newLine();
          continue;
        }
        int user = zipf(rnd, users);
        ZonedDateTime when = start.plusSeconds((long) i * 86_000L / tweets);
        ObjectNode status;
        if (r < 0.25 && !recent.isEmpty()) {
          ObjectNode original = recent.get(rnd.nextInt(recent.size()));
          status = status(id++, user, "RT @u" + original.get("user").get("id_str").asText() + ": "
              + original.get("text").asText(), when);
          status.set("retweeted_status", original);
        } else if (r < 0.35 && !recent.isEmpty()) {
          ObjectNode original = recent.get(rnd.nextInt(recent.size()));
          status = status(id++, user, "@u" + original.get("user").get("id_str").asText() + " " + text(rnd,
              topics.get(favourites[user][0]), ""), when);
          status.put("in_reply_to_status_id_str", original.get("id_str").asText());
          status.put("in_reply_to_user_id_str", original.get("user").get("id_str").asText());
        } else if (r < 0.38) {
          status = status(id++, user, FOREIGN[rnd.nextInt(FOREIGN.length)], when);
          status.put("lang", "und");
        } else {
          Topic t = topics.get(favourites[user][rnd.nextInt(3)]);
          String text = realTexts.isEmpty() ? text(rnd, t, FILLER[rnd.nextInt(FILLER.length)]) : nextRealText();
          status = status(id++, user, text, when);
          recent.add(status);
          if (recent.size() > 2_000) {
            recent.remove(rnd.nextInt(recent.size()));
          }
          if (rnd.nextDouble() < 0.2) {
            ev.write(String.format("{\"type\":\"like\",\"actor_id\":\"u%d\",\"post_id\":\"%s\",\"ts\":\"%s\"}%n",
                rnd.nextInt(users), status.get("id_str").asText(), when.plusMinutes(5).toInstant()));
          }
        }
        w.write(json.writeValueAsString(status));
        w.newLine();
        for (double m = rnd.nextDouble(); m < bareMentionsPerTweet; m += 1.0) {
          int target = rnd.nextBoolean() ? rnd.nextInt(Math.max(1, users / 100)) : rnd.nextInt(users);
          ev.write(String.format("{\"type\":\"mention\",\"actor_id\":\"%d\",\"target_user_id\":\"%d\","
              + "\"ts\":\"%s\"}%n", rnd.nextInt(users), target, when.plusMinutes(1).toInstant()));
        }
      }
    } finally {
      for (BufferedWriter w : out) {
        w.close();
      }
    }
    return files;
  }

  /**
   * The real texts in turn; from the second round on each carries its round number ("... 2"), so that no text
   * repeats and no cache flatters the link stage against CoreNLP run on the same texts.
   */
  private String nextRealText() {
    int round = nextRealText / realTexts.size();
    String text = realTexts.get(nextRealText++ % realTexts.size());
    return round == 0 ? text : text + " " + round;
  }

  private ObjectNode status(long id, int user, String text, ZonedDateTime when) {
    ObjectNode s = json.createObjectNode();
    s.put("id_str", Long.toString(id));
    s.put("created_at", TWITTER.format(when));
    s.put("text", text);
    s.put("lang", "en");
    ObjectNode u = s.putObject("user");
    u.put("id_str", Integer.toString(user));
    u.put("screen_name", "u" + user);
    ObjectNode entities = s.putObject("entities");
    ArrayNode tags = entities.putArray("hashtags");
    for (String word : text.split(" ")) {
      if (word.startsWith("#") && word.length() > 1) {
        tags.addObject().put("text", word.substring(1));
      }
    }
    entities.putArray("user_mentions");
    return s;
  }

  private static String text(Random rnd, Topic t, String filler) {
    StringBuilder sb = new StringBuilder(filler);
    List<Alias> words = t.aliases().stream().filter(a -> a.kind() != Alias.Kind.HANDLE).toList();
    String name = words.isEmpty() || rnd.nextBoolean() ? t.name() : words.get(rnd.nextInt(words.size())).toString()
        .replace("~", "");
    sb.append(sb.length() > 0 ? " " : "").append(name);
    List<String> context = new ArrayList<>(t.contextWords());
    for (int k = 0; k < 3 && !context.isEmpty(); k++) {
      sb.append(' ').append(context.get(rnd.nextInt(context.size())));
    }
    return sb.toString();
  }

  /** A user index with Zipf-like skew: a few users post most. */
  private static int zipf(Random rnd, int n) {
    double x = Math.pow(rnd.nextDouble(), 3.0);
    return (int) Math.min(n - 1, Math.floor(x * n));
  }
}
