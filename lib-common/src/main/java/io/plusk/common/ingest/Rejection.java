package io.plusk.common.ingest;

/**
 * Why a raw record was quarantined. {@code reason} is a stable snake_case code (docs/reliability.md lists them);
 * {@code detail} is for humans.
 */
public final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public Rejection(String reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }
}
