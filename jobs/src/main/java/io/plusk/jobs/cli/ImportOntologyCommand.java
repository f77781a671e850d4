package io.plusk.jobs.cli;

import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.KloutImporter;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.ontology.build.DefaultOntologyBuilder;
import io.plusk.common.ontology.build.WikiDictionary;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds an ontology folder from Klout's published ontology, plusk's own topics and CoreNLP's Wikipedia dictionary. */
@Command(name = "import-ontology", mixinStandardHelpOptions = true,
    description = "Builds a plusk ontology folder (topics.tsv, surface-forms.tsv.gz, legacy-slugs.tsv) from Klout's "
        + "published ontology (topics.csv, edges.csv, entity_topic_labels.csv) merged with plusk's hand-written "
        + "topics, with each topic's names and link priors mined from CoreNLP's Wikipedia dictionary. "
        + "scripts/build-ontology runs it to make conf/ontology/default.")
public final class ImportOntologyCommand implements Callable<Integer> {
  static final String KBP_JAR = "edu/stanford/nlp/stanford-corenlp/4.5.10/stanford-corenlp-4.5.10-models-english-kbp.jar";

  @Spec CommandSpec spec;

  @Option(names = "--klout", required = true, paramLabel = "DIR", description = "Folder with Klout's CSV files.")
  Path klout;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the ontology into.")
  Path out;

  @Option(names = "--wikidict", paramLabel = "FILE",
      description = "CoreNLP's models-english-kbp jar or its wikidict.tab.gz (default: the jar in the local Maven "
          + "repository, ~/.m2/repository/" + KBP_JAR + ").")
  Path wikidict;

  @Option(names = "--no-wikidict", description = "Build without mined surface forms (names and entity labels only).")
  boolean noWikidict;

  @Option(names = "--plusk-topics", paramLabel = "FILE",
      description = "plusk's hand-written topics to merge in (default: conf/ontology/sources/plusk-topics.tsv).")
  Path pluskTopics;

  @Option(names = "--equivalents", paramLabel = "FILE",
      description = "plusk slug → Klout slug for topics named differently (default: "
          + "conf/ontology/sources/klout-equivalents.tsv).")
  Path equivalents;

  @Option(names = "--klout-only", description = "Klout's topics alone, without plusk's hand-written ones.")
  boolean kloutOnly;

  @Override
  public Integer call() throws Exception {
    KloutImporter.Import kloutImport = KloutImporter.readFolder(klout);
    Ontology kloutOntology = kloutImport.ontology();
    Ontology plusk = kloutOnly ? OntologyFormat.fromTopics(java.util.List.of(), "none") : readPluskTopics();
    Map<String, String> equiv = kloutOnly ? Map.of() : equivalents != null
        ? DefaultOntologyBuilder.readEquivalents(equivalents) : readDefaultEquivalents();
    WikiDictionary dictionary = noWikidict ? null : new WikiDictionary(wikidict != null ? wikidict
        : Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(KBP_JAR));
    long start = System.nanoTime();
    DefaultOntologyBuilder.Built built = DefaultOntologyBuilder.build(kloutOntology, plusk, equiv, dictionary,
        kloutImport.wikipediaTitles());
    String header = "# plusk ontology built by `plusk import-ontology` (scripts/build-ontology) from Klout's published "
        + "topic ontology\n# (CC BY 3.0, attribution: Klout, Inc.), plusk's hand-written topics (GPL-3.0-or-later) and "
        + "CoreNLP's\n# Wikipedia dictionary (surface-forms.tsv.gz). Do not edit: edit conf/ontology/sources/ and "
        + "rebuild.\n";
    DefaultOntologyBuilder.write(built, out, header);
    var o = spec.commandLine().getOut();
    o.printf("Wrote %s: %d topics (%d from Klout, %d plusk topics merged into Klout's, %d plusk topics added), "
            + "%d legacy slugs%n", out, built.topics().size(), built.kloutTopics(), built.pluskMerged(),
        built.pluskAdded(), built.legacySlugs().size());
    if (built.mined() != null) {
      o.printf("Wikipedia articles found for %d of %d subject topics (%.1f %%) in %,d dictionary lines%n",
          built.mined().topicsWithTitle(), built.mined().topicsTried(),
          100.0 * built.mined().topicsWithTitle() / Math.max(1, built.mined().topicsTried()),
          built.mined().dictionaryLines());
    }
    o.printf("Surface forms: %d from Wikipedia anchors, %d names, %d generated (short names, handles), %d Klout "
            + "entity names; %d hand-written aliases; %.1f s%n", built.forms(Alias.Origin.WIKI),
        built.forms(Alias.Origin.NAME), built.forms(Alias.Origin.GENERATED), built.forms(Alias.Origin.ENTITY),
        built.forms(Alias.Origin.HAND), (System.nanoTime() - start) / 1e9);
    o.flush();
    return 0;
  }

  private Ontology readPluskTopics() throws Exception {
    if (pluskTopics != null) {
      try (Reader r = Files.newBufferedReader(pluskTopics, StandardCharsets.UTF_8)) {
        return OntologyFormat.read(r, pluskTopics.toString());
      }
    }
    try (Reader r = classpath("plusk/ontology/sources/plusk-topics.tsv")) {
      return OntologyFormat.read(r, "classpath:plusk/ontology/sources/plusk-topics.tsv");
    }
  }

  private Map<String, String> readDefaultEquivalents() throws Exception {
    try (Reader r = classpath("plusk/ontology/sources/klout-equivalents.tsv")) {
      return DefaultOntologyBuilder.readEquivalents(r, "classpath:plusk/ontology/sources/klout-equivalents.tsv");
    }
  }

  private Reader classpath(String resource) {
    var in = getClass().getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the classpath");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
