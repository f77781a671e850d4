package io.plusk.common.ontology.build;

import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.ontology.SurfaceFormsFile;
import io.plusk.common.ontology.Topic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Makes plusk's default ontology: Klout's topics and DAG (ids, slugs, names and Wikidata ids kept) merged with
 * plusk's hand-written topics, with every topic's surface forms and link priors mined from CoreNLP's Wikipedia
 * dictionary. The output folder is what the nightly loads: the dictionary itself never leaves the import.
 */
public final class DefaultOntologyBuilder {
  public static final String PLUSK_ID_PREFIX = "plusk-";

  /** The merged topics, the renamed plusk slugs, and the figures of the build. */
  public record Built(List<Topic> topics, Map<String, String> legacySlugs, int kloutTopics, int pluskMerged,
                      int pluskAdded, SurfaceFormMiner.Result mined) {
    public long forms(Alias.Origin origin) {
      return topics.stream().flatMap(t -> t.aliases().stream()).filter(a -> a.origin() == origin).count();
    }
  }

  private DefaultOntologyBuilder() {}

  /**
   * @param equivalents plusk slug → Klout slug for topics named differently ("-": keep plusk's own)
   * @param dictionary  CoreNLP's wikidict; {@code null} builds without mined forms (tests of the merge alone)
   */
  public static Built build(Ontology klout, Ontology plusk, Map<String, String> equivalents,
                            WikiDictionary dictionary) throws IOException {
    return build(klout, plusk, equivalents, dictionary, Map.of());
  }

  /** As above; {@code titleByWikidataId}: Wikipedia titles of Wikidata items, for topics their names miss. */
  public static Built build(Ontology klout, Ontology plusk, Map<String, String> equivalents,
                            WikiDictionary dictionary, Map<String, String> titleByWikidataId) throws IOException {
    Map<String, Topic> pluskToKlout = new LinkedHashMap<>();
    for (Topic p : plusk.topics()) {
      Topic target = kloutEquivalent(klout, p, equivalents);
      if (target != null) {
        pluskToKlout.put(p.id(), target);
      }
    }
    Map<String, String> newId = new LinkedHashMap<>();
    Map<String, String> legacy = new TreeMap<>();
    for (Topic p : plusk.topics()) {
      Topic k = pluskToKlout.get(p.id());
      newId.put(p.id(), k != null ? k.id() : PLUSK_ID_PREFIX + p.id());
      if (k != null && !k.slug().equals(p.slug())) {
        legacy.put(p.slug(), k.slug());
      }
    }
    Map<String, List<Topic>> contributions = new LinkedHashMap<>();
    pluskToKlout.forEach((pid, k) -> contributions.computeIfAbsent(k.id(), x -> new ArrayList<>())
        .add(plusk.byId(pid).orElseThrow()));

    List<Topic> merged = new ArrayList<>();
    for (Topic k : klout.topics()) {
      List<Topic> from = contributions.getOrDefault(k.id(), List.of());
      if (from.isEmpty()) {
        merged.add(k);
        continue;
      }
      List<Alias> aliases = new ArrayList<>();
      Set<String> context = new LinkedHashSet<>();
      Topic.Kind kind = Topic.Kind.SUBJECT;
      for (Topic p : from) {
        aliases.addAll(p.aliases());
        context.addAll(p.contextWords());
        kind = p.everyday() ? Topic.Kind.EVERYDAY : kind;
      }
      aliases.addAll(k.aliases());
      context.addAll(k.contextWords());
      merged.add(new Topic(k.id(), k.slug(), k.name(), k.parentIds(), aliases, context, kind, k.wikidataId()));
    }
    for (Topic p : plusk.topics()) {
      if (pluskToKlout.containsKey(p.id())) {
        continue;
      }
      if (klout.bySlug(p.slug()).isPresent()) {
        throw new IllegalArgumentException(String.format(
            "plusk topic '%s' is kept as plusk's own but Klout has the slug too: rename it", p.slug()));
      }
      List<String> parents = p.parentIds().stream().map(newId::get).distinct().toList();
      merged.add(new Topic(newId.get(p.id()), p.slug(), p.name(), parents, p.aliases(), p.contextWords(), p.kind(),
          p.wikidataId()));
    }
    // Checks ids, slugs, parents and cycles of the merge; the miner needs its DAG (ancestors, levels).
    Ontology forMining = OntologyFormat.fromTopics(merged, "merged");
    SurfaceFormMiner.Result mined = null;
    List<Topic> withForms = new ArrayList<>();
    if (dictionary != null) {
      mined = SurfaceFormMiner.mine(forMining, dictionary, titleByWikidataId);
      for (Topic t : forMining.topics()) {
        List<Alias> aliases = new ArrayList<>(t.aliases());
        SurfaceFormMiner.Found found = mined.byTopic().get(t.id());
        if (found != null) {
          aliases.addAll(found.forms().values());
        }
        withForms.add(t.withAliases(aliases));
      }
    } else {
      withForms.addAll(merged);
    }
    return new Built(withForms, legacy, klout.size(), pluskToKlout.size(), plusk.size() - pluskToKlout.size(),
        mined);
  }

  private static Topic kloutEquivalent(Ontology klout, Topic p, Map<String, String> equivalents) {
    String listed = equivalents.get(p.slug());
    if (listed != null) {
      if (listed.equals("-")) {
        return null;
      }
      return klout.bySlug(listed).orElseThrow(() -> new IllegalArgumentException(String.format(
          "klout-equivalents: plusk topic '%s' → unknown Klout slug '%s'", p.slug(), listed)));
    }
    // The same slug first (no legacy slug then), a super-topic's "-super" twin next, the same name last.
    var sameSlug = klout.bySlug(p.slug());
    if (sameSlug.isPresent()) {
      return sameSlug.get();
    }
    if (p.parentIds().isEmpty() && klout.bySlug(p.slug() + "-super").isPresent()) {
      return klout.bySlug(p.slug() + "-super").get();
    }
    return klout.topics().stream().filter(k -> k.name().equalsIgnoreCase(p.name())).findFirst().orElse(null);
  }

  /** Reads {@code plusk_slug<TAB>klout_slug} lines. */
  public static Map<String, String> readEquivalents(Path file) throws IOException {
    try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readEquivalents(r, file.toString());
    }
  }

  public static Map<String, String> readEquivalents(java.io.Reader reader, String file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    int no = 0;
    for (String line : new java.io.BufferedReader(reader).lines().toList()) {
      no++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalArgumentException(String.format("%s line %d: expected plusk_slug<TAB>klout_slug", file,
            no));
      }
      out.put(cols[0].strip().toLowerCase(Locale.ROOT), cols[1].strip().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** Writes topics.tsv, surface-forms.tsv.gz and legacy-slugs.tsv into {@code out}. */
  public static void write(Built built, Path out, String header) throws IOException {
    Files.createDirectories(out);
    Ontology index = OntologyFormat.fromTopics(built.topics(), out.toString());
    Files.writeString(out.resolve(OntologyFormat.TOPICS_FILE), header + OntologyFormat.write(built.topics(), index),
        StandardCharsets.UTF_8);
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out.resolve(
        OntologyFormat.SURFACE_FORMS_FILE)), 1 << 16)) {
      SurfaceFormsFile.write(built.topics(), built.mined() == null ? Map.of() : built.mined().otherSenses(), os);
    }
    StringBuilder legacy = new StringBuilder("# Slugs of plusk's earlier 234-topic default ontology and the topic "
        + "they are now (docs/ontology.md).\nold_slug\tnew_slug\n");
    built.legacySlugs().forEach((o, n) -> legacy.append(o).append('\t').append(n).append('\n'));
    Files.writeString(out.resolve(OntologyFormat.LEGACY_SLUGS_FILE), legacy.toString(), StandardCharsets.UTF_8);
  }
}
