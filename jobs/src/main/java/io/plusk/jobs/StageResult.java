package io.plusk.jobs;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a stage did: named counts (rows read, written, rejected by reason...) and how long it took. */
public final class StageResult {
  private final String stage;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private long millis;

  public StageResult(String stage) {
    this.stage = stage;
  }

  public StageResult count(String name, long value) {
    counts.put(name, value);
    return this;
  }

  public String stage() {
    return stage;
  }

  public Map<String, Long> counts() {
    return counts;
  }

  public long get(String name) {
    Long v = counts.get(name);
    if (v == null) {
      throw new IllegalArgumentException("Stage " + stage + " has no count '" + name + "'; it has " + counts.keySet());
    }
    return v;
  }

  public long millis() {
    return millis;
  }

  void millis(long value) {
    this.millis = value;
  }

  @Override
  public String toString() {
    return stage + " " + counts + " in " + millis + " ms";
  }
}
