package io.plusk.common.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LabelMappingTest {
  // technology and sports are mapped; wrestling is not; wwe sits under technology (level 2) and wrestling (level 3).
  private static final Ontology ONTOLOGY = OntologyFormat.read(new StringReader(String.join("\n",
      "1\ttechnology\tTechnology",
      "2\tsports\tSports",
      "3\twrestling\tWrestling\tsports",
      "4\twwe\tWWE\ttechnology|wrestling",
      "5\tboxing\tBoxing\twrestling",
      "6\tesports\tEsports\ttechnology|sports",
      "")), "test");
  private static final LabelMapping MAPPING = LabelMapping.read(new StringReader(String.join("\n",
      "technology\tscience_&_technology",
      "sports\tsports",
      "esports\tgaming",
      "")), "test");

  @Test
  void aTopicUnderTwoParentsTakesTheNearestMappedLabelOnEachParentsLine() {
    assertThat(MAPPING.labels(ONTOLOGY, "4")).containsExactlyInAnyOrder("science_&_technology", "sports");
  }

  @Test
  void aTopicsOwnEntryWinsAndOneParentLineGivesOneLabel() {
    assertThat(MAPPING.labels(ONTOLOGY, "6")).containsExactly("gaming");
    assertThat(MAPPING.labels(ONTOLOGY, "5")).containsExactly("sports");
    assertThat(MAPPING.unmapped(ONTOLOGY)).isEmpty();
  }
}
