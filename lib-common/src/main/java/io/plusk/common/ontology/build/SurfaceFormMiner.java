package io.plusk.common.ontology.build;

import io.plusk.common.nlp.TaggerLexicon;
import io.plusk.common.ontology.Alias;
import io.plusk.common.ontology.Ontology;
import io.plusk.common.ontology.Topic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds each topic's Wikipedia article in CoreNLP's anchor-text dictionary and takes the names people link to that
 * article, with their link priors, as the topic's surface forms; then adds forms the dictionary cannot know
 * (entities that became known after it was built): the name itself, a person's surname, a team's name without
 * its city, an @handle. Two passes over the dictionary, at import time.
 */
public final class SurfaceFormMiner {
  private static final Logger LOG = LoggerFactory.getLogger(SurfaceFormMiner.class);
  /** Forms rarer than this for a topic are noise for linking (and bulk in the file). */
  static final double MIN_PRIOR = 0.02;
  static final int MAX_FORM_WORDS = 5;
  /** A person's surname or a team's short name that the dictionary never saw for the article: needs context. */
  static final double GENERATED_SHORT_PRIOR = 0.35;
  /** "Red Sox", "Galaxy Note": two words of a name are rarely anything else. */
  static final double GENERATED_SHORT_PRIOR_MULTI = 0.6;
  /** A topic's full name where the dictionary has no entry for it: multi-word names rarely mean anything else. */
  static final double GENERATED_NAME_PRIOR_MULTI = 0.9;
  static final double GENERATED_NAME_PRIOR_SINGLE = 0.6;
  static final double HANDLE_PRIOR = 0.85;
  static final double ENTITY_PRIOR_MULTI = 0.5;
  static final double ENTITY_PRIOR_SINGLE = 0.25;
  private static final Set<String> PEOPLE_CATEGORIES = Set.of("celebrities", "actors", "singer-songwriters",
      "tv-personalities", "authors", "voice-actors", "djs", "artists");
  private static final Set<String> SPORTS_ROOTS = Set.of("sports-and-recreation-super");
  private static final Set<String> CLUB_SUFFIXES = Set.of("fc", "f.c.", "afc", "a.f.c.", "cf", "c.f.", "sc",
      "s.c.", "f.c", "fc.");

  /** What the miner found for one topic. */
  public record Found(String title, Map<String, Alias> forms) {}

  /** Per topic id; plus how many topics found an article. */
  public record Result(Map<String, Found> byTopic, Map<String, Double> otherSenses, int topicsTried,
                       int topicsWithTitle, long dictionaryLines) {}

  private SurfaceFormMiner() {}

  public static Result mine(Ontology ontology, WikiDictionary dictionary) throws IOException {
    return mine(ontology, dictionary, Map.of());
  }

  /**
   * @param titleByWikidataId the English Wikipedia title of Wikidata items ({@link
   *     io.plusk.common.ontology.KloutImporter#wikipediaTitles}): a topic's own Wikidata item names its article
   *     where its name does not ("VPN" → Virtual_private_network, "R Programming" → R_(programming_language))
   */
  public static Result mine(Ontology ontology, WikiDictionary dictionary, Map<String, String> titleByWikidataId)
      throws IOException {
    // The tagger's training text tells ordinary English words ("faith", "energy", "watch") from names ("xbox",
    // "netflix"): people link "faith" to its article, but mostly write it without meaning a topic.
    TaggerLexicon lexicon = TaggerLexicon.of(TaggerLexicon.DEFAULT_MODEL);
    // Pass 1: what each topic's name links to, and which exact titles exist.
    Map<String, List<String>> queryToTopics = new HashMap<>();
    Map<String, List<String>> exactTitleToTopics = new HashMap<>();
    List<Topic> tried = new ArrayList<>();
    for (Topic t : ontology.topics()) {
      if (t.everyday()) {
        continue;
      }
      tried.add(t);
      String base = Names.withoutParenthetical(t.name());
      String singular = singular(base);
      for (String q : new java.util.LinkedHashSet<>(List.of(t.name(), base, base.toLowerCase(Locale.ROOT),
          capitalise(base), singular, capitalise(singular)))) {
        queryToTopics.computeIfAbsent(q, k -> new ArrayList<>()).add(t.id());
      }
      exactTitleToTopics.computeIfAbsent(capitalise(t.name()).replace(' ', '_'), k -> new ArrayList<>())
          .add(t.id());
    }
    Map<String, Map<String, Double>> candidates = new HashMap<>();
    Set<String> existingTitles = new HashSet<>();
    // What each topic's name, exactly as written, links to: where it mostly means another topic's article, a name
    // made up for the topic must not claim it.
    Set<String> names = new HashSet<>();
    tried.forEach(t -> names.add(Names.withoutParenthetical(t.name())));
    Map<String, Map<String, Double>> nameLinks = new HashMap<>();
    Map<String, String> wikidataTitleOf = new HashMap<>();
    for (Topic t : tried) {
      String title = titleByWikidataId.get(t.wikidataId());
      if (title != null) {
        wikidataTitleOf.put(t.id(), title);
      }
    }
    Set<String> wikidataTitles = new HashSet<>(wikidataTitleOf.values());
    Set<String> wikidataTitlesSeen = new HashSet<>();
    long lines = dictionary.scan((mention, title, prior) -> {
      if (wikidataTitles.contains(title)) {
        wikidataTitlesSeen.add(title);
      }
      if (names.contains(mention)) {
        nameLinks.computeIfAbsent(mention, k -> new HashMap<>()).merge(title, prior, Math::max);
      }
      List<String> ids = queryToTopics.get(mention);
      if (ids != null) {
        for (String id : ids) {
          Topic t = ontology.byId(id).orElseThrow();
          String base = Names.withoutParenthetical(t.name());
          double weight = mention.equals(t.name()) || mention.equals(base) ? 1.0 : 0.5;
          double exact = Names.compact(Names.titleBase(title)).equals(Names.compact(base)) ? 1.0 : 0.8;
          // "Venice Beach" → Venice, Los Angeles: an article that shares a word with the name and that the name
          // itself mostly links to is the topic's too (a lone anchor sharing nothing is noise).
          boolean weakly = prior * weight >= WEAK_TITLE_MIN_PRIOR && sharesAWord(title, base);
          if (title.equals(wikidataTitleOf.get(id))) {
            // The topic's own Wikidata item, and its name links there: its article, whatever other candidates say.
            candidates.computeIfAbsent(id, k -> new HashMap<>()).merge(title, 1.0 + prior * weight, Math::max);
          } else if (related(title, base) || weakly) {
            candidates.computeIfAbsent(id, k -> new HashMap<>()).merge(title,
                prior * weight * exact * (related(title, base) ? 1.0 : 0.7), Math::max);
          }
        }
      }
      if (exactTitleToTopics.containsKey(title)) {
        existingTitles.add(title);
      }
    });
    // An article that one topic is named exactly after is that topic's: another topic that reached it only
    // through a shorter name ("Jaguars (animal)" → Jacksonville_Jaguars, the team's article) takes its next
    // candidate, or none.
    Map<String, Set<String>> namedAfter = new HashMap<>();
    for (Topic t : tried) {
      for (String title : candidates.getOrDefault(t.id(), Map.of()).keySet()) {
        if (Names.compact(title.replace('_', ' ')).equals(Names.compact(t.name()))) {
          namedAfter.computeIfAbsent(title, k -> new HashSet<>()).add(t.id());
        }
      }
    }
    Map<String, String> titleOf = new LinkedHashMap<>();
    Map<String, List<String>> topicsOfTitle = new HashMap<>();
    int givenUp = 0;
    for (Topic t : tried) {
      String best = null;
      double bestScore = -1;
      for (Map.Entry<String, Double> c : candidates.getOrDefault(t.id(), Map.of()).entrySet()) {
        Set<String> owners = namedAfter.get(c.getKey());
        if (owners != null && !owners.contains(t.id())) {
          givenUp++;
          continue;
        }
        if (c.getValue() > bestScore || c.getValue() == bestScore && c.getKey().compareTo(best) < 0) {
          best = c.getKey();
          bestScore = c.getValue();
        }
      }
      String exact = capitalise(t.name()).replace(' ', '_');
      if (best == null && existingTitles.contains(exact)) {
        best = exact;
      }
      if (best != null) {
        titleOf.put(t.id(), best);
        topicsOfTitle.computeIfAbsent(best, k -> new ArrayList<>()).add(t.id());
      }
    }
    // Last, for topics still without an article: the article of their own Wikidata item, which no anchor of the name
    // reaches, where its title (with its disambiguator: "R (programming language)") shares a word with the name
    // and no other topic holds it. Klout's file has the odd wrong item id ("BlackBerry Priv" carries BlackBerry's,
    // "Farming" Commerce's): weak evidence never takes another topic's article.
    for (Topic t : tried) {
      String wikidata = wikidataTitleOf.get(t.id());
      if (!titleOf.containsKey(t.id()) && wikidata != null && wikidataTitlesSeen.contains(wikidata)
          && !topicsOfTitle.containsKey(wikidata) && !namedAfter.containsKey(wikidata)
          && sharesAWord(wikidata.replace('(', ' ').replace(')', ' '), Names.withoutParenthetical(t.name()))) {
        titleOf.put(t.id(), wikidata);
        topicsOfTitle.computeIfAbsent(wikidata, k -> new ArrayList<>()).add(t.id());
      }
    }
    LOG.info("Wikipedia articles found for {} of {} topics ({} dictionary lines; {} candidate articles left to "
        + "the topic named after them)", titleOf.size(), tried.size(), lines, givenUp);

    // Pass 2: every anchor text of those articles that reads as a name of the topic.
    Map<String, Map<String, Double>> wikiForms = new HashMap<>();
    dictionary.scan((mention, title, prior) -> {
      List<String> ids = topicsOfTitle.get(title);
      if (ids == null || prior < MIN_PRIOR) {
        return;
      }
      String form = cleanForm(mention);
      if (form == null || startsWithArticle(form)) {
        // "the Lakers" adds nothing to "Lakers" and would win the longest match over "Apple Watch" in "the Apple
        // Watch"; a topic whose name has the article keeps it through its name.
        return;
      }
      for (String id : ids) {
        Topic t = ontology.byId(id).orElseThrow();
        if (plausible(form, Names.titleBase(title), Names.withoutParenthetical(t.name()))) {
          wikiForms.computeIfAbsent(id, k -> new LinkedHashMap<>()).merge(form, prior, Math::max);
        }
      }
    });

    Map<String, Found> out = new LinkedHashMap<>();
    for (Topic t : tried) {
      Map<String, Alias> forms = new LinkedHashMap<>();
      String nameBase = Names.withoutParenthetical(t.name());
      for (Map.Entry<String, Double> f : wikiForms.getOrDefault(t.id(), Map.of()).entrySet()) {
        Alias.Origin origin = f.getKey().equalsIgnoreCase(nameBase) ? Alias.Origin.NAME : Alias.Origin.WIKI;
        double prior = f.getValue();
        forms.put(f.getKey(), new Alias(f.getKey(), Alias.Kind.WORDS, false, round(prior), origin));
      }
      boolean known = titleOf.containsKey(t.id());
      // Only for a topic whose own article is known, and only other topics' articles count: an article no topic
      // holds may be this very subject under another title ("SXSW" → South_by_Southwest).
      double otherArticles = !known ? 0 : nameLinks.getOrDefault(nameBase, Map.of()).entrySet().stream()
          .filter(l -> topicsOfTitle.containsKey(l.getKey()) && !topicsOfTitle.get(l.getKey()).contains(t.id()))
          .mapToDouble(Map.Entry::getValue).max().orElse(0);
      generate(ontology, t, known, 1.0 - otherArticles, forms);
      // An ordinary English word ("faith", "energy") is mostly written without meaning the topic, whatever share
      // of its links goes there: it needs context.
      // Written with a capital it may be a name ("Twins", "Apple"): the linker lifts the most common sense of a
      // capitalised form used as a name.
      // In lower case, a fragment of a longer name ("tasting" for Wine Tasting) needs more still.
      forms.replaceAll((f, a) -> a.kind() == Alias.Kind.WORDS && f.indexOf(' ') < 0 && !isAcronym(f)
          && lexicon.isOrdinaryWord(f.toLowerCase(Locale.ROOT))
          ? new Alias(a.text(), a.kind(), a.ambiguous(), round(a.prior() * (f.equals(f.toLowerCase(Locale.ROOT))
              && isFragment(f, nameBase) ? FRAGMENT_FACTOR : ORDINARY_WORD_FACTOR)), a.origin()) : a);
      out.put(t.id(), new Found(titleOf.get(t.id()), forms));
    }

    // Pass 3: where a topic's form, in some case, most often means an article that is no topic ("twins" → Twin,
    // "Heat" → Heat (film)), that other sense and its prior: the linker weighs the topic against it.
    // Per key, the names of the articles of the topics that hold it: another article of the same name
    // ("Jurassic Park (film)" beside the franchise's "Jurassic Park") is the same subject, no other sense.
    Map<String, Set<String>> keys = new HashMap<>();
    for (Map.Entry<String, Found> f : out.entrySet()) {
      String title = f.getValue().title();
      for (Alias a : f.getValue().forms().values()) {
        if (a.kind() == Alias.Kind.WORDS) {
          Set<String> bases = keys.computeIfAbsent(a.normalized(), k -> new HashSet<>());
          if (title != null) {
            bases.add(Names.compact(Names.titleBase(title)));
          }
        }
      }
    }
    Set<String> topicTitles = topicsOfTitle.keySet();
    Map<String, Double> otherSenses = new java.util.TreeMap<>();
    dictionary.scan((mention, title, prior) -> {
      Set<String> bases = prior >= MIN_OTHER_SENSE_PRIOR && !topicTitles.contains(title)
          ? keys.get(mention.toLowerCase(Locale.ROOT)) : null;
      // Only for ordinary English words ("twins", "heat"): that is where a name competes with everyday meanings;
      // for a rare word ("lakers" → Lake freighter, one stray link) the dictionary's share is noise.
      if (bases != null && !bases.contains(Names.compact(Names.titleBase(title))) && cleanForm(mention) != null
          && mention.indexOf(' ') < 0 && !isAcronym(mention)
          && lexicon.isOrdinaryWord(mention.toLowerCase(Locale.ROOT))
          && plausible(mention, Names.titleBase(title), Names.titleBase(title))) {
        otherSenses.merge(mention, round(prior), Math::max);
      }
    });
    return new Result(out, otherSenses, tried.size(), titleOf.size(), lines);
  }

  static final double FRAGMENT_FACTOR = 0.3;
  static final double ORDINARY_WORD_FACTOR = 0.45;
  static final double WEAK_TITLE_MIN_PRIOR = 0.5;

  /** "iPads" → "iPad", "Breweries" → "Brewery"; other names as they are. */
  static String singular(String name) {
    int space = name.lastIndexOf(' ');
    String last = name.substring(space + 1);
    String lower = last.toLowerCase(Locale.ROOT);
    String stem;
    if (lower.length() >= 5 && lower.endsWith("ies")) {
      stem = last.substring(0, last.length() - 3) + "y";
    } else if (lower.length() >= 4 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")
        && !lower.endsWith("is") && !lower.endsWith("news") && !lower.endsWith("ics")) {
      stem = last.substring(0, last.length() - 1);
    } else {
      return name;
    }
    return name.substring(0, space + 1) + stem;
  }

  private static boolean sharesAWord(String title, String name) {
    if (!Names.digits(Names.titleBase(title)).equals(Names.digits(name))) {
      return false;
    }
    List<String> titleWords = Names.words(Names.titleBase(title));
    for (String w : significant(Names.words(name))) {
      if (w.length() >= 3 && titleWords.contains(w)) {
        return true;
      }
    }
    return false;
  }
  /** Other senses weaker than this say little against a topic. */
  static final double MIN_OTHER_SENSE_PRIOR = 0.2;

  private static boolean isAcronym(String form) {
    return form.length() >= 2 && form.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
  }

  private static boolean startsWithArticle(String form) {
    String lower = form.toLowerCase(Locale.ROOT);
    return lower.startsWith("the ") || lower.startsWith("a ") || lower.startsWith("an ");
  }

  private static boolean isFragment(String form, String name) {
    List<String> nameWords = Names.words(name);
    List<String> formWords = Names.words(form);
    return nameWords.size() > formWords.size() && formWords.size() == 1 && !isAcronym(form);
  }

  /**
   * Forms the dictionary cannot give: the name where it has no entry, short names, handles. {@code nameShareLeft}:
   * the share of the name's links that go to no other topic's article ("Jaguars" links the football team 57 % of
   * the time: the animal's made-up "Jaguars" gets at most the rest).
   */
  private static void generate(Ontology ontology, Topic t, boolean known, double nameShareLeft,
                               Map<String, Alias> forms) {
    String name = Names.withoutParenthetical(t.name());
    List<String> words = List.of(name.split("\\s+"));
    boolean nameSeen = forms.keySet().stream().anyMatch(f -> f.equals(name));
    if (!nameSeen) {
      double prior = round(Math.min(nameShareLeft,
          words.size() > 1 ? GENERATED_NAME_PRIOR_MULTI : GENERATED_NAME_PRIOR_SINGLE));
      forms.put(name, new Alias(name, Alias.Kind.WORDS, false, prior, Alias.Origin.NAME));
      if (!known && words.size() > 1) {
        // No data on how people write it: a multi-word name in lower case is still that name.
        String lower = name.toLowerCase(Locale.ROOT);
        forms.putIfAbsent(lower, new Alias(lower, Alias.Kind.WORDS, false, prior, Alias.Origin.NAME));
      }
    }
    String singular = singular(name);
    if (!singular.equals(name) && forms.keySet().stream().noneMatch(f -> f.equalsIgnoreCase(singular))) {
      double prior = forms.get(name) != null ? forms.get(name).prior()
          : words.size() > 1 ? GENERATED_NAME_PRIOR_MULTI : GENERATED_NAME_PRIOR_SINGLE;
      forms.put(singular, new Alias(singular, Alias.Kind.WORDS, false, prior, Alias.Origin.GENERATED));
    }
    Set<String> ancestors = new HashSet<>();
    ontology.ancestors(t.id()).keySet().forEach(a -> ancestors.add(ontology.byId(a).orElseThrow().slug()));
    List<String> shortForms = new ArrayList<>();
    // "Samsung Galaxy Note" → "Galaxy Note": a product named after a brand that is a topic itself, where at least
    // two words stay (never "Apple Watch" → "Watch").
    if (words.size() >= 3 && ontology.resolve(words.get(0)).filter(b -> !b.id().equals(t.id())).isPresent()) {
      shortForms.add(String.join(" ", words.subList(1, words.size())));
    }
    if (ancestors.stream().anyMatch(SPORTS_ROOTS::contains) && words.size() >= 2) {
      List<String> core = new ArrayList<>(words);
      if (CLUB_SUFFIXES.contains(core.get(core.size() - 1).toLowerCase(Locale.ROOT))) {
        core.remove(core.size() - 1);
      } else if (CLUB_SUFFIXES.contains(core.get(0).toLowerCase(Locale.ROOT))) {
        core.remove(0);
      }
      if (core.size() < words.size() && !core.isEmpty()) {
        shortForms.add(String.join(" ", core));
      } else if (core.size() >= 2 && isCapitalisedWords(core)) {
        shortForms.add(core.get(core.size() - 1));
        if (core.size() >= 3) {
          shortForms.add(core.get(core.size() - 2) + " " + core.get(core.size() - 1));
        }
      }
    } else if (!known && words.size() >= 2 && words.size() <= 3 && isCapitalisedWords(words)
        && !Names.hasDigit(name) && t.parentIds().stream()
            .anyMatch(p -> PEOPLE_CATEGORIES.contains(ontology.byId(p).orElseThrow().slug()))) {
      shortForms.add(words.get(words.size() - 1));
    }
    for (String s : shortForms) {
      if (s.length() >= 3 && !Names.STOP.contains(s.toLowerCase(Locale.ROOT))
          && forms.keySet().stream().noneMatch(f -> f.equals(s))) {
        double prior = s.contains(" ") ? GENERATED_SHORT_PRIOR_MULTI : GENERATED_SHORT_PRIOR;
        forms.put(s, new Alias(s, Alias.Kind.WORDS, false, prior, Alias.Origin.GENERATED));
      }
    }
    if (ontology.level(t.id()) >= 2) {
      Set<String> handles = new java.util.LinkedHashSet<>();
      handles.add(Names.compact(name));
      for (String s : shortForms) {
        if (s.length() >= 4) {
          handles.add(Names.compact(s));
        }
      }
      for (String h : handles) {
        if (h.length() >= 3 && h.length() <= 15) {
          forms.putIfAbsent("@" + h, new Alias(h, Alias.Kind.HANDLE, false, HANDLE_PRIOR, Alias.Origin.GENERATED));
        }
      }
    }
  }

  /** Klout's entity labels: names of entities that belong to a topic, as evidence for it. */
  public static Alias entityForm(String entityName) {
    boolean multi = entityName.strip().contains(" ");
    return new Alias(entityName.strip(), Alias.Kind.WORDS, false, multi ? ENTITY_PRIOR_MULTI : ENTITY_PRIOR_SINGLE,
        Alias.Origin.ENTITY);
  }

  private static boolean isCapitalisedWords(List<String> words) {
    for (String w : words) {
      if (w.isEmpty() || !Character.isUpperCase(w.charAt(0)) || !w.chars().allMatch(c -> Character.isLetter(c)
          || c == '.' || c == '\'' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** An article is a plausible meaning of a topic name when their words agree (digits too). */
  static boolean related(String title, String name) {
    String base = Names.titleBase(title);
    if (!Names.digits(base).equals(Names.digits(name))) {
      return false;
    }
    String cb = Names.compact(base);
    String cn = Names.compact(name);
    if (cb.isEmpty() || cn.isEmpty()) {
      return false;
    }
    if (cb.equals(cn) || cb.startsWith(cn) && cn.length() >= 4 || cn.startsWith(cb) && cb.length() >= 4) {
      return true;
    }
    List<String> nameWords = significant(Names.words(name));
    List<String> titleWords = Names.words(base);
    if (nameWords.isEmpty()) {
      return false;
    }
    for (String w : nameWords) {
      if (titleWords.stream().noneMatch(tw -> Names.wordMatches(w, tw) || Names.wordMatches(tw, w))) {
        return false;
      }
    }
    return true;
  }

  /** Whether an anchor text reads as a name of the article / topic (not "click here" or "flee to Los Angeles"). */
  static boolean plausible(String form, String titleBase, String name) {
    List<String> formWords = Names.words(form);
    if (formWords.isEmpty() || formWords.size() > MAX_FORM_WORDS) {
      return false;
    }
    String lower = form.toLowerCase(Locale.ROOT);
    if (lower.contains("wiki") || lower.contains("http") || lower.contains("www")) {
      return false;
    }
    List<String> known = new ArrayList<>(Names.words(titleBase));
    known.addAll(Names.words(name));
    String compact = Names.compact(form);
    if (compact.equals(Names.compact(titleBase)) || compact.equals(Names.compact(name))) {
      return true;
    }
    if (formWords.size() == 1 && (Names.isInitialsOf(compact, Names.words(titleBase))
        || Names.isInitialsOf(compact, Names.words(name)))) {
      return true;
    }
    List<String> significant = significant(formWords);
    if (significant.isEmpty()) {
      return false;
    }
    for (String w : significant) {
      boolean digits = w.chars().allMatch(Character::isDigit);
      if (known.stream().noneMatch(k -> digits ? k.equals(w) : Names.wordMatches(w, k))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> significant(List<String> words) {
    return words.stream().filter(w -> !Names.STOP.contains(w)).toList();
  }

  /**
   * The anchor text as a form, or null when it is not a clean name. Variants with trailing punctuation ("Lakers.",
   * "Eddie'") are dropped, not repaired: each is a rare anchor whose prior (often 1.0 from a single link) would
   * overwrite the real form's.
   */
  static String cleanForm(String mention) {
    String s = mention.strip().replaceAll("\\s+", " ");
    if (s.isEmpty() || s.startsWith("#") || s.startsWith("@") || s.startsWith("~") || !Names.looksLikeAName(s)) {
      return null;
    }
    char last = s.charAt(s.length() - 1);
    boolean abbreviationDot = last == '.' && s.length() >= 2 && Character.isUpperCase(s.charAt(s.length() - 2));
    if (!Character.isLetterOrDigit(last) && !abbreviationDot && last != '!' && last != '+') {
      return null;
    }
    if (s.endsWith("'s") || s.endsWith("\u2019s")) {
      return null;
    }
    return s;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static double round(double d) {
    return Math.round(d * 1000.0) / 1000.0;
  }
}
