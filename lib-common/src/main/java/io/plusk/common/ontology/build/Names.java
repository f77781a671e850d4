package io.plusk.common.ontology.build;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Text helpers for comparing names with Wikipedia titles and anchor texts. */
final class Names {
  static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "&", "in", "on", "for", "to", "at", "de",
      "la", "le", "el", "los", "las", "du", "des", "van", "von", "der");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

  private Names() {}

  /** Lower case, accents removed ("Beyoncé" → "beyonce"). */
  static String fold(String s) {
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** Folded words, apostrophes joined ("Macy's" → "macys"). */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : NON_WORD.split(fold(s).replace("'", "").replace("\u2019", ""))) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  static String compact(String s) {
    return String.join("", words(s));
  }

  /** A Wikipedia title as words: underscores to spaces, a trailing "(disambiguator)" dropped. */
  static String titleBase(String title) {
    return PARENTHETICAL.matcher(title.replace('_', ' ')).replaceAll("");
  }

  static String withoutParenthetical(String name) {
    return PARENTHETICAL.matcher(name).replaceAll("").strip();
  }

  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static String digits(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  /** Whether a word of a mention stands for a word of a name: equal, a short form, an inflection or a plural. */
  static boolean wordMatches(String mentionWord, String nameWord) {
    if (mentionWord.equals(nameWord)) {
      return true;
    }
    if (mentionWord.length() >= 4 && nameWord.startsWith(mentionWord)) {
      return true; // "barca" for "barcelona", "juve" for "juventus"
    }
    return nameWord.length() >= 4 && mentionWord.startsWith(nameWord) && mentionWord.length() - nameWord.length() <= 2;
  }

  /** The initials of a name's significant words ("International Business Machines" → "ibm"). */
  static String initials(List<String> nameWords) {
    StringBuilder sb = new StringBuilder();
    for (String w : nameWords) {
      if (!STOP.contains(w)) {
        sb.append(w.charAt(0));
      }
    }
    return sb.toString();
  }

  /** Whether a one-word form is the initials of a name, with or without its small words ("LAL", "NYT", "BoA"). */
  static boolean isInitialsOf(String compactForm, List<String> nameWords) {
    if (compactForm.length() < 2 || nameWords.size() < 2) {
      return false;
    }
    StringBuilder all = new StringBuilder();
    nameWords.forEach(w -> all.append(w.charAt(0)));
    return compactForm.equals(all.toString()) || compactForm.equals(initials(nameWords));
  }

  /** Only Latin letters, digits, spaces and the punctuation names use. */
  static boolean looksLikeAName(String s) {
    if (s.length() < 2 || s.length() > 60) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
          return false;
        }
        letter = true;
      } else if (!(Character.isDigit(c) || c == ' ' || c == '.' || c == '&' || c == '\'' || c == '\u2019'
          || c == '-' || c == '+' || c == '!' || c == '/')) {
        return false;
      }
    }
    return letter;
  }
}
