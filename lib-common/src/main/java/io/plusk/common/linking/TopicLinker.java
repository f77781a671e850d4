package io.plusk.common.linking;

import io.plusk.common.config.PluskConfig.LinkingSettings;
import io.plusk.common.nlp.AnnotatedToken;
import io.plusk.common.nlp.TextAnnotator;
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

/**
 * Links a post's text to ontology topics: alias n-grams over CoreNLP tokens and lemmas (longest match first),
 * hashtags and @handles; ambiguous aliases are decided by the topics' context words and by the other topics of the
 * same post, and left unlinked when that evidence is too weak. Direct links are then rolled up the DAG with a
 * damping factor per level.
 */
public final class TopicLinker {
  private static final Set<String> ENTITY_TAGS = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

  private final Ontology ontology;
  private final AliasIndex index;
  private final TextAnnotator annotator;
  private final LinkingSettings settings;

  public TopicLinker(Ontology ontology, TextAnnotator annotator, LinkingSettings settings) {
    this.ontology = ontology;
    this.index = new AliasIndex(ontology);
    this.annotator = annotator;
    this.settings = settings;
  }

  public Ontology ontology() {
    return ontology;
  }

  /** A span of the post that names one or more candidate topics. */
  private record Match(String matchedText, String method, List<AliasIndex.Entry> entries, Set<String> spanWords,
                       boolean namedEntity, Boolean capitalisedUse) {
    Match(String matchedText, String method, List<AliasIndex.Entry> entries, Set<String> spanWords,
          boolean namedEntity) {
      this(matchedText, method, entries, spanWords, namedEntity, null);
    }

    boolean ambiguous() {
      return entries.size() > 1 || entries.stream().anyMatch(AliasIndex.Entry::ambiguous);
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
    List<AnnotatedToken> tokens = annotator.annotate(clean.nlpText());

    Set<String> contextVocabulary = new HashSet<>();
    for (AnnotatedToken t : tokens) {
      contextVocabulary.add(t.word().toLowerCase(Locale.ROOT));
      contextVocabulary.add(t.lemma().toLowerCase(Locale.ROOT));
    }
    String lowerText = " " + clean.nlpText().toLowerCase(Locale.ROOT) + " ";

    List<Match> matches = new ArrayList<>(wordMatches(tokens, caseIsInformative(clean.nlpText())));
    Set<String> tags = new java.util.LinkedHashSet<>(clean.hashtags());
    if (extraHashtags != null) {
      tags.addAll(extraHashtags);
    }
    for (String tag : tags) {
      List<AliasIndex.Entry> entries = index.hashtag(tag);
      if (!entries.isEmpty()) {
        matches.add(new Match("#" + tag, "hashtag", entries, Set.of(AliasIndex.compactKey(tag)), false));
      }
    }
    for (String handle : clean.handles()) {
      List<AliasIndex.Entry> entries = index.handle(handle);
      if (!entries.isEmpty()) {
        matches.add(new Match("@" + handle, "handle", entries, Set.of(), false));
      }
    }

    // Topics named without ambiguity, and their ancestors below the super-topics, are context for the rest.
    Set<String> neighbourhood = new HashSet<>();
    for (Match m : matches) {
      if (!m.ambiguous()) {
        String id = m.entries().get(0).topicId();
        neighbourhood.add(id);
        ontology.ancestors(id).keySet().stream().filter(a -> ontology.level(a) > 1).forEach(neighbourhood::add);
      }
    }

    Map<String, TopicLink> best = new LinkedHashMap<>();
    for (Match m : matches) {
      TopicLink link = decide(m, contextVocabulary, lowerText, neighbourhood, authorTopicIds);
      if (link != null) {
        double w = feedback.weight(link.matchedText(), link.topicId());
        if (w < 1.0) {
          List<String> terms = new ArrayList<>(link.contextTerms());
          terms.add(String.format(Locale.ROOT, "feedback:%.2f", w));
          link = new TopicLink(link.topicId(), round(link.confidence() * w), link.method(), link.matchedText(), terms,
              null);
        }
      }
      if (link != null && link.confidence() >= settings.minConfidence()) {
        best.merge(link.topicId(), link, (a, b) -> a.confidence() >= b.confidence() ? a : b);
      }
    }
    return rollUp(best);
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
    int maxN = Math.min(settings.maxNgram(), index.maxTokens());
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
        if (entries.isEmpty()) {
          // Names are not inflected: "heating" may be the lemma "heat", but it is not the Miami Heat.
          entries = index.words(AliasIndex.normalize(join(span, true))).stream()
              .filter(e -> !e.capitalised()).toList();
        }
        if (!entries.isEmpty()) {
          Set<String> spanWords = new HashSet<>();
          boolean entity = false;
          for (AnnotatedToken t : span) {
            spanWords.add(t.word().toLowerCase(Locale.ROOT));
            spanWords.add(t.lemma().toLowerCase(Locale.ROOT));
            entity |= ENTITY_TAGS.contains(t.ner());
          }
          // A capital inside a sentence marks a name ("the Twins won"); lower case marks a common word ("my twins").
          boolean sentenceStart = i == 0 || SENTENCE_ENDS.contains(tokens.get(i - 1).word());
          String first = span.get(0).word();
          Boolean capitalised = !caseInformative || sentenceStart || first.isEmpty() ? null
              : Character.isUpperCase(first.charAt(0));
          out.add(new Match(join(span, false), entity ? "alias+ner" : "alias", entries, spanWords, entity,
              capitalised));
          matchedLength = n;
        }
      }
      i += Math.max(1, matchedLength);
    }
    return out;
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

  private TopicLink decide(Match m, Set<String> vocabulary, String lowerText, Set<String> neighbourhood,
                           Set<String> authorTopicIds) {
    record Scored(String topicId, List<String> terms, int hits) {}
    List<Scored> scored = new ArrayList<>();
    for (AliasIndex.Entry e : m.entries()) {
      Topic topic = ontology.byId(e.topicId()).orElseThrow();
      List<String> terms = new ArrayList<>();
      for (String w : topic.contextWords()) {
        boolean found = w.indexOf(' ') >= 0 ? lowerText.contains(" " + w + " ") : vocabulary.contains(w);
        if (found && !m.spanWords().contains(w)) {
          terms.add(w);
        }
      }
      int hits = terms.size();
      if (neighbourhood.contains(topic.id()) && m.ambiguous()) {
        hits++;
        terms.add("topic:" + topic.slug());
      } else if (m.ambiguous()) {
        for (String ancestor : ontology.ancestors(topic.id()).keySet()) {
          if (neighbourhood.contains(ancestor)) {
            hits++;
            terms.add("topic:" + ontology.byId(ancestor).map(Topic::slug).orElse(ancestor));
            break;
          }
        }
      }
      if (m.ambiguous() && m.capitalisedUse() != null) {
        if (e.capitalised() == m.capitalisedUse()
            && m.entries().stream().anyMatch(other -> other.capitalised() != e.capitalised())) {
          hits++;
          terms.add(e.capitalised() ? "case:name" : "case:common");
        } else if (e.capitalised() && !m.capitalisedUse()) {
          // A name written in lower case inside a mixed-case sentence is probably the common word.
          hits--;
        }
      }
      if (m.ambiguous() && authorTopicIds.contains(topic.id())) {
        hits++;
        terms.add("author:" + topic.slug());
      }
      scored.add(new Scored(topic.id(), terms, hits));
    }
    scored.sort(Comparator.comparingInt(Scored::hits).reversed().thenComparing(Scored::topicId));
    Scored top = scored.get(0);
    if (m.ambiguous()) {
      if (top.hits() < settings.ambiguousMinContext()) {
        return null;
      }
      if (scored.size() > 1 && top.hits() - scored.get(1).hits() < settings.ambiguousMargin()) {
        return null;
      }
    }
    double base = switch (m.method()) {
      case "hashtag" -> settings.hashtagConfidence();
      case "handle" -> settings.handleConfidence();
      default -> settings.aliasConfidence();
    };
    double confidence = base + (m.namedEntity() ? settings.nerBonus() : 0.0)
        + Math.min(settings.contextCap(), settings.contextBonus() * top.hits());
    return new TopicLink(top.topicId(), round(Math.min(1.0, confidence)), m.method(), m.matchedText(), top.terms(),
        null);
  }

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
