package io.plusk.common.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content-derived ids: the same event delivered twice gets the same id and is counted once. */
public final class EventIds {
  private EventIds() {}

  /** SHA-1 hex of the parts joined by {@code |}, nulls as empty strings (as Spark's {@code sha1(concat_ws)}). */
  public static String of(Object... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('|');
      }
      sb.append(parts[i] == null ? "" : parts[i].toString());
    }
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
