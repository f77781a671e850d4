package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;

/** One engagement: somebody retweeted, replied to, quoted, mentioned or liked. {@code postId} is null for a bare @mention. */
public record EngagementEvent(String type, String actorId, String postId, String targetUserId, Instant ts)
    implements Serializable {}
