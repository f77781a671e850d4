package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;

/** A +K vouch as it arrived; the rules (limits, self +K, unknown topics) are applied by the score stage. */
public record PlusKEvent(String giverId, String receiverId, String topic, Instant ts) implements Serializable {}
