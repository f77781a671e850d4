package io.plusk.common.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The evidence lists of a score (its heaviest posts and terms over the scoring window) carried night to night
 * without keeping every day of the window.
 *
 * <p>Under exponential decay every entry of the window loses the same share each night, so two entries never swap
 * places while both are in the window; an entry leaves no earlier than another one of the same date or older. An
 * entry that at least {@code n} other posts (or, for terms, rows holding at least {@code n} distinct terms) outweigh
 * and outlast can therefore never reach the first {@code n} again, nor can one that a heavier, later entry of the same
 * post (for terms, rows holding all its terms) outweighs and outlasts: the pool drops it. What stays is exactly enough
 * to give the lists of any later night from the pool alone, for each of the half-lives the pool is kept for (a
 * vouched topic decays more slowly). Outweighing is taken with a margin, so that rounding in the decay never makes
 * an entry look dominated when the list's own arithmetic would rank it first.
 */
public final class EvidencePools {
  /** log2 margin (about 1e-9 relative) below which two decayed weights count as tied, and nothing is dropped. */
  private static final double TIE_MARGIN = 1e-9;

  private EvidencePools() {}

  /** One post of one day's evidence: its weight that day (undecayed) and the day, as epoch day. */
  public record PostEntry(String postId, double weight, long day) {}

  /** One day's evidence row: its weight that day, the day (epoch day), and its terms, heaviest first. */
  public record TermsEntry(long day, double weight, List<String> terms) {}

  /** The entries that can still be among the first {@code n} distinct posts of a night from windowStart on. */
  public static List<PostEntry> prunePosts(List<PostEntry> entries, long windowStart, int n, double... halfLives) {
    return listable(entries, windowStart, halfLives, PostEntry::day, PostEntry::weight, x -> {
      Set<String> others = new HashSet<>();
      return y -> {
        // The same post on a later day, heavier: wherever this entry would be listed, that one already is.
        if (y.postId().equals(x.postId())) {
          return true;
        }
        others.add(y.postId());
        return others.size() >= n;
      };
    }, POST_ORDER);
  }

  /** The rows whose terms can still be among the first {@code n} distinct terms of a night from windowStart on. */
  public static List<TermsEntry> pruneTerms(List<TermsEntry> entries, long windowStart, int n, double... halfLives) {
    return listable(entries, windowStart, halfLives, TermsEntry::day, TermsEntry::weight, x -> {
      Set<String> terms = new HashSet<>();
      return y -> {
        terms.addAll(y.terms());
        // The list is full above this row, or every term of it is listed above it already.
        return terms.size() >= n || terms.containsAll(x.terms());
      };
    }, TERMS_ORDER);
  }

  /**
   * The entries of the window that, under at least one half-life, are not covered by the entries that outweigh and
   * outlast them. {@code coverOf} gives, for an entry, a fresh test fed those entries one by one that says when they
   * fill every place above it.
   */
  private static <T> List<T> listable(List<T> entries, long windowStart, double[] halfLives, ToLongFunction<T> day,
                                      ToDoubleFunction<T> weight, Function<T, Predicate<T>> coverOf,
                                      Comparator<T> order) {
    List<T> inWindow = entries.stream().filter(e -> day.applyAsLong(e) >= windowStart).toList();
    List<T> kept = new ArrayList<>();
    for (T x : inWindow) {
      for (double h : halfLives) {
        if (!covered(x, inWindow, h, day, weight, coverOf.apply(x))) {
          kept.add(x);
          break;
        }
      }
    }
    kept.sort(order);
    return kept;
  }

  private static <T> boolean covered(T x, List<T> entries, double h, ToLongFunction<T> day,
                                     ToDoubleFunction<T> weight, Predicate<T> cover) {
    for (T y : entries) {
      if (y != x && day.applyAsLong(y) >= day.applyAsLong(x) && outweighs(weight.applyAsDouble(y),
          day.applyAsLong(y), weight.applyAsDouble(x), day.applyAsLong(x), h) && cover.test(y)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first {@code n} distinct post ids on {@code date}, by decayed weight (then id, descending, as the window's
   * sorted lists break ties).
   */
  public static List<String> topPosts(List<PostEntry> pool, long date, double halfLife, int n) {
    record Decayed(String postId, double weight) {}
    List<Decayed> decayed = new ArrayList<>(pool.size());
    for (PostEntry e : pool) {
      decayed.add(new Decayed(e.postId(), e.weight() * ScoreFormula.decay(date - e.day(), halfLife)));
    }
    decayed.sort(Comparator.comparingDouble(Decayed::weight).thenComparing(Decayed::postId).reversed());
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (Decayed d : decayed) {
      if (ids.size() >= n) {
        break;
      }
      ids.add(d.postId());
    }
    return List.copyOf(ids);
  }

  /** The first {@code n} distinct terms on {@code date}: rows by decayed weight, newest first on a tie. */
  public static List<String> topTerms(List<TermsEntry> pool, long date, double halfLife, int n) {
    record Decayed(double weight, long day, List<String> terms) {}
    List<Decayed> decayed = new ArrayList<>(pool.size());
    for (TermsEntry e : pool) {
      decayed.add(new Decayed(e.weight() * ScoreFormula.decay(date - e.day(), halfLife), e.day(), e.terms()));
    }
    decayed.sort(Comparator.comparingDouble(Decayed::weight).thenComparingLong(Decayed::day).reversed());
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    for (Decayed d : decayed) {
      for (String t : d.terms()) {
        if (terms.size() >= n) {
          return List.copyOf(terms);
        }
        terms.add(t);
      }
    }
    return List.copyOf(terms);
  }

  /**
   * Whether (wy, dy) stays heavier than (wx, dx) on every night both are in the window under half-life h: compared
   * as log2 weight plus day over h, which a night's decay shifts equally for both.
   */
  private static boolean outweighs(double wy, long dy, double wx, long dx, double h) {
    if (!(wy > 0)) {
      return false;
    }
    if (!(wx > 0)) {
      return true;
    }
    double ky = Math.log(wy) / Math.log(2) + dy / h;
    double kx = Math.log(wx) / Math.log(2) + dx / h;
    return ky > kx + TIE_MARGIN;
  }

  // Kept in the order Spark's array_sort gives the same structs (field by field, ascending), so that a pool pruned
  // here and one only cut to the window are stored alike.
  private static final Comparator<PostEntry> POST_ORDER = Comparator.comparing(PostEntry::postId)
      .thenComparingDouble(PostEntry::weight).thenComparingLong(PostEntry::day);
  private static final Comparator<TermsEntry> TERMS_ORDER = Comparator.comparingLong(TermsEntry::day)
      .thenComparingDouble(TermsEntry::weight);
}
