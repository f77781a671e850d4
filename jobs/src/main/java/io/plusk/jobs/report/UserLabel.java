package io.plusk.jobs.report;

/**
 * How a person is shown to ops and marketing: {@code @handle}, or {@code user <id>} where the dump never said the
 * handle (API v2 tweets without the user expansion carry only {@code author_id}), never "@null".
 */
public final class UserLabel {
  private UserLabel() {}

  public static String of(String screenName, String userId) {
    return screenName != null && !screenName.isBlank() ? "@" + screenName : "user " + userId;
  }
}
