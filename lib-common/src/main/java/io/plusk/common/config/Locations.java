package io.plusk.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where plusk may read and write. Every location from the command line or the config is normalised (local paths
 * made absolute, {@code .} and {@code ..} resolved, URIs included) and, when {@code plusk.security.allowed-roots}
 * is set, must lie under one of those roots. Credentials never travel in a location: a URI with user info or a
 * query string is refused, so a secret can reach neither the logs nor the run summaries; object-store credentials
 * come from the environment or a Hadoop credential provider.
 */
public final class Locations {
  /** A location that is malformed, carries credentials or lies outside the allowed roots: a usage error. */
  public static final class RefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  private static final String SCHEME = "^[a-zA-Z][a-zA-Z0-9+.-]*:.*";

  private final List<String> allowedRoots;

  public Locations(List<String> allowedRoots) {
    this.allowedRoots = allowedRoots.stream().map(r -> normalize(r, "plusk.security.allowed-roots")).toList();
  }

  /** The normalised location, checked against the allowed roots; {@code what} names it in error messages. */
  public String resolve(String location, String what) {
    String normalized = normalize(location, what);
    if (allowedRoots.isEmpty() || normalized.startsWith("classpath:")) {
      return normalized;
    }
    for (String root : allowedRoots) {
      String withSlash = root.endsWith("/") ? root : root + "/";
      if (normalized.equals(root) || normalized.startsWith(withSlash)) {
        return normalized;
      }
    }
    throw new RefusedException(String.format("%s %s is outside the allowed roots %s (plusk.security.allowed-roots)",
        what, normalized, allowedRoots));
  }

  static String normalize(String location, String what) {
    if (location == null || location.isBlank()) {
      throw new RefusedException(what + " is empty");
    }
    if (location.startsWith("classpath:")) {
      return location;
    }
    if (!location.matches(SCHEME) || location.matches("^[a-zA-Z]:\\\\.*")) {
      return Path.of(location).toAbsolutePath().normalize().toString();
    }
    URI uri;
    try {
      uri = new URI(location).normalize();
    } catch (URISyntaxException e) {
      throw new RefusedException(String.format("%s is not a valid location: %s", what, e.getReason()));
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
      throw new RefusedException(String.format("%s must not carry credentials or parameters (%s://%s...): give "
          + "object-store credentials through the environment (e.g. AWS_ACCESS_KEY_ID) or a Hadoop credential "
          + "provider (hadoop.security.credential.provider.path)", what, uri.getScheme(), uri.getHost()));
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.startsWith("/..")) {
      throw new RefusedException(String.format("%s climbs above the root of %s://%s", what, uri.getScheme(),
          uri.getAuthority()));
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return uri.getScheme() + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority()) + path;
  }
}
