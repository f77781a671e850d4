package io.plusk.common.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoreNLP with lean settings for tweets. The pipeline costs seconds and gigabytes to build, so there is one per JVM
 * (per executor on a cluster) for each distinct configuration and {@link AnnotationLevel}, built on first use
 * (CoreNLP's annotator pool shares the models between them); StanfordCoreNLP.annotate is thread-safe, so Spark tasks
 * running side by side share it.
 */
public final class CoreNlpAnnotator implements TextAnnotator {
  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpAnnotator.class);
  private static final Map<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();
  private static final Object LOADING = new Object();

  private final String nerModel;
  /** Worked out once: every post asks for a level, often several times. */
  private final Map<AnnotationLevel, String> annotatorsByLevel = new EnumMap<>(AnnotationLevel.class);
  /** The levels whose pipeline has no tagger: their tags and lemmas come from its lexicon. */
  private final Set<AnnotationLevel> untagged = EnumSet.noneOf(AnnotationLevel.class);

  public CoreNlpAnnotator(String annotators, String nerModel) {
    this.nerModel = nerModel;
    for (AnnotationLevel level : AnnotationLevel.values()) {
      String wanted = annotatorsFor(annotators, level);
      annotatorsByLevel.put(level, wanted);
      if (!runsTagger(wanted)) {
        untagged.add(level);
      }
    }
  }

  static Properties properties(String annotators, String nerModel) {
    Properties p = new Properties();
    p.setProperty("annotators", annotators);
    p.setProperty("ner.model", nerModel);
    // Named, not left to CoreNLP's default: TOKENS-level annotation reads the same model's lexicon.
    p.setProperty("pos.model", TaggerLexicon.DEFAULT_MODEL);
    // SUTime, numeric classifiers and the fine-grained regex NER triple NER's cost and find nothing we link.
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.buildEntityMentions", "false");
    // Hyphenated names stay one token ("Jay-Z", "T-Mobile", "walk-off"), as the ontology writes them.
    p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false,splitHyphenated=false");
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    if (!runsTagger(annotators)) {
      // CoreNLP's ner annotator declares the tagger and lemmas as prerequisites for its fine-grained and SUTime
      // parts, both off here; the CRF model itself reads neither (AnnotationLevel.NAMES).
      p.setProperty("enforceRequirements", "false");
    }
    return p;
  }

  /** The annotator names of a comma-separated list ("tokenize, ssplit,pos"). */
  private static List<String> names(String annotators) {
    return List.of(annotators.replace(" ", "").split(","));
  }

  private static boolean runsTagger(String annotators) {
    return names(annotators).contains("pos");
  }

  /** The configured annotators, cut down to what {@code level} needs (and what the configuration has). */
  private static String annotatorsFor(String annotators, AnnotationLevel level) {
    List<String> configured = names(annotators);
    List<String> wanted = switch (level) {
      case TOKENS -> List.of("tokenize", "ssplit");
      case NAMES -> List.of("tokenize", "ssplit", "ner");
      case TAGS -> List.of("tokenize", "ssplit", "pos", "lemma");
      case ENTITIES -> configured;
    };
    return String.join(",", configured.stream().filter(wanted::contains).toList());
  }

  private StanfordCoreNLP pipeline(AnnotationLevel level) {
    String wanted = annotatorsByLevel.get(level);
    return PIPELINES.computeIfAbsent(wanted + "|" + nerModel, key -> {
      // One load at a time: CoreNLP's annotator pool shares a model between pipelines only once it is loaded, and
      // two task threads asking for the NAMES and ENTITIES pipelines at once each loaded the NER model.
      synchronized (LOADING) {
        long start = System.nanoTime();
        LOG.info("Loading CoreNLP pipeline ({}; NER model {})", wanted, nerModel);
        StanfordCoreNLP pipeline = new StanfordCoreNLP(properties(wanted, nerModel));
        LOG.info("CoreNLP pipeline loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        return pipeline;
      }
    });
  }

  @Override
  public List<AnnotatedToken> annotate(String text, AnnotationLevel level) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Annotation doc = new Annotation(text);
    pipeline(level).annotate(doc);
    List<CoreLabel> labels = doc.get(CoreAnnotations.TokensAnnotation.class);
    List<AnnotatedToken> out = new ArrayList<>(labels.size());
    // Without the tagger, the tags and lemmas its lexicon leaves no doubt about.
    TaggerLexicon lexicon = untagged.contains(level) ? TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL) : null;
    for (CoreLabel l : labels) {
      String ner = l.ner() == null ? "O" : l.ner();
      if (lexicon == null) {
        out.add(new AnnotatedToken(l.word(), l.lemma() == null ? l.word() : l.lemma(), l.tag(), ner));
      } else {
        String lemma = lexicon.unambiguousLemma(l.word());
        out.add(new AnnotatedToken(l.word(), lemma == null ? l.word() : lemma, lexicon.unambiguousTag(l.word()), ner,
            lemma != null));
      }
    }
    return out;
  }
}
