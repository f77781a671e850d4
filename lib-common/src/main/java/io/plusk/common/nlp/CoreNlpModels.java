package io.plusk.common.nlp;

import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.MorphaAnnotator;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP models of one JVM (one executor) for one NER model, each loaded once and shared by every task thread.
 * The tagger (about 1 s) and the NER model (about 2 s) load side by side on threads of their own as soon as an
 * annotator asks for them, while the caller goes on building what it needs (the alias index) and tokenizing: in a
 * fresh executor the tasks wait only for the model a post needs, not for every model in turn. The tagger is the one
 * {@link TaggerLexicon} reads its lexicon from, so its model file is read once.
 */
final class CoreNlpModels {
  private static final Logger LOG = LoggerFactory.getLogger(CoreNlpModels.class);
  private static final Map<String, CoreNlpModels> BY_NER_MODEL = new ConcurrentHashMap<>();

  private final String nerModel;
  private final StanfordCoreNLP tokenizer;
  private final MorphaAnnotator lemmatizer = new MorphaAnnotator(false);
  private volatile CompletableFuture<Annotator> tagger;
  private volatile CompletableFuture<Annotator> ner;

  private CoreNlpModels(String nerModel) {
    this.nerModel = nerModel;
    long start = System.nanoTime();
    this.tokenizer = new StanfordCoreNLP(CoreNlpAnnotator.properties("tokenize,ssplit", nerModel));
    LOG.info("CoreNLP tokenizer and sentence splitter loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  static CoreNlpModels of(String nerModel) {
    return BY_NER_MODEL.computeIfAbsent(nerModel, CoreNlpModels::new);
  }

  /** Starts loading the models not yet loading; returns at once. */
  synchronized void startLoading(boolean tags, boolean names) {
    if (tags && tagger == null) {
      tagger = load("POS tagger " + TaggerLexicon.DEFAULT_MODEL,
          () -> new POSTaggerAnnotator(TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL).tagger()));
    }
    if (names && ner == null) {
      ner = load("NER " + nerModel, () -> {
        try {
          return new NERCombinerAnnotator(CoreNlpAnnotator.properties("tokenize,ssplit,ner", nerModel));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static CompletableFuture<Annotator> load(String what, Supplier<Annotator> loader) {
    return CompletableFuture.supplyAsync(() -> {
      long start = System.nanoTime();
      LOG.info("Loading CoreNLP {}", what);
      Annotator annotator = loader.get();
      LOG.info("CoreNLP {} loaded in {} ms", what, (System.nanoTime() - start) / 1_000_000);
      return annotator;
    }, task -> {
      Thread thread = new Thread(task, "plusk-corenlp-load");
      // A JVM that exits (a failed night) must not wait for a model nobody will use.
      thread.setDaemon(true);
      thread.start();
    });
  }

  StanfordCoreNLP tokenizer() {
    return tokenizer;
  }

  Annotator tagger() {
    startLoading(true, false);
    return waitFor(tagger, "POS tagger");
  }

  Annotator lemmatizer() {
    return lemmatizer;
  }

  Annotator ner() {
    startLoading(false, true);
    return waitFor(ner, "NER model " + nerModel);
  }

  private static Annotator waitFor(CompletableFuture<Annotator> model, String what) {
    try {
      return model.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("Cannot load CoreNLP's " + what + ": " + e.getCause(), e.getCause());
    }
  }
}
