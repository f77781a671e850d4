package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;

/** A user hiding ({@code remove}) or showing again ({@code restore}) one of their topics. */
public record RemovalEvent(String userId, String topic, String action, Instant ts) implements Serializable {}
