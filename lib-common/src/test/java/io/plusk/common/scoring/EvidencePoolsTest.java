package io.plusk.common.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.plusk.common.scoring.EvidencePools.PostEntry;
import io.plusk.common.scoring.EvidencePools.TermsEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EvidencePoolsTest {
  private static final int WINDOW = 30;
  private static final double HALF_LIFE = 10;
  private static final double VOUCHED_HALF_LIFE = 25;

  /**
   * Night after night over 200 nights, the lists from the carried pool are those of every entry of the window, for
   * both half-lives: heavy old posts leave while lighter newer ones take their place, a post comes back on a later
   * day, and weights tie (rounded to one decimal).
   */
  @Test
  void theCarriedPoolGivesTheWindowsOwnListsEveryNight() {
    for (long seed = 1; seed <= 20; seed++) {
      carriedPoolMatchesTheWindow(seed);
    }
  }

  private static void carriedPoolMatchesTheWindow(long seed) {
    Random random = new Random(seed);
    int n = 5;
    List<PostEntry> allPosts = new ArrayList<>();
    List<TermsEntry> allRows = new ArrayList<>();
    List<PostEntry> postPool = List.of();
    List<TermsEntry> termPool = List.of();
    int largestPool = 0;
    for (long day = 0; day < 200; day++) {
      List<PostEntry> tonight = new ArrayList<>();
      int posts = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(8);
      double dayWeight = 0;
      for (int i = 0; i < posts; i++) {
        // Every fifth post is one of a small set that recurs on other days.
        String id = random.nextInt(3) == 0 ? "again-" + random.nextInt(6) : "p" + day + "-" + i;
        double w = Math.round(random.nextDouble() * (random.nextInt(10) == 0 ? 40 : 4) * 10) / 10.0;
        tonight.add(new PostEntry(id, w, day));
        dayWeight += w;
      }
      List<TermsEntry> rows = new ArrayList<>();
      if (posts > 0) {
        List<String> terms = new ArrayList<>();
        for (int t = 0; t < 1 + random.nextInt(4); t++) {
          terms.add("t" + random.nextInt(15));
        }
        rows.add(new TermsEntry(day, dayWeight, terms.stream().distinct().toList()));
      }
      allPosts.addAll(tonight);
      allRows.addAll(rows);
      long windowStart = day - WINDOW + 1;
      postPool = EvidencePools.prunePosts(concat(postPool, tonight), windowStart, n, HALF_LIFE, VOUCHED_HALF_LIFE);
      termPool = EvidencePools.pruneTerms(concat(termPool, rows), windowStart, 2 * n, HALF_LIFE, VOUCHED_HALF_LIFE);
      largestPool = Math.max(largestPool, postPool.size());
      List<PostEntry> windowPosts = allPosts.stream().filter(e -> e.day() >= windowStart).toList();
      List<TermsEntry> windowRows = allRows.stream().filter(e -> e.day() >= windowStart).toList();
      for (double h : new double[] {HALF_LIFE, VOUCHED_HALF_LIFE}) {
        assertThat(EvidencePools.topPosts(postPool, day, h, n))
            .as("posts, seed %d, night %d, half-life %s", seed, day, h)
            .isEqualTo(EvidencePools.topPosts(windowPosts, day, h, n));
        assertThat(EvidencePools.topTerms(termPool, day, h, 2 * n))
            .as("terms, seed %d, night %d, half-life %s", seed, day, h)
            .isEqualTo(EvidencePools.topTerms(windowRows, day, h, 2 * n));
      }
    }
    // The point of the pool: far fewer entries than the window's (about 90 posts in 30 nights here).
    assertThat(largestPool).isLessThan(40);
  }

  @Test
  void anEntryOutweighedByNPostsThatOutlastItIsDropped() {
    List<PostEntry> entries = List.of(new PostEntry("old-light", 1.0, 10), new PostEntry("new-a", 5.0, 12),
        new PostEntry("new-b", 4.0, 12), new PostEntry("old-heavy", 50.0, 10));
    // Two newer, heavier posts outweigh "old-light" for as long as it stays: with n = 2 it can never be listed.
    assertThat(EvidencePools.prunePosts(entries, 0, 2, HALF_LIFE)).extracting(PostEntry::postId)
        .containsExactlyInAnyOrder("new-a", "new-b", "old-heavy");
    // The same-day "old-heavy" outweighs it too (it leaves with it): three lists drop it, four keep every post.
    assertThat(EvidencePools.prunePosts(entries, 0, 3, HALF_LIFE)).hasSize(3);
    assertThat(EvidencePools.prunePosts(entries, 0, 4, HALF_LIFE)).hasSize(4);
    // Out of the window, an entry goes whatever its weight.
    assertThat(EvidencePools.prunePosts(entries, 11, 2, HALF_LIFE)).extracting(PostEntry::postId)
        .containsExactlyInAnyOrder("new-a", "new-b");
  }

  @Test
  void aRowIsDroppedOnlyWhenHeavierNewerRowsHoldEnoughDistinctTerms() {
    List<TermsEntry> rows = List.of(new TermsEntry(12, 9.0, List.of("a", "b")), new TermsEntry(11, 8.0,
        List.of("a", "b")), new TermsEntry(10, 1.0, List.of("c")));
    // Rows above "c" hold only two distinct terms: with three to list, "c" is still needed (day 11's terms are all
    // above it, so it is not). With two, the newest row alone fills the list, and the rows under it go.
    assertThat(EvidencePools.pruneTerms(rows, 0, 3, HALF_LIFE)).extracting(TermsEntry::day)
        .containsExactlyInAnyOrder(12L, 10L);
    assertThat(EvidencePools.pruneTerms(rows, 0, 2, HALF_LIFE)).extracting(TermsEntry::day).containsExactly(12L);
    assertThat(EvidencePools.topTerms(rows, 12, HALF_LIFE, 3)).containsExactly("a", "b", "c");
  }

  @Test
  void anEntryOutweighedAndOutlastedByItsOwnPostOrTermsAddsNothing() {
    // The same post engaged again later with the same weight: the earlier entry can never list anything new.
    List<PostEntry> posts = List.of(new PostEntry("p", 2.0, 10), new PostEntry("p", 2.0, 14),
        new PostEntry("q", 1.0, 12));
    assertThat(EvidencePools.prunePosts(posts, 0, 5, HALF_LIFE)).extracting(PostEntry::day)
        .containsExactlyInAnyOrder(14L, 12L);
    List<TermsEntry> rows = List.of(new TermsEntry(10, 2.0, List.of("a", "b")), new TermsEntry(14, 2.0,
        List.of("b", "a", "c")), new TermsEntry(12, 1.0, List.of("d")));
    assertThat(EvidencePools.pruneTerms(rows, 0, 10, HALF_LIFE)).extracting(TermsEntry::day)
        .containsExactlyInAnyOrder(14L, 12L);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
