package io.plusk.common.linking;

import io.plusk.common.nlp.AnnotatedToken;
import io.plusk.common.nlp.AnnotationLevel;
import io.plusk.common.ontology.Ontology;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Which of CoreNLP's costly annotators could change a post's links, judged from its tokens alone. The linker reads
 * three things from them:
 * <ul>
 *   <li>lemmas (POS tagger): a span that matches a name only through its lemmas ("watching" → watch), and context
 *       words that the post has only in another form ("me" → I). Where the tagger's lexicon leaves no doubt about a
 *       word's lemma ("games" → game) it comes with the tokens, and only the other words are read both ways;</li>
 *   <li>the part of speech of one lower-case word whose prior comes from data or from a plain hand-written name
 *       ("watch it live" is no watch): a noun keeps the prior, a verb or adjective loses it. A word the tagger's
 *       training text almost always saw in one word class ("concert" a noun, "it" a pronoun) comes tagged from
 *       its lexicon already ({@code TaggerLexicon}); only the others ("watch", "open") ask the tagger;</li>
 *   <li>named entities (NER): whether a capitalised span that case cannot judge (first word of a sentence, a text
 *       in one case) is used as a name, which decides data priors and the name bonus; a word the lexicon knows as
 *       no noun of any kind ("Just", "When") is taken as no name.</li>
 * </ul>
 * The post is decided under each answer the annotators could give: every word with its lemmas as written or as
 * each lemma {@link Lemmas} says it could have; every undecided lower-case word a noun, a verb, or neither; every
 * undecided capitalised span a name or not. When all answers give the same links, the annotators cannot change
 * them and do not run. Names and tags are asked apart, and a post gets only the annotators whose answer matters
 * ({@link AnnotationLevel}): most posts that need NER need no tagger. The answer also names the tokens whose
 * annotation matters ({@link #askedTokens}): CoreNLP tags and finds names sentence by sentence, so the other
 * sentences of the post (a tweet has two on average) need not be annotated. Mixed answers (one word a noun,
 * another a verb) are not tried, so this can differ from the full pipeline; {@code SelectiveAnnotationTest} and
 * {@code scripts/bench} measure how often.
 *
 * @param level the least annotation that gives the post the links the full pipeline would
 * @param askedTokens the tokens whose tags, lemmas or entity types could change the links (indices into the
 *     post's tokens); null: any token's could
 */
record AnnotationNeed(AnnotationLevel level, BitSet askedTokens) {
  /** Lemma readings tried at most: a word with more possible lemmas than this asks for the tagger. */
  private static final int MAX_LEMMA_READINGS = 3;

  /**
   * What the post needs. {@code tokens}: the post's tokens alone (lemma = word), {@code matches} their spans and
   * {@code links} their links; {@code matchesOf} finds the spans of other tokens; {@code linksOf} decides spans
   * with the context words of tokens.
   */
  static AnnotationNeed of(List<AnnotatedToken> tokens, List<TopicLinker.Match> matches,
                           Map<String, TopicLink> links, Ontology ontology,
                           Function<List<AnnotatedToken>, List<TopicLinker.Match>> matchesOf,
                           BiFunction<List<TopicLinker.Match>, List<AnnotatedToken>, Map<String, TopicLink>> linksOf) {
    List<TopicLinker.Match> asNames = variant(matches, AnnotationNeed::namedEntityCanMatter,
        m -> m.withUse(true, false, false));
    boolean names = asNames != matches && !links.equals(linksOf.apply(asNames, tokens));
    BitSet asked = new BitSet();
    if (names) {
      spansOf(matches, AnnotationNeed::namedEntityCanMatter, asked);
    }
    // Asked apart: NER reads no tags, so a post that needs only names skips the tagger (AnnotationLevel.NAMES).
    BitSet tagsAsked = tagsAsked(tokens, matches, links, ontology, matchesOf, linksOf);
    boolean tags = tagsAsked == null || !tagsAsked.isEmpty();
    if (tagsAsked != null) {
      asked.or(tagsAsked);
    }
    AnnotationLevel level = names ? (tags ? AnnotationLevel.ENTITIES : AnnotationLevel.NAMES)
        : tags ? AnnotationLevel.TAGS : AnnotationLevel.TOKENS;
    return new AnnotationNeed(level, tags && tagsAsked == null ? null : asked);
  }

  /** Marks the tokens of the word spans that {@code picked} picks. */
  private static void spansOf(List<TopicLinker.Match> matches, Predicate<TopicLinker.Match> picked, BitSet into) {
    for (TopicLinker.Match m : matches) {
      if (!m.tag() && picked.test(m)) {
        into.set(m.firstToken(), m.endToken());
      }
    }
  }

  /**
   * The tokens whose lemmas or part of speech could change the links: none when no tag could, null when a word has
   * too many possible lemmas to try. Where some lemma reading changes the links, every word that could have
   * another lemma is asked; where a word's part of speech does, that word.
   */
  private static BitSet tagsAsked(List<AnnotatedToken> tokens, List<TopicLinker.Match> matches,
                                  Map<String, TopicLink> links, Ontology ontology,
                                  Function<List<AnnotatedToken>, List<TopicLinker.Match>> matchesOf,
                                  BiFunction<List<TopicLinker.Match>, List<AnnotatedToken>,
                                      Map<String, TopicLink>> linksOf) {
    List<List<AnnotatedToken>> readings = lemmaReadings(tokens);
    if (readings == null) {
      return null;
    }
    BitSet asked = new BitSet();
    boolean lemmasMatter = false;
    Predicate<TopicLinker.Match> undecided = m -> partOfSpeechCanMatter(m, ontology);
    for (List<AnnotatedToken> reading : readings) {
      List<TopicLinker.Match> read = reading == tokens ? matches : matchesOf.apply(reading);
      Map<String, TopicLink> readLinks = reading == tokens ? links : linksOf.apply(read, reading);
      lemmasMatter |= !readLinks.equals(links);
      // Without tags a lower-case word counts as neither noun nor verb; a noun or a verb must link the same.
      List<TopicLinker.Match> asNouns = variant(read, undecided, m -> m.withUse(false, false, false));
      if (asNouns != read && (!readLinks.equals(linksOf.apply(asNouns, reading))
          || !readLinks.equals(linksOf.apply(variant(read, undecided, m -> m.withUse(false, true, true)), reading)))) {
        spansOf(read, undecided, asked);
      }
    }
    if (lemmasMatter) {
      for (int i = 0; i < tokens.size(); i++) {
        AnnotatedToken t = tokens.get(i);
        if (!t.lemmaKnown() && !Lemmas.possible(t.word()).isEmpty()) {
          asked.set(i);
        }
      }
    }
    return asked;
  }

  /**
   * The tokens as written, then with each word that could have another lemma given its first, second, ... possible
   * lemma; null when a word has too many.
   */
  private static List<List<AnnotatedToken>> lemmaReadings(List<AnnotatedToken> tokens) {
    List<List<String>> possible = new ArrayList<>(tokens.size());
    int readings = 0;
    for (AnnotatedToken t : tokens) {
      List<String> lemmas = t.lemmaKnown() ? List.of() : List.copyOf(Lemmas.possible(t.word()));
      possible.add(lemmas);
      readings = Math.max(readings, lemmas.size());
    }
    if (readings > MAX_LEMMA_READINGS) {
      return null;
    }
    List<List<AnnotatedToken>> out = new ArrayList<>(readings + 1);
    out.add(tokens);
    for (int r = 0; r < readings; r++) {
      List<AnnotatedToken> reading = new ArrayList<>(tokens.size());
      for (int i = 0; i < tokens.size(); i++) {
        AnnotatedToken t = tokens.get(i);
        List<String> lemmas = possible.get(i);
        reading.add(lemmas.isEmpty() ? t
            : new AnnotatedToken(t.word(), lemmas.get(Math.min(r, lemmas.size() - 1)), t.pos(), t.ner()));
      }
      out.add(reading);
    }
    return out;
  }

  /** The matches with those that {@code undecided} picks replaced; the same list when it picks none. */
  private static List<TopicLinker.Match> variant(List<TopicLinker.Match> matches,
                                                 Predicate<TopicLinker.Match> undecided,
                                                 UnaryOperator<TopicLinker.Match> otherwise) {
    List<TopicLinker.Match> out = null;
    for (int i = 0; i < matches.size(); i++) {
      TopicLinker.Match m = matches.get(i);
      if (!m.tag() && undecided.test(m)) {
        if (out == null) {
          out = new ArrayList<>(matches);
        }
        out.set(i, otherwise.apply(m));
      }
    }
    return out == null ? matches : out;
  }

  /**
   * A capitalised span whose use case cannot judge, with a data prior that being a name would raise; not a word
   * the tagger's lexicon knows as no noun ("Just", "When" at a sentence's start).
   */
  private static boolean namedEntityCanMatter(TopicLinker.Match m) {
    if (m.namedEntity() || m.tagSaysNoName() || !AliasIndex.hasUpperCase(m.matchedText())) {
      return false;
    }
    return m.entries().stream().anyMatch(AliasIndex.Entry::hasData);
  }

  /** One lower-case word whose prior a POS tag could take away, and whose tag the lexicon leaves in doubt. */
  private static boolean partOfSpeechCanMatter(TopicLinker.Match m, Ontology ontology) {
    if (!m.commonWordUse() || m.partOfSpeechKnown()) {
      return false;
    }
    for (AliasIndex.Entry e : m.entries()) {
      if (e.hasData() || e.hand() && !e.ambiguous() && !ontology.byId(e.topicId()).orElseThrow().everyday()) {
        return true;
      }
    }
    return false;
  }
}
