package io.plusk.common.ontology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads plusk's ontology format: {@code topics.tsv}, one topic per line, tab-separated
 * {@code id  slug  name  parents  aliases  context}; lists are separated by {@code |}; parents are slugs or ids;
 * blank lines and lines starting with {@code #} are ignored. See docs/ontology.md.
 */
public final class OntologyFormat {
  public static final String TOPICS_FILE = "topics.tsv";
  public static final String HEADER = "id\tslug\tname\tparents\taliases\tcontext";

  private OntologyFormat() {}

  /** The ontology shipped in the jar, from conf/ontology/default. */
  public static Ontology readDefault() {
    return readClasspath("plusk/ontology/default");
  }

  public static Ontology readClasspath(String folder) {
    String resource = folder + "/" + TOPICS_FILE;
    java.io.InputStream in = OntologyFormat.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("Ontology resource not found on the classpath: " + resource);
    }
    return read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), "classpath:" + folder);
  }

  public static Ontology read(Reader reader, String source) {
    List<String[]> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(reader)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#") || line.equals(HEADER)) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length < 3 || cols.length > 6) {
          throw new IllegalArgumentException(String.format(
              "%s line %d: expected 3 to 6 tab-separated columns (%s), found %d", source, lineNo, HEADER,
              cols.length));
        }
        rows.add(Arrays.copyOf(cols, 6));
        lineNumbers.add(lineNo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read ontology " + source, e);
    }

    Map<String, String> slugToId = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String id = r[0].strip();
      String slug = r[1].strip().toLowerCase(Locale.ROOT);
      if (id.isEmpty() || slug.isEmpty() || r[2].isBlank()) {
        throw new IllegalArgumentException(
            String.format("%s line %d: id, slug and name are required", source, lineNumbers.get(i)));
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            String.format("%s line %d: duplicate topic id '%s'", source, lineNumbers.get(i), id));
      }
      if (slugToId.put(slug, id) != null) {
        throw new IllegalArgumentException(
            String.format("%s line %d: duplicate slug '%s'", source, lineNumbers.get(i), slug));
      }
    }

    List<Topic> topics = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      List<String> parents = new ArrayList<>();
      for (String p : split(r[3])) {
        String parentId = ids.contains(p) ? p : slugToId.get(p.toLowerCase(Locale.ROOT));
        if (parentId == null) {
          throw new IllegalArgumentException(
              String.format("%s line %d: unknown parent '%s' of topic '%s'", source, lineNumbers.get(i), p, r[1]));
        }
        parents.add(parentId);
      }
      List<Alias> aliases = new ArrayList<>();
      for (String a : split(r[4])) {
        aliases.add(Alias.parse(a));
      }
      Set<String> context = new LinkedHashSet<>();
      for (String c : split(r[5])) {
        context.add(c.toLowerCase(Locale.ROOT));
      }
      topics.add(new Topic(r[0].strip(), r[1].strip().toLowerCase(Locale.ROOT), r[2].strip(), parents, aliases,
          context));
    }
    Ontology ontology = new Ontology(source, topics);
    checkAcyclic(ontology);
    return ontology;
  }

  /** Writes the format back; used by the Klout importer. */
  public static String write(Iterable<Topic> topics, Ontology forParentSlugs) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Topic t : topics) {
      List<String> parentSlugs = new ArrayList<>();
      for (String p : t.parentIds()) {
        parentSlugs.add(forParentSlugs.byId(p).map(Topic::slug).orElse(p));
      }
      sb.append(clean(t.id())).append('\t').append(clean(t.slug())).append('\t').append(clean(t.name()))
          .append('\t').append(String.join("|", parentSlugs))
          .append('\t').append(String.join("|", t.aliases().stream().map(a -> clean(a.toString())).toList()))
          .append('\t').append(String.join("|", t.contextWords().stream().map(OntologyFormat::clean).toList()))
          .append('\n');
    }
    return sb.toString();
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('|', '/');
  }

  private static List<String> split(String col) {
    if (col == null || col.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : col.split("\\|")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static void checkAcyclic(Ontology ontology) {
    Map<String, Integer> state = new HashMap<>();
    for (Topic t : ontology.topics()) {
      visit(ontology, t.id(), state, new ArrayList<>());
    }
  }

  private static void visit(Ontology o, String id, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(id);
    if (s != null && s == 2) {
      return;
    }
    path.add(id);
    if (s != null && s == 1) {
      throw new IllegalArgumentException("Ontology " + o.source() + " has a cycle: " + String.join(" -> ", path));
    }
    state.put(id, 1);
    for (String p : o.byId(id).map(Topic::parentIds).orElse(List.of())) {
      visit(o, p, state, path);
    }
    state.put(id, 2);
    path.remove(path.size() - 1);
  }
}
