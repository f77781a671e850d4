package io.plusk.common.linking;

import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.nlp.AnnotatedToken;
import io.plusk.common.nlp.AnnotationLevel;
import io.plusk.common.nlp.TaggerLexicon;
import io.plusk.common.nlp.TextAnnotator;
import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Links a post's text to ontology topics: alias n-grams over CoreNLP tokens and lemmas (longest match first),
 * hashtags and @handles; ambiguous aliases are decided by the topics' context words and by the other topics of the
 * same post, and left unlinked when that evidence is too weak. Direct links are then rolled up the DAG with a
 * damping factor per level. With selective annotation (the default) a post is first only tokenized; the POS tagger
 * and NER run on it only when their output could change a link ({@link AnnotationNeed}).
 */
public final class TopicLinker {
  private static final Set<String> ENTITY_TAGS = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

  private final Ontology ontology;
  private final AliasIndex index;
  private final TextAnnotator annotator;
  private final LinkingSettings settings;
  private final LongAdder[] postsByAnnotation = java.util.stream.Stream.generate(LongAdder::new)
      .limit(AnnotationLevel.values().length).toArray(LongAdder[]::new);

  public TopicLinker(Ontology ontology, TextAnnotator annotator, LinkingSettings settings) {
    this.ontology = ontology;
    this.index = new AliasIndex(ontology);
    this.annotator = annotator;
    this.settings = settings;
  }

  public Ontology ontology() {
    return ontology;
  }

  /** Posts annotated so far at each {@link AnnotationLevel} (index = ordinal); skipped posts are not counted. */
  public long[] postsByAnnotationLevel() {
    long[] out = new long[postsByAnnotation.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = postsByAnnotation[i].sum();
    }
    return out;
  }

  /**
   * A span of the post that names one or more candidate topics. {@code written}: the span as written (case kept,
   * single spaces), the key of the exact-form priors. {@code capitalisedUse}: whether the span starts with a capital
   * inside a mixed-case sentence; null where case says nothing (sentence start, one-case text, hashtags, handles).
   * {@code namedEntity}: the span is used as a name (NER tags it, or it is capitalised inside a mixed-case
   * sentence). {@code commonWordUse}: one lower-case word that is not a noun (without POS tags: could be one).
   * {@code wordTag}: a one-word span's POS tag, from the tagger or from its lexicon where the lexicon leaves no
   * doubt; null for longer spans and undecided words. {@code precedingWord}, {@code followingWord}: the tokens right
   * before and after a one-word span in a mixed-case post, null elsewhere. {@code firstToken}, {@code endToken}:
   * the span's token indices (end exclusive); -1 for hashtags and @handles, which are no tokens' matter.
   */
  record Match(String matchedText, String written, String method, List<AliasIndex.Entry> entries,
               Set<String> spanWords, boolean namedEntity, Boolean capitalisedUse, boolean caseInformative,
               boolean commonWordUse, boolean verbUse, String wordTag, String precedingWord,
               String followingWord, int firstToken, int endToken) {
    /** The word's part of speech is known: no tagger is needed to decide it. */
    boolean partOfSpeechKnown() {
      return wordTag != null;
    }

    /** Tagged as no noun of any kind (a sentence-initial "Just" is an adverb): NER would not call it a name. */
    boolean tagSaysNoName() {
      return wordTag != null && !wordTag.startsWith("NN");
    }

    boolean ambiguous() {
      return entries.size() > 1 || entries.stream().anyMatch(AliasIndex.Entry::ambiguous);
    }

    /** The same span, as if the annotators had said otherwise of its use (what {@link AnnotationNeed} tries). */
    Match withUse(boolean asName, boolean asCommonWord, boolean asVerb) {
      return new Match(matchedText, written, method, entries, spanWords, asName, capitalisedUse, caseInformative,
          asCommonWord, asVerb, wordTag, precedingWord, followingWord, firstToken, endToken);
    }

    /** A hashtag or @handle: written without case or sentence, with no other sense to weigh. */
    boolean tag() {
      return method.equals("hashtag") || method.equals("handle");
    }
  }

  /** Links one post; {@code extraHashtags} are hashtags from the dump's entities (the text's own are found too). */
  public List<TopicLink> link(String text, List<String> extraHashtags) {
    return link(text, extraHashtags, LinkFeedback.NONE);
  }

  /** As {@link #link(String, List)}, with confidences scaled by what removals taught ({@link LinkFeedback}). */
  public List<TopicLink> link(String text, List<String> extraHashtags, LinkFeedback feedback) {
    return link(text, extraHashtags, feedback, Set.of());
  }

  /**
   * As above, with the author's recent topics: an ambiguous name that could be one of them gets one more context
   * hit for it ({@code author:<slug>} in the evidence), so a parent who always posts about her twins keeps Twins and
   * Multiples even in a terse post.
   */
  public List<TopicLink> link(String text, List<String> extraHashtags, LinkFeedback feedback,
                              Set<String> authorTopicIds) {
    CleanText clean = CleanText.of(text);
    if (settings.candidateScan() && !CandidateScan.mayLink(index, clean, extraHashtags)) {
      return List.of();
    }
    String nlpText = clean.nlpText();
    boolean caseInformative = caseIsInformative(nlpText);
    String lowerText = " " + nlpText.toLowerCase(Locale.ROOT) + " ";
    AnnotationLevel level = settings.selectiveAnnotation() ? AnnotationLevel.TOKENS : AnnotationLevel.ENTITIES;
    List<AnnotatedToken> tokens = annotator.annotate(nlpText, level);
    // Hashtags and @handles do not depend on the annotation: matched once, after each reading's word spans.
    List<Match> tagMatches = tagMatches(clean, extraHashtags);
    Function<List<AnnotatedToken>, List<Match>> matchesOf = t -> {
      List<Match> spans = new ArrayList<>(wordMatches(t, caseInformative));
      spans.addAll(tagMatches);
      return spans;
    };
    BiFunction<List<Match>, List<AnnotatedToken>, Map<String, TopicLink>> linksOf =
        (spans, t) -> directLinks(spans, vocabulary(t), lowerText, feedback, authorTopicIds);
    List<Match> matches = matchesOf.apply(tokens);
    Map<String, TopicLink> direct = linksOf.apply(matches, tokens);
    if (level == AnnotationLevel.TOKENS) {
      AnnotationNeed need = AnnotationNeed.of(tokens, matches, direct, ontology, matchesOf, linksOf);
      level = need.level();
      if (level != AnnotationLevel.TOKENS) {
        tokens = annotator.annotate(nlpText, level, need.askedTokens());
        direct = linksOf.apply(matchesOf.apply(tokens), tokens);
      }
    }
    postsByAnnotation[level.ordinal()].increment();
    return rollUp(direct);
  }

  /** Words and lemmas of the post, lower case: where context words are looked for. */
  private static Set<String> vocabulary(List<AnnotatedToken> tokens) {
    Set<String> vocabulary = new HashSet<>();
    for (AnnotatedToken t : tokens) {
      vocabulary.add(t.word().toLowerCase(Locale.ROOT));
      vocabulary.add(t.lemma().toLowerCase(Locale.ROOT));
    }
    return vocabulary;
  }

  /** Decides every matched span of a post: its direct links by topic, before the roll-up. */
  private Map<String, TopicLink> directLinks(List<Match> matches, Set<String> contextVocabulary, String lowerText,
                                             LinkFeedback feedback, Set<String> authorTopicIds) {
    // Topics named without doubt, and their ancestors below the super-topics, are context for the other spans.
    List<Set<String>> namedBy = new ArrayList<>(matches.size());
    for (Match m : matches) {
      Set<String> named = new HashSet<>();
      String id = clearTopic(m);
      if (id != null) {
        named.add(id);
        ontology.ancestors(id).keySet().stream().filter(a -> ontology.level(a) > 1).forEach(named::add);
      }
      namedBy.add(named);
    }

    Map<String, TopicLink> best = new LinkedHashMap<>();
    for (int i = 0; i < matches.size(); i++) {
      Match m = matches.get(i);
      Set<String> neighbourhood = new HashSet<>();
      Set<String> otherCandidates = new HashSet<>();
      for (int j = 0; j < matches.size(); j++) {
        if (j != i && !matches.get(j).matchedText().equalsIgnoreCase(m.matchedText())) {
          neighbourhood.addAll(namedBy.get(j));
          for (AliasIndex.Entry e : matches.get(j).entries()) {
            if (!e.entityOnly()) {
              otherCandidates.add(e.topicId());
            }
          }
        }
      }
      for (TopicLink decided : decide(m, contextVocabulary, lowerText, neighbourhood, otherCandidates,
          authorTopicIds)) {
        TopicLink link = decided;
        double w = feedback.weight(link.matchedText(), link.topicId());
        if (w < 1.0) {
          List<String> terms = new ArrayList<>(link.contextTerms());
          terms.add(String.format(Locale.ROOT, "feedback:%.2f", w));
          link = new TopicLink(link.topicId(), round(link.confidence() * w), link.method(), link.matchedText(), terms,
              null);
        }
        if (link.confidence() >= settings.minConfidence()) {
          best.merge(link.topicId(), link, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
      }
    }
    return best;
  }

  /** The post's hashtags (its own and the dump's) and @handles that name candidate topics. */
  private List<Match> tagMatches(CleanText clean, List<String> extraHashtags) {
    List<Match> matches = new ArrayList<>();
    Set<String> tags = new java.util.LinkedHashSet<>(clean.hashtags());
    if (extraHashtags != null) {
      tags.addAll(extraHashtags);
    }
    for (String tag : tags) {
      List<AliasIndex.Entry> entries = index.hashtag(tag);
      if (!entries.isEmpty()) {
        matches.add(new Match("#" + tag, tag, "hashtag", entries, Set.of(AliasIndex.compactKey(tag)), false, null,
            false, false, false, null, null, null, -1, -1));
      }
    }
    for (String handle : clean.handles()) {
      List<AliasIndex.Entry> entries = index.handle(handle);
      if (!entries.isEmpty()) {
        matches.add(new Match("@" + handle, handle, "handle", entries, Set.of(), false, null, false, false, false,
            null, null, null, -1, -1));
      }
    }
    return matches;
  }

  private int maxNgram() {
    return Math.min(settings.maxNgram(), index.maxTokens());
  }

  /** Case says something only in texts that use both cases (not all-lowercase or shouted tweets). */
  private static boolean caseIsInformative(String text) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < text.length() && !(lower && upper); i++) {
      char c = text.charAt(i);
      lower |= Character.isLowerCase(c);
      upper |= Character.isUpperCase(c);
    }
    return lower && upper;
  }

  private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?", ":", ";", "\"", "''", "``", "-", "--");

  private List<Match> wordMatches(List<AnnotatedToken> tokens, boolean caseInformative) {
    List<Match> out = new ArrayList<>();
    int maxN = maxNgram();
    int i = 0;
    while (i < tokens.size()) {
      if (!mayStartAnAlias(tokens.get(i))) {
        // Most tokens start no alias: skip the n-gram keys (and their regex normalising) there.
        i++;
        continue;
      }
      int matchedLength = 0;
      for (int n = Math.min(maxN, tokens.size() - i); n >= 1 && matchedLength == 0; n--) {
        List<AnnotatedToken> span = tokens.subList(i, i + n);
        String surface = AliasIndex.normalize(join(span, false));
        List<AliasIndex.Entry> entries = index.words(surface);
        String written = join(span, false);
        if (entries.isEmpty()) {
          // Names are not inflected: "heating" may be the lemma "heat", but it is not the Miami Heat.
          written = join(span, true);
          entries = index.words(AliasIndex.normalize(written)).stream()
              .filter(e -> e.hand() ? !e.capitalised() : !Double.isNaN(e.bestPrior(false))).toList();
        }
        if (!entries.isEmpty()) {
          Set<String> spanWords = new HashSet<>();
          boolean nerTagged = false;
          for (AnnotatedToken t : span) {
            spanWords.add(t.word().toLowerCase(Locale.ROOT));
            spanWords.add(t.lemma().toLowerCase(Locale.ROOT));
            nerTagged |= ENTITY_TAGS.contains(t.ner());
          }
          // A capital inside a sentence marks a name ("the Twins won"); lower case marks a common word ("my twins").
          boolean sentenceStart = i == 0 || SENTENCE_ENDS.contains(tokens.get(i - 1).word());
          String first = span.get(0).word();
          Boolean capitalised = !caseInformative || first.isEmpty() ? null
              : !sentenceStart ? Boolean.valueOf(Character.isUpperCase(first.charAt(0)))
              // At a sentence's start the first capital says nothing, a capital on a later word does ("Bernie
              // Sanders was ...").
              : span.stream().skip(1).anyMatch(t -> !t.word().isEmpty() && Character.isUpperCase(t.word().charAt(0)))
                  ? Boolean.TRUE : null;
          // Where case tells (a capital inside a sentence), it is the name evidence; NER is asked where it cannot.
          boolean entity = nerTagged || Boolean.TRUE.equals(capitalised);
          // One lower-case word used as a verb, adjective or the like ("watch it live") is not a name of anything.
          boolean commonWordUse = n == 1 && !entity && !AliasIndex.hasUpperCase(first)
              && (span.get(0).pos() == null || !span.get(0).pos().startsWith("NN"));
          boolean verbUse = commonWordUse && span.get(0).pos() != null && span.get(0).pos().startsWith("VB");
          out.add(new Match(join(span, false), written, nerTagged ? "alias+ner" : "alias", entries, spanWords, entity,
              capitalised, caseInformative, commonWordUse, verbUse, n == 1 ? span.get(0).pos() : null,
              n == 1 && caseInformative && i > 0 ? tokens.get(i - 1).word() : null,
              n == 1 && caseInformative && i + 1 < tokens.size() ? tokens.get(i + 1).word() : null, i, i + n));
          matchedLength = n;
        }
      }
      i += Math.max(1, matchedLength);
    }
    return out;
  }

  /**
   * Whether the word is capitalised and no ordinary English word in lower case: a first name, probably ("Cam", not
   * "President"). Acronyms and abbreviations ("Mr.", "Dr.") are no first names.
   */
  private static boolean isFirstName(String word) {
    return word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && Character.isLetter(word.charAt(1))
        && !word.endsWith(".") && !AliasIndex.isAcronym(word) && !TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL)
        .isOrdinaryWord(word.toLowerCase(Locale.ROOT));
  }

  /**
   * A one-word span that is the last word of its topic's personal name, inside another person's full name: right
   * after another first name ("Cam Newton" is not Isaac Newton, "Tom Lynch" not David Lynch), or right before a
   * given name that names nothing else, as names are written family name first in much of East Asia ("Jung Hoseok"
   * is not Carl Jung). A known name after it ("Messi Neymar") is a list of people, not one.
   */
  private boolean namesAnotherBearer(Match m, AliasIndex.Entry e) {
    if ((m.precedingWord() == null && m.followingWord() == null) || e.hand()) {
      return false;
    }
    String[] name = ontology.byId(e.topicId()).orElseThrow().name().split(" ");
    if (name.length < 2 || !name[name.length - 1].equalsIgnoreCase(m.written())) {
      return false;
    }
    // The lexicon is asked last: only where the span is the surname of a person topic.
    boolean afterAnotherFirstName = m.precedingWord() != null && !name[0].equalsIgnoreCase(m.precedingWord())
        && isFirstName(m.precedingWord());
    return afterAnotherFirstName || (m.followingWord() != null && isFirstName(m.followingWord())
        && !index.startsAnAlias(AliasIndex.normalize(m.followingWord()).split(" ", 2)[0]));
  }

  /**
   * Whether an alias key could begin at this token: the first word of a span's normalised key is the first word of
   * its first token's normalised word or lemma (a token that normalises to nothing gives no answer, so it is tried).
   */
  private boolean mayStartAnAlias(AnnotatedToken t) {
    String word = AliasIndex.normalize(t.word());
    String lemma = AliasIndex.normalize(t.lemma());
    if (word.isEmpty() || lemma.isEmpty()) {
      return true;
    }
    return index.startsAnAlias(word.split(" ", 2)[0]) || index.startsAnAlias(lemma.split(" ", 2)[0]);
  }

  private static String join(List<AnnotatedToken> span, boolean lemmas) {
    StringBuilder sb = new StringBuilder();
    for (AnnotatedToken t : span) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(lemmas ? t.lemma() : t.word());
    }
    return sb.toString();
  }

  /** The topic a span names beyond doubt (a strong prior and no rival), or null. */
  private String clearTopic(Match m) {
    String best = null;
    double top = 0;
    double second = 0;
    for (AliasIndex.Entry e : m.entries()) {
      if (e.entityOnly()) {
        continue;
      }
      double p = prior(m, e);
      if (p > top) {
        second = top;
        top = p;
        best = e.topicId();
      } else if (p > second) {
        second = p;
      }
    }
    double other = otherSense(m);
    return top >= CLEAR_PRIOR && second < CLEAR_RIVAL && !(other >= CLEAR_RIVAL) ? best : null;
  }

  private static final double CLEAR_PRIOR = 0.75;
  /** Below this, a form's prior says the topic is a minor reading of it (a fragment, an ordinary word's rare sense). */
  private static final double MOST_COMMON_SENSE_MIN_PRIOR = 0.2;
  private static final double CLEAR_RIVAL = 0.3;

  /**
   * P(topic | the span as written): the hand-written alias's fixed prior, or the data-derived forms' link prior for
   * the span in the case it is written; a name known only with capitals but written in lower case in a mixed-case
   * post keeps a share of its prior, less where the lower-case form mostly means something else.
   */
  private double prior(Match m, AliasIndex.Entry e) {
    if (namesAnotherBearer(m, e)) {
      return 0;
    }
    // A hand-written name used as a verb or the like ("ai" in "ain't") is as doubtful as an ambiguous one.
    double hand = !e.hand() ? 0 : e.ambiguous() || m.verbUse()
        && !ontology.byId(e.topicId()).orElseThrow().everyday() ? settings.handAmbiguousPrior() : settings.handPrior();
    if (!e.hasData() || m.commonWordUse()) {
      return hand;
    }
    double data;
    Double exact = e.priors().get(m.written());
    if (exact != null) {
      data = exact;
    } else if (!m.caseInformative() || m.tag()) {
      data = e.bestPrior();
    } else if (!AliasIndex.hasUpperCase(m.written())) {
      double lower = e.bestPrior(false);
      if (!Double.isNaN(lower)) {
        data = lower;
      } else {
        double other = index.otherSensePrior(m.written());
        data = e.bestPrior(true) * settings.lowerCaseNameFactor() * (Double.isNaN(other) ? 1.0 : 1.0 - other);
      }
    } else {
      double cap = e.bestCapitalisedPriorFor(m.written());
      data = Double.isNaN(cap) && !AliasIndex.isAcronym(m.written()) ? e.bestPrior(false) : cap;
    }
    if (exact != null && exact >= MOST_COMMON_SENSE_MIN_PRIOR && AliasIndex.hasUpperCase(m.written())
        && m.namedEntity() && !madeUpBesideTheDictionarys(m, e)) {
      // The form as written most often means this topic (the dictionary keeps each form's most common article
      // only), and it is used as a name: the most likely reading, even where the name has many other senses
      // ("Amazon" 0.29: the river, the rainforest, the myth... each rarer).
      data = Math.max(data, settings.linkThreshold());
    }
    return Math.max(hand, Double.isNaN(data) ? 0 : data);
  }

  /**
   * A generated form ("Cowboys" for the North Queensland Cowboys) where the dictionary gives the same written form
   * to another topic ("Cowboys" → Dallas Cowboys 0.55): the dictionary's form is the most common sense, the made-up
   * one is not. A generated form alone (a surname newer than the dictionary) still is.
   */
  private static boolean madeUpBesideTheDictionarys(Match m, AliasIndex.Entry e) {
    if (e.origin() != Alias.Origin.GENERATED) {
      return false;
    }
    for (AliasIndex.Entry other : m.entries()) {
      if (other != e && (other.origin() == Alias.Origin.WIKI || other.origin() == Alias.Origin.NAME)
          && other.priors().containsKey(m.written())) {
        return true;
      }
    }
    return false;
  }

  /** The prior of the span's most common sense when that sense is no topic ("twins" → Twin); NaN when none. */
  private double otherSense(Match m) {
    if (m.tag()) {
      return Double.NaN;
    }
    double other = index.otherSensePrior(m.written());
    if (!m.caseInformative()) {
      String w = m.written();
      other = maxOf(other, index.otherSensePrior(w.toLowerCase(Locale.ROOT)));
      other = maxOf(other, index.otherSensePrior(w.isEmpty() ? w
          : Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT)));
    }
    return other;
  }

  private static double maxOf(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  private record Scored(AliasIndex.Entry entry, List<String> terms, double score) {}

  /** Best first; ties by topic id, so that a post always gets the same links. */
  private static final Comparator<Scored> BY_SCORE = Comparator.comparingDouble(Scored::score).reversed()
      .thenComparing(s -> s.entry().topicId());

  /**
   * Decides a span: each candidate topic scores its prior plus context (its context words in the post, a topic of
   * the post at or under it, the author's recent topics, case for hand-written names, NER for names); the best
   * links when it reaches the threshold and beats both the runner-up and, for a topic known only from data, the
   * form's most common sense that is no topic. Topics that merely list the name among their entities' names are
   * not rivals: they are linked beside the winner (or decide among themselves when nothing else names the span).
   */
  private List<TopicLink> decide(Match m, Set<String> vocabulary, String lowerText, Set<String> neighbourhood,
                                 Set<String> otherCandidates, Set<String> authorTopicIds) {
    List<Scored> subjects = new ArrayList<>();
    List<Scored> everyday = new ArrayList<>();
    List<Scored> entities = new ArrayList<>();
    boolean namedByData = m.entries().stream().anyMatch(e -> namesItsTopic(m, e));
    for (AliasIndex.Entry e : m.entries()) {
      Scored s = score(m, e, vocabulary, lowerText, neighbourhood, otherCandidates, authorTopicIds);
      if (ontology.byId(e.topicId()).orElseThrow().everyday()) {
        everyday.add(s);
      } else if (e.entityOnly() || namedByData && listsTheName(e)) {
        // A topic that merely lists the name (Klout's entity labels, or a plain hand-written alias such as
        // "ipad" under Apple) goes beside the topic the name is, not against it.
        entities.add(s);
      } else {
        subjects.add(s);
      }
    }
    subjects.sort(BY_SCORE);
    everyday.sort(BY_SCORE);
    entities.sort(BY_SCORE);
    double otherSense = otherSense(m);
    List<TopicLink> out = new ArrayList<>();
    Scored winner = pick(subjects, otherSense);
    if (winner != null) {
      TopicLink won = link(m, winner);
      out.add(won);
      for (Scored e : entities) {
        // Evidence for the broader topic through the named one, like a roll-up: via the winner.
        out.add(new TopicLink(e.entry().topicId(), round(won.confidence() * settings.entityTopicFactor()),
            "entity", m.matchedText(), won.contextTerms(), winner.entry().topicId()));
      }
    } else {
      Scored entityWinner = pick(entities, otherSense);
      if (entityWinner != null) {
        out.add(link(m, entityWinner));
      }
    }
    // Conversation topics label what a post is like; they are no rival sense of a name ("Minecraft" is the game
    // and gaming talk), so they are decided among themselves. But a name that subject topics carry too, written
    // as a common word (lower case in a mixed-case post) and won by none of them, is no name here ("bald eagles"
    // are no team): a conversation topic then needs context.
    boolean undecidedName = out.isEmpty() && !subjects.isEmpty() && Boolean.FALSE.equals(m.capitalisedUse());
    Scored talk = pick(undecidedName ? asUndecidedName(m, everyday) : everyday, Double.NaN);
    if (talk != null) {
      out.add(link(m, talk));
    }
    return out;
  }

  /** The candidates re-scored with a plain hand-written name counted as an ambiguous one. */
  private List<Scored> asUndecidedName(Match m, List<Scored> candidates) {
    List<Scored> out = new ArrayList<>(candidates.size());
    for (Scored s : candidates) {
      AliasIndex.Entry e = s.entry();
      double prior = prior(m, e);
      out.add(e.hand() && !e.ambiguous() && !e.hasData() && prior > settings.handAmbiguousPrior()
          ? new Scored(e, s.terms(), s.score() - prior + settings.handAmbiguousPrior()) : s);
    }
    out.sort(BY_SCORE);
    return out;
  }

  /** The span is this topic's own name: its display name, or a form that data says mostly means it. */
  private boolean namesItsTopic(Match m, AliasIndex.Entry e) {
    if (!e.hasData() || e.entityOnly()) {
      return false;
    }
    Double exact = e.priors().get(m.written());
    return exact != null && exact >= NAMED_BY_DATA_PRIOR
        || AliasIndex.normalize(ontology.byId(e.topicId()).orElseThrow().name()).equals(AliasIndex.normalize(
            m.written()));
  }

  private static final double NAMED_BY_DATA_PRIOR = 0.5;

  /** A plain hand-written alias with no data behind it: the curator's "this name belongs here". */
  private static boolean listsTheName(AliasIndex.Entry e) {
    return e.hand() && !e.ambiguous() && !e.hasData();
  }

  private Scored pick(List<Scored> sorted, double otherSense) {
    if (sorted.isEmpty()) {
      return null;
    }
    Scored top = sorted.get(0);
    if (top.score() < settings.linkThreshold()) {
      return null;
    }
    if (sorted.size() > 1 && top.score() - sorted.get(1).score() < settings.linkMargin()) {
      return null;
    }
    if (!top.entry().hand() && !Double.isNaN(otherSense) && top.score() - otherSense < settings.linkMargin()) {
      return null;
    }
    return top;
  }

  private TopicLink link(Match m, Scored s) {
    return new TopicLink(s.entry().topicId(), round(Math.min(1.0, s.score())), m.method(), m.matchedText(),
        s.terms(), null);
  }

  private Scored score(Match m, AliasIndex.Entry e, Set<String> vocabulary, String lowerText,
                       Set<String> neighbourhood, Set<String> otherCandidates, Set<String> authorTopicIds) {
    Topic topic = ontology.byId(e.topicId()).orElseThrow();
    List<String> terms = new ArrayList<>();
    for (String w : topic.contextWords()) {
      boolean found = w.indexOf(' ') >= 0 ? lowerText.contains(" " + w + " ") : vocabulary.contains(w);
      if (found && !m.spanWords().contains(w)) {
        terms.add(w);
      }
    }
    int hits = Math.min(terms.size(), MAX_CONTEXT_WORD_HITS);
    if (neighbourhood.contains(topic.id()) && m.ambiguous()) {
      hits++;
      terms.add("topic:" + topic.slug());
    } else {
      for (String ancestor : ontology.ancestors(topic.id()).keySet()) {
        if (neighbourhood.contains(ancestor)) {
          hits++;
          terms.add("topic:" + ontology.byId(ancestor).map(Topic::slug).orElse(ancestor));
          break;
        }
      }
    }
    if (e.hand() && m.ambiguous() && m.capitalisedUse() != null) {
      if (e.capitalised() == m.capitalisedUse()
          && m.entries().stream().anyMatch(other -> other.hand() && other.capitalised() != e.capitalised())) {
        hits++;
        terms.add(e.capitalised() ? "case:name" : "case:common");
      } else if (e.capitalised() && !m.capitalisedUse()) {
        // A name written in lower case inside a mixed-case sentence is probably the common word.
        hits--;
      }
    }
    if (!terms.contains("topic:" + topic.slug()) && otherCandidates.contains(topic.id())) {
      // Another name in the post could mean the same topic ("viva" ... "revise"): each vouches for the other.
      hits++;
      terms.add("also:" + topic.slug());
    }
    if (authorTopicIds.contains(topic.id())) {
      hits++;
      terms.add("author:" + topic.slug());
    }
    double score = prior(m, e) + settings.contextWeight() * hits;
    if (m.namedEntity() && e.hasData() && !Double.isNaN(e.bestPrior(true))) {
      score += settings.nerBonus();
    }
    return new Scored(e, terms, score);
  }

  /** More context words add less: three say all they can. */
  private static final int MAX_CONTEXT_WORD_HITS = 3;

  private List<TopicLink> rollUp(Map<String, TopicLink> direct) {
    Map<String, TopicLink> all = new LinkedHashMap<>(direct);
    for (TopicLink link : direct.values()) {
      for (Map.Entry<String, Integer> a : ontology.ancestors(link.topicId()).entrySet()) {
        double c = round(link.confidence() * Math.pow(settings.rollupDamping(), a.getValue()));
        if (c < settings.rollupMinConfidence()) {
          continue;
        }
        TopicLink up = new TopicLink(a.getKey(), c, "rollup", link.matchedText(), link.contextTerms(),
            link.topicId());
        all.merge(a.getKey(), up, (old, neu) -> old.confidence() >= neu.confidence() ? old : neu);
      }
    }
    List<TopicLink> out = new ArrayList<>(all.values());
    out.sort(Comparator.comparingDouble(TopicLink::confidence).reversed().thenComparing(TopicLink::topicId));
    return out;
  }

  private static double round(double d) {
    return Math.round(d * 1000.0) / 1000.0;
  }
}
