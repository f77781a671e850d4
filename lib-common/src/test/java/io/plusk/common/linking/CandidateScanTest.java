package io.plusk.common.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.config.PluskConfig;
import io.plusk.common.nlp.CoreNlpAnnotator;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.OntologyFormat;
import io.plusk.common.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pre-scan must never change a link: on the 200 real tweets of the dev set and on the ambiguity sentences, the
 * linker with the scan gives exactly the links of the linker without it, and the scan does skip posts.
 */
class CandidateScanTest {
  @Test
  void theScanSkipsPostsButNeverChangesALink() throws Exception {
    List<String> texts = new ArrayList<>(SharedData.tweetTopicDevTexts());
    texts.addAll(List.of("my twins slept through the night", "Twins walk-off in the 9th", "We ran the marathon",
        "the children were running races", "Heating bills are up", "I'm learning Python's asyncio",
        "nothing to see here, just lunch", "e-sports finals tonight!!", "AT&T outage again", "#gameday"));
    var settings = PluskConfig.defaults().linking();
    Ontology ontology = OntologyFormat.readDefault();
    CoreNlpAnnotator annotator = new CoreNlpAnnotator(settings.annotators(), settings.nerModel());
    TopicLinker scanning = new TopicLinker(ontology, annotator, settings.withCandidateScan(true));
    TopicLinker full = new TopicLinker(ontology, annotator, settings.withCandidateScan(false));
    AliasIndex index = new AliasIndex(ontology);
    int skipped = 0;
    for (String text : texts) {
      assertThat(scanning.link(text, List.of())).as(text).isEqualTo(full.link(text, List.of()));
      if (!CandidateScan.mayLink(index, CleanText.of(text), List.of())) {
        skipped++;
      }
    }
    assertThat(skipped).as("posts the scan lets skip CoreNLP").isGreaterThan(0);
    System.out.printf("candidate scan: %d of %d texts skip CoreNLP%n", skipped, texts.size());
  }
}
