package io.plusk.common.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * CoreNLP with lean settings for tweets. The models cost seconds and gigabytes to load, so there is one of each per
 * JVM (per executor on a cluster), loaded side by side on first use ({@link CoreNlpModels}); the annotators are
 * thread-safe, so Spark tasks running side by side share them.
 *
 * <p>A text is tokenized and split into sentences once. The costly annotators (the POS tagger with the lemmatiser,
 * NER) then run on the sentences that hold the tokens asked about ({@link #annotate(String, AnnotationLevel,
 * BitSet)}): both are sentence by sentence in CoreNLP, so a sentence gets the same tags and entities as in the full
 * pipeline, and the others keep what {@link AnnotationLevel#TOKENS} gives them.
 */
public final class CoreNlpAnnotator implements TextAnnotator {
  /** What the linker reads: tokens, sentences, tags, lemmas and named entities. */
  private static final Set<String> SUPPORTED = Set.of("tokenize", "ssplit", "pos", "lemma", "ner");

  /** The costly steps one level runs, in CoreNLP's order. */
  private record Steps(boolean tags, boolean lemmas, boolean names) {
    boolean none() {
      return !tags && !lemmas && !names;
    }
  }

  /** The last text this thread tokenized: the linker asks for its tokens, then for more on some of its sentences. */
  private record Tokenized(CoreNlpModels models, String text, Annotation doc) {}

  private static final ThreadLocal<Tokenized> LAST_TOKENIZED = new ThreadLocal<>();

  private final CoreNlpModels models;
  private final Map<AnnotationLevel, Steps> stepsByLevel = new EnumMap<>(AnnotationLevel.class);
  private final LongAdder sentencesAnnotated = new LongAdder();
  private final LongAdder sentencesLeft = new LongAdder();

  public CoreNlpAnnotator(String annotators, String nerModel) {
    List<String> configured = names(annotators);
    for (String name : configured) {
      if (!SUPPORTED.contains(name)) {
        throw new IllegalArgumentException(String.format(
            "plusk.linking.corenlp.annotators = \"%s\": %s is not one plusk reads (it reads %s)", annotators, name,
            "tokenize, ssplit, pos, lemma, ner"));
      }
    }
    if (!configured.contains("tokenize") || !configured.contains("ssplit")) {
      throw new IllegalArgumentException(String.format(
          "plusk.linking.corenlp.annotators = \"%s\": tokenize and ssplit are required", annotators));
    }
    if (configured.contains("lemma") && !configured.contains("pos")) {
      throw new IllegalArgumentException(String.format(
          "plusk.linking.corenlp.annotators = \"%s\": lemma needs pos (lemmas are read from the tags)", annotators));
    }
    for (AnnotationLevel level : AnnotationLevel.values()) {
      boolean tagsWanted = level == AnnotationLevel.TAGS || level == AnnotationLevel.ENTITIES;
      boolean namesWanted = level == AnnotationLevel.NAMES || level == AnnotationLevel.ENTITIES;
      stepsByLevel.put(level, new Steps(tagsWanted && configured.contains("pos"),
          tagsWanted && configured.contains("lemma"), namesWanted && configured.contains("ner")));
    }
    this.models = CoreNlpModels.of(nerModel);
    models.startLoading(configured.contains("pos"), configured.contains("ner"));
  }

  /** The CoreNLP properties of a pipeline of these annotators with plusk's lean settings. */
  public static Properties properties(String annotators, String nerModel) {
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
    if (!names(annotators).contains("pos")) {
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

  @Override
  public List<AnnotatedToken> annotate(String text, AnnotationLevel level) {
    return annotate(text, level, null);
  }

  @Override
  public List<AnnotatedToken> annotate(String text, AnnotationLevel level, BitSet askedTokens) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Steps steps = stepsByLevel.get(level);
    Annotation doc = tokenized(text, steps.none());
    if (!steps.none()) {
      List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
      List<CoreMap> chosen = askedTokens == null ? sentences : holding(sentences, askedTokens);
      sentencesAnnotated.add(chosen.size());
      sentencesLeft.add(sentences.size() - chosen.size());
      if (!chosen.isEmpty()) {
        Annotation part = chosen.size() == sentences.size() ? doc : partOf(text, chosen);
        if (steps.tags()) {
          models.tagger().annotate(part);
        }
        if (steps.lemmas()) {
          models.lemmatizer().annotate(part);
        }
        if (steps.names()) {
          models.ner().annotate(part);
        }
      }
    }
    return tokens(doc);
  }

  /**
   * The text tokenized and split into sentences; the document this thread tokenized last when it is the same text
   * and has no annotation beyond tokens yet. {@code keep}: whether the document stays tokens-only (it may be asked
   * for again, deeper); a document about to be annotated further is not handed out again.
   */
  private Annotation tokenized(String text, boolean keep) {
    Tokenized last = LAST_TOKENIZED.get();
    Annotation doc;
    if (last != null && last.models() == models && last.text().equals(text)) {
      doc = last.doc();
    } else {
      doc = new Annotation(text);
      models.tokenizer().annotate(doc);
    }
    LAST_TOKENIZED.set(keep ? new Tokenized(models, text, doc) : null);
    return doc;
  }

  /** The sentences that hold at least one of the asked token indices, in order. */
  private static List<CoreMap> holding(List<CoreMap> sentences, BitSet askedTokens) {
    List<CoreMap> out = new ArrayList<>();
    for (CoreMap sentence : sentences) {
      int begin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
      int end = sentence.get(CoreAnnotations.TokenEndAnnotation.class);
      int next = askedTokens.nextSetBit(begin);
      if (next >= 0 && next < end) {
        out.add(sentence);
      }
    }
    return out;
  }

  /** A document of some of the text's sentences, sharing their tokens: what CoreNLP's annotators change shows. */
  private static Annotation partOf(String text, List<CoreMap> sentences) {
    Annotation part = new Annotation(text);
    List<CoreLabel> tokens = new ArrayList<>();
    for (CoreMap sentence : sentences) {
      tokens.addAll(sentence.get(CoreAnnotations.TokensAnnotation.class));
    }
    part.set(CoreAnnotations.TokensAnnotation.class, tokens);
    part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
    return part;
  }

  /**
   * The document's tokens; where the tagger did not run, the tags and lemmas its lexicon leaves no doubt about (the
   * lexicon is only read where needed: it loads with the tagger).
   */
  private static List<AnnotatedToken> tokens(Annotation doc) {
    List<CoreLabel> labels = doc.get(CoreAnnotations.TokensAnnotation.class);
    List<AnnotatedToken> out = new ArrayList<>(labels.size());
    TaggerLexicon lexicon = null;
    for (CoreLabel l : labels) {
      String ner = l.ner() == null ? "O" : l.ner();
      if (l.tag() != null) {
        out.add(new AnnotatedToken(l.word(), l.lemma() == null ? l.word() : l.lemma(), l.tag(), ner));
      } else {
        if (lexicon == null) {
          lexicon = TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL);
        }
        String lemma = lexicon.unambiguousLemma(l.word());
        out.add(new AnnotatedToken(l.word(), lemma == null ? l.word() : lemma, lexicon.unambiguousTag(l.word()), ner,
            lemma != null));
      }
    }
    return out;
  }

  /**
   * Sentences of texts annotated beyond tokens: {@code [annotated, left at tokens]}. The second counts the tagging
   * and NER that asking by token saved.
   */
  public long[] sentencesAnnotatedAndLeft() {
    return new long[] {sentencesAnnotated.sum(), sentencesLeft.sum()};
  }
}
