package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the platform tells its clients to honour about content they hold: a deleted post, a user's location to
 * forget up to a post, a post or a user withheld in some countries. {@code ts} is when the platform says it
 * happened, where the notice says (v1.1 stream notices often do not).
 *
 * @param notice one of {@link #KINDS}
 * @param postId the deleted or withheld post; null for {@code scrub_geo} and {@code user_withheld}
 * @param userId the post's author or the user concerned; null where the notice does not say (compliance files)
 * @param upToPostId {@code scrub_geo}: the newest post whose location is to be forgotten
 * @param countries {@code *_withheld}: ISO-3166 alpha-2 codes, upper case; empty otherwise
 */
public record ComplianceNotice(String notice, String postId, String userId, String upToPostId,
                               List<String> countries, Instant ts) implements Serializable {
  public static final String STATUS_DELETION = "status_deletion";
  public static final String SCRUB_GEO = "scrub_geo";
  public static final String STATUS_WITHHELD = "status_withheld";
  public static final String USER_WITHHELD = "user_withheld";
  public static final Set<String> KINDS = Set.of(STATUS_DELETION, SCRUB_GEO, STATUS_WITHHELD, USER_WITHHELD);

  public ComplianceNotice {
    countries = List.copyOf(countries);
  }
}
