package io.plusk.jobs.cli;

/**
 * What the person typed cannot be run (a bad value, an unknown topic, an unpublished date, a query that is no query
 * or reads outside the warehouse): exit code 2, the message naming the option and what it accepts. Runtime
 * failures stay exceptions of their own kind and exit 1.
 */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }

  public UsageError(String message, Throwable cause) {
    super(message, cause);
  }

  static UsageError of(String format, Object... args) {
    return new UsageError(String.format(format, args));
  }

  /** The topic an option names, or the usage error that lists the closest ones ({@code topics find}'s ranking). */
  static io.plusk.common.ontology.Topic requireTopic(io.plusk.common.ontology.Ontology ontology, String option,
                                                     String text) {
    return ontology.resolve(text).orElseThrow(() -> of("%s '%s' is no topic (slug, id or display name). Closest: %s",
        option, text, ontology.closest(text, 5).stream().map(t -> t.slug() + " (" + t.name() + ")").toList()));
  }
}
