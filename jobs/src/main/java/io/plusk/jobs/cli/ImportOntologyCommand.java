package io.plusk.jobs.cli;

import io.plusk.common.ontology.KloutImporter;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Converts Klout's published ontology into plusk's format. */
@Command(name = "import-ontology", mixinStandardHelpOptions = true,
    description = "Converts Klout's published ontology (topics.csv, edges.csv, entity_topic_labels.csv) into a plusk "
        + "ontology folder (topics.tsv) usable with plusk.ontology or --ontology.")
public final class ImportOntologyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--klout", required = true, paramLabel = "DIR", description = "Folder with Klout's CSV files.")
  Path klout;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write topics.tsv into.")
  Path out;

  @Override
  public Integer call() throws Exception {
    for (String f : new String[] {"topics.csv", "edges.csv", "entity_topic_labels.csv"}) {
      if (!Files.isRegularFile(klout.resolve(f))) {
        throw new IllegalArgumentException("Missing " + klout.resolve(f));
      }
    }
    Ontology o;
    try (Reader t = Files.newBufferedReader(klout.resolve("topics.csv"), StandardCharsets.UTF_8);
         Reader e = Files.newBufferedReader(klout.resolve("edges.csv"), StandardCharsets.UTF_8);
         Reader l = Files.newBufferedReader(klout.resolve("entity_topic_labels.csv"), StandardCharsets.UTF_8)) {
      o = KloutImporter.importFrom(t, e, l, klout.toString());
    }
    Files.createDirectories(out);
    String header = "# Imported from Klout's published topic ontology (CC BY 3.0, attribution: Klout, Inc.) by plusk "
        + "import-ontology.\n";
    Files.writeString(out.resolve(OntologyFormat.TOPICS_FILE), header + OntologyFormat.write(o.topics(), o),
        StandardCharsets.UTF_8);
    long supers = o.topics().stream().filter(x -> x.parentIds().isEmpty()).count();
    long multi = o.topics().stream().filter(x -> x.parentIds().size() > 1).count();
    long aliases = o.topics().stream().mapToLong(x -> x.aliases().size()).sum();
    spec.commandLine().getOut().printf("Wrote %s: %d topics (%d top-level, %d with several parents), %d aliases%n",
        out.resolve(OntologyFormat.TOPICS_FILE), o.size(), supers, multi, aliases);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
