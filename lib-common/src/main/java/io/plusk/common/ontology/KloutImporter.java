package io.plusk.common.ontology;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts Klout's published ontology (topics.csv, edges.csv, entity_topic_labels.csv; CC BY 3.0) into plusk's
 * format. The synthetic root {@code 0 _ROOT_} is dropped, so Klout's 16 "-super" topics become top-level topics;
 * Wikidata ids are kept; the names of positively labelled entities become {@code ENTITY} surface forms (evidence
 * for the topic, not a sense of the name: {@code TopicLinker} lets a topic named by its own name win); the words of a topic's ancestors become its context
 * words, which is what lets "Twins" near "baseball" pick the Minnesota Twins.
 */
public final class KloutImporter {
  static final String ROOT_ID = "0";
  private static final Set<String> STOP = Set.of("and", "of", "the", "in", "for", "a", "an", "&", "to", "on");

  private KloutImporter() {}

  /** "social-sciences" → "Social Sciences". */
  static String restoredName(String slug) {
    StringBuilder sb = new StringBuilder();
    for (String w : slug.split("-")) {
      if (!w.isEmpty()) {
        sb.append(sb.length() > 0 ? " " : "").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return sb.toString();
  }

  /** Klout's ontology and the Wikipedia titles of the Wikidata items its entity labels name. */
  public record Import(Ontology ontology, Map<String, String> wikipediaTitles) {}

  /** Reads topics.csv, edges.csv and entity_topic_labels.csv from Klout's published folder. */
  public static Import readFolder(Path dir) throws IOException {
    for (String f : new String[] {"topics.csv", "edges.csv", LABELS_FILE}) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new IllegalArgumentException("Missing " + dir.resolve(f));
      }
    }
    Ontology ontology;
    try (Reader t = Files.newBufferedReader(dir.resolve("topics.csv"), StandardCharsets.UTF_8);
         Reader e = Files.newBufferedReader(dir.resolve("edges.csv"), StandardCharsets.UTF_8);
         Reader l = Files.newBufferedReader(dir.resolve(LABELS_FILE), StandardCharsets.UTF_8)) {
      ontology = importFrom(t, e, l, dir.toString());
    }
    try (Reader l = Files.newBufferedReader(dir.resolve(LABELS_FILE), StandardCharsets.UTF_8)) {
      return new Import(ontology, wikipediaTitles(l));
    }
  }

  private static final String LABELS_FILE = "entity_topic_labels.csv";

  /**
   * The English Wikipedia title of each Wikidata item that entity_topic_labels.csv names (its display names are
   * the articles' titles): Klout's topics carry Wikidata ids, so this names many topics' articles.
   */
  public static Map<String, String> wikipediaTitles(Reader labelsCsv) {
    Map<String, String> out = new HashMap<>();
    for (String[] r : Csv.read(labelsCsv, true)) {
      String name = r.length >= 2 ? r[1].strip() : "";
      if (r[0].startsWith("Q") && !name.isEmpty() && !name.startsWith("_display_unknown")
          && !name.endsWith("(disambiguation)")) {
        out.putIfAbsent(r[0].strip(), Character.toUpperCase(name.charAt(0)) + name.substring(1).replace(' ', '_'));
      }
    }
    return out;
  }

  public static Ontology importFrom(Reader topicsCsv, Reader edgesCsv, Reader labelsCsv, String source) {
    Map<String, String[]> topics = new LinkedHashMap<>();
    for (String[] r : Csv.read(topicsCsv, true)) {
      if (r.length < 3) {
        throw new IllegalArgumentException("topics.csv: expected topicId,topicSlug,topicDisplayName,...");
      }
      if (!r[0].equals(ROOT_ID)) {
        topics.put(r[0], r);
      }
    }
    List<String[]> edges = Csv.read(edgesCsv, true);
    // A few topics are named by edges but missing from topics.csv ("economics", parent of GDP, Recession...):
    // restored from the edge's id and slug, so their children keep their place in the DAG.
    for (String[] r : edges) {
      for (int idCol : new int[] {0, 2}) {
        String id = r[idCol];
        if (!id.equals(ROOT_ID) && !topics.containsKey(id)) {
          String slug = r[idCol + 1];
          topics.put(id, new String[] {id, slug, restoredName(slug), ""});
        }
      }
    }
    Map<String, List<String>> parents = new HashMap<>();
    for (String[] r : edges) {
      String parent = r[0];
      String child = r[2];
      if (child.equals(ROOT_ID) || parent.equals(child) || !topics.containsKey(child)) {
        continue;
      }
      List<String> list = parents.computeIfAbsent(child, k -> new ArrayList<>());
      if (!parent.equals(ROOT_ID) && topics.containsKey(parent) && !list.contains(parent)) {
        list.add(parent);
      }
    }
    Map<String, Set<String>> entityNames = new HashMap<>();
    for (String[] r : Csv.read(labelsCsv, true)) {
      if (r.length >= 5 && r[4].strip().equals("1") && !r[1].startsWith("_display_unknown")) {
        entityNames.computeIfAbsent(r[2], k -> new LinkedHashSet<>()).add(r[1].strip());
      }
    }

    List<Topic> draft = new ArrayList<>();
    for (String[] r : topics.values()) {
      List<Alias> aliases = new ArrayList<>();
      for (String name : entityNames.getOrDefault(r[0], Set.of())) {
        if (!name.equalsIgnoreCase(r[2]) && !name.isBlank() && name.length() <= 60) {
          aliases.add(io.plusk.common.ontology.build.SurfaceFormMiner.entityForm(
              name.replace('|', '/').replace('\t', ' ')));
        }
      }
      draft.add(new Topic(r[0], r[1], r[2], parents.getOrDefault(r[0], List.of()), aliases, Set.of(),
          Topic.Kind.SUBJECT, r.length > 3 ? r[3].strip() : ""));
    }
    Ontology structure = new Ontology(source, draft);
    List<Topic> withContext = new ArrayList<>();
    for (Topic t : draft) {
      Set<String> context = new LinkedHashSet<>();
      for (String ancestor : structure.ancestors(t.id()).keySet()) {
        Topic a = structure.byId(ancestor).orElseThrow();
        if (structure.level(ancestor) > 1) {
          for (String w : a.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2 && !STOP.contains(w)) {
              context.add(w);
            }
          }
        }
      }
      withContext.add(new Topic(t.id(), t.slug(), t.name(), t.parentIds(), t.aliases(), context, t.kind(),
          t.wikidataId()));
    }
    return new Ontology(source, withContext);
  }
}
