package io.plusk.common.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * A person asking to be left out of everything plusk publishes ({@code opt_out}), or back in ({@code opt_in}); the
 * latest of a user's events decides.
 */
public record OptOutEvent(String userId, String action, Instant ts) implements Serializable {
  public static final String OPT_OUT = "opt_out";
  public static final String OPT_IN = "opt_in";
  public static final Set<String> ACTIONS = Set.of(OPT_OUT, OPT_IN);
}
