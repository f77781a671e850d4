package io.plusk.jobs.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a piece of code writes to standard error (the CLI's failure messages) or standard output. */
public final class ConsoleCapture {
  private ConsoleCapture() {}

  public static String stderrOf(Runnable r) {
    return captured(r, false);
  }

  public static String stdoutOf(Runnable r) {
    return captured(r, true);
  }

  private static String captured(Runnable r, boolean stdout) {
    PrintStream old = stdout ? System.out : System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
    if (stdout) {
      System.setOut(capture);
    } else {
      System.setErr(capture);
    }
    try {
      r.run();
    } finally {
      if (stdout) {
        System.setOut(old);
      } else {
        System.setErr(old);
      }
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
