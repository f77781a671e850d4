package io.plusk.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The plusk version this code was built as (from the build), for run summaries and --version. */
public final class Version {
  private Version() {}

  public static String get() {
    try (InputStream in = Version.class.getClassLoader().getResourceAsStream("plusk/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
