package io.plusk.common.ingest;

import java.io.Serializable;

/** A row of the optional users snapshot. {@code country} is ISO-3166 alpha-2 upper case, or null. */
public record UserProfile(String userId, String screenName, String country, String lang, Long followers)
    implements Serializable {}
