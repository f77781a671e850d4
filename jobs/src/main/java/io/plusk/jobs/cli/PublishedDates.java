package io.plusk.jobs.cli;

import io.plusk.common.schema.Tables;
import io.plusk.jobs.io.Warehouse;
import java.time.LocalDate;
import java.util.TreeSet;

/** Picks the date a read-only command works on, with a clear error naming the dates that exist. */
final class PublishedDates {
  private PublishedDates() {}

  static LocalDate resolve(Warehouse wh, LocalDate requested) {
    TreeSet<LocalDate> published = wh.publishedDates();
    if (published.isEmpty()) {
      throw new IllegalArgumentException("No published date in warehouse " + wh.root()
          + " (run `plusk nightly` first)");
    }
    if (requested == null) {
      LocalDate latest = published.last();
      // A later date with scores but no publish (a failed run, a stage run alone): say which date is answered.
      LocalDate newer = wh.dates(Tables.TOPIC_EXPERTISE).higher(latest);
      if (newer != null) {
        System.err.printf("note: %s is not published (a run failed or a stage ran alone; `plusk status`); "
            + "answering for %s, the latest published date%n", newer, latest);
      }
      return latest;
    }
    if (!published.contains(requested)) {
      throw UsageError.of("--date %s is not published in %s; published dates: %s", requested, wh.root(), published);
    }
    return requested;
  }
}
