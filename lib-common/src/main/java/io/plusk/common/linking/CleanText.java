package io.plusk.common.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text made fit for linking: retweet boilerplate, URLs, @handles, emoji and control characters are not
 * evidence and are removed; hashtags are kept as words ({@code #MinnesotaTwins} becomes "Minnesota Twins") so the
 * NLP sees them, and are also returned for hashtag matching.
 */
public record CleanText(String nlpText, List<String> hashtags, List<String> handles) {
  private static final Pattern RT_PREFIX = Pattern.compile("^\\s*RT\\s+@\\w+\\s*:\\s*");
  private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@(\\w{1,30})");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w+)");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])");

  public static CleanText of(String raw) {
    if (raw == null) {
      return new CleanText("", List.of(), List.of());
    }
    String s = RT_PREFIX.matcher(raw).replaceFirst("");
    s = URL.matcher(s).replaceAll(" ");
    s = s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    List<String> handles = new ArrayList<>();
    Matcher hm = HANDLE.matcher(s);
    while (hm.find()) {
      handles.add(hm.group(1));
    }
    s = HANDLE.matcher(s).replaceAll(" ");
    List<String> hashtags = new ArrayList<>();
    Matcher tm = HASHTAG.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (tm.find()) {
      hashtags.add(tm.group(1));
      tm.appendReplacement(sb, Matcher.quoteReplacement(splitCamelCase(tm.group(1))));
    }
    tm.appendTail(sb);
    s = stripSymbols(sb.toString());
    return new CleanText(s.replaceAll("\\s+", " ").strip(), hashtags, handles);
  }

  /** "MinnesotaTwins" → "Minnesota Twins", "NBAFinals2024" → "NBA Finals 2024"; lower-case tags stay whole. */
  public static String splitCamelCase(String tag) {
    return String.join(" ", CAMEL.split(tag.replace('_', ' ')));
  }

  private static String stripSymbols(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean drop = type == Character.OTHER_SYMBOL || type == Character.SURROGATE || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED || (Character.isISOControl(cp))
          || type == Character.NON_SPACING_MARK && cp >= 0xFE00 && cp <= 0xFE0F;
      out.appendCodePoint(drop ? ' ' : cp);
    });
    return out.toString();
  }
}
