package io.plusk.jobs;

/** The input is not fit to publish (a required dump is missing, too much was quarantined): exit code 3. */
public class DataQualityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataQualityException(String message) {
    super(message);
  }
}
