package io.plusk.common.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/ontology.md's topics.tsv example is made of real lines of the shipped ontology, so its ids cannot drift. */
class OntologyDocExampleTest {
  private static final String CUT = "...";

  @Test
  void theFormatExampleShowsLinesOfTheShippedTopicsFile() throws IOException {
    Path root = SharedData.repoRoot();
    String doc = Files.readString(root.resolve("docs/ontology.md"));
    int example = doc.indexOf("\n```\n", doc.indexOf("Example (three lines of the shipped")) + 5;
    List<String> shown = doc.substring(example, doc.indexOf("```", example)).lines().toList();
    Map<String, String[]> shipped;
    try (var lines = Files.lines(root.resolve("conf/ontology/default/topics.tsv"))) {
      shipped = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1))
          .collect(Collectors.toMap(c -> c[0], Function.identity(), (a, b) -> a));
    }
    assertThat(shown).hasSize(3);
    for (String line : shown) {
      String[] columns = line.split("\t", -1);
      String[] real = shipped.get(columns[0]);
      assertThat(real).as("topic id %s of docs/ontology.md in topics.tsv", columns[0]).isNotNull();
      assertThat(columns.length).as(line).isLessThanOrEqualTo(real.length);
      for (int i = 0; i < real.length; i++) {
        String column = i < columns.length ? columns[i] : "";
        if (column.endsWith(CUT)) {
          assertThat(real[i]).as("column %d of %s", i + 1, columns[0])
              .startsWith(column.substring(0, column.length() - CUT.length()));
        } else {
          assertThat(real[i]).as("column %d of %s", i + 1, columns[0]).isEqualTo(column);
        }
      }
    }
  }
}
