package io.plusk.jobs.cli;

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
      return published.last();
    }
    if (!published.contains(requested)) {
      throw UsageError.of("--date %s is not published in %s; published dates: %s", requested, wh.root(), published);
    }
    return requested;
  }
}
