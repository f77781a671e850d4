package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;

/**
 * A row of the optional users snapshot. {@code country} is ISO-3166 alpha-2 upper case, or null; {@code updatedAt}
 * (optional {@code updated_at}) says which of several profiles of one user is the newest.
 */
public record UserProfile(String userId, String screenName, String country, String lang, Long followers,
                          Instant updatedAt) implements Serializable {}
