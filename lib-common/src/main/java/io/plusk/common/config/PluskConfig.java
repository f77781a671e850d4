package io.plusk.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resolved plusk configuration: {@code -Dplusk.*} system properties over an optional override file over the
 * defaults in {@code conf/application.conf} (shipped in the jar as {@code plusk/application.conf}).
 * Typed views are plain serializable records so executors never need Typesafe Config.
 */
public final class PluskConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULTS_RESOURCE = "plusk/application.conf";

  private final transient Config config;
  private final String renderedPlusk;

  private PluskConfig(Config config) {
    this.config = config;
    this.renderedPlusk = config.getConfig("plusk").root().render(ConfigRenderOptions.concise());
  }

  public static PluskConfig defaults() {
    return load(null);
  }

  /** @param overrideFile a HOCON file whose keys win over the defaults; null for none */
  public static PluskConfig load(Path overrideFile) {
    Config defaults = ConfigFactory.parseResources(PluskConfig.class.getClassLoader(), DEFAULTS_RESOURCE);
    if (!defaults.hasPath("plusk")) {
      throw new IllegalStateException("Resource " + DEFAULTS_RESOURCE + " is missing from the classpath");
    }
    Config merged = defaults;
    if (overrideFile != null) {
      if (!Files.isRegularFile(overrideFile)) {
        throw new IllegalArgumentException("Config file does not exist: " + overrideFile);
      }
      merged = ConfigFactory.parseFile(overrideFile.toFile()).withFallback(merged);
    }
    return new PluskConfig(ConfigFactory.defaultOverrides().withFallback(merged).resolve());
  }

  /** Returns a copy with the given dotted keys (relative to {@code plusk}) replaced. */
  public PluskConfig with(Map<String, Object> overrides) {
    Config result = config;
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      result = ConfigFactory.parseMap(Map.of("plusk." + e.getKey(), e.getValue())).withFallback(result);
    }
    return new PluskConfig(result.resolve());
  }

  public Config raw() {
    return config;
  }

  public String input() {
    return config.getString("plusk.input");
  }

  public String warehouse() {
    return config.getString("plusk.warehouse");
  }

  /** Where plusk may read and write (plusk.security.allowed-roots; empty means anywhere). */
  public Locations locations() {
    return new Locations(config.getStringList("plusk.security.allowed-roots"));
  }

  public String ontologyLocation() {
    return config.getString("plusk.ontology");
  }

  public String sparkMaster() {
    return config.getString("plusk.spark.master");
  }

  public int shufflePartitions() {
    return config.getInt("plusk.spark.shuffle-partitions");
  }

  public List<String> requiredKinds() {
    return config.getStringList("plusk.ingest.required-kinds");
  }

  public IngestSettings ingest() {
    Config c = config.getConfig("plusk.ingest");
    return new IngestSettings(c.getInt("max-future-skew-hours"), c.getInt("max-text-chars"),
        c.getInt("max-record-chars"), c.getDouble("max-quarantine-share"), c.getInt("gate-min-lines"),
        c.getBoolean("fail-on-unreadable-file"), c.getInt("redelivery-window-days"), c.getBytes("split-size"));
  }

  public EngagedSettings engaged() {
    Config c = config.getConfig("plusk.engaged");
    Map<String, Double> weights = new TreeMap<>();
    for (String type : c.getConfig("weights").root().keySet()) {
      weights.put(type, c.getDouble("weights." + type));
    }
    return new EngagedSettings(c.getInt("lookback-days"), c.getDouble("min-engagement"), weights);
  }

  public LinkingSettings linking() {
    Config c = config.getConfig("plusk.linking");
    return new LinkingSettings(
        c.getString("corenlp.annotators"),
        c.getString("corenlp.ner-model"),
        c.getInt("max-ngram"),
        c.getDouble("prior.hand"),
        c.getDouble("prior.hand-ambiguous"),
        c.getDouble("prior.lower-case-name-factor"),
        c.getDouble("context-weight"),
        c.getDouble("link-threshold"),
        c.getDouble("link-margin"),
        c.getDouble("ner-bonus"),
        c.getDouble("entity-topic-factor"),
        c.getDouble("min-confidence"),
        c.getDouble("rollup-damping"),
        c.getDouble("rollup-min-confidence"),
        c.getBoolean("candidate-scan"),
        c.getBoolean("selective-annotation"),
        c.getInt("annotation-cache-entries"));
  }

  public PlusKSettings plusk() {
    Config c = config.getConfig("plusk.plusk-rules");
    return new PlusKSettings(c.getInt("daily-limit-per-giver"), c.getInt("repeat-window-days"),
        c.getDouble("unassigned-topic-weight"), c.getDouble("giver-score-boost"), c.getDouble("ring-damping"),
        c.getInt("ring-window-days"));
  }

  public LinkFeedbackSettings linkFeedback() {
    Config c = config.getConfig("plusk.link-feedback");
    return new LinkFeedbackSettings(c.getInt("min-removals"), c.getDouble("min-removal-rate"),
        c.getDouble("min-weight"));
  }

  public ScoringSettings scoring() {
    Config c = config.getConfig("plusk.scoring");
    return new ScoringSettings(
        c.getInt("window-days"),
        c.getDouble("half-life-days"),
        c.getDouble("plusk-weight"),
        c.getDouble("min-raw-evidence"),
        c.getInt("evidence-limit"),
        c.getDouble("breadth-share"),
        c.getDouble("plusk-half-life-multiplier"),
        c.getDouble("everyday-topic-weight"),
        c.getLong("rank-slice-rows"));
  }

  /** SHA-256 of the effective {@code plusk} block: two runs with the same hash used the same settings. */
  public String hash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(renderedPlusk.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public record IngestSettings(int maxFutureSkewHours, int maxTextChars, int maxRecordChars,
                               double maxQuarantineShare, int gateMinLines, boolean failOnUnreadableFile,
                               int redeliveryWindowDays, long splitBytes) implements Serializable {
    public IngestSettings {
      if (splitBytes < 1024) {
        throw new IllegalArgumentException(
            String.format("plusk.ingest.split-size must be at least 1K, got %d bytes", splitBytes));
      }
    }
  }

  public record EngagedSettings(int lookbackDays, double minEngagement, Map<String, Double> weights)
      implements Serializable {
    public double weight(String type) {
      return weights.getOrDefault(type, 0.0);
    }
  }

  public record LinkingSettings(
      String annotators,
      String nerModel,
      int maxNgram,
      double handPrior,
      double handAmbiguousPrior,
      double lowerCaseNameFactor,
      double contextWeight,
      double linkThreshold,
      double linkMargin,
      double nerBonus,
      double entityTopicFactor,
      double minConfidence,
      double rollupDamping,
      double rollupMinConfidence,
      boolean candidateScan,
      boolean selectiveAnnotation,
      int annotationCacheEntries)
      implements Serializable {
    /** The same settings with the candidate pre-scan on or off (benchmarks and the scan's own test). */
    public LinkingSettings withCandidateScan(boolean on) {
      return new LinkingSettings(annotators, nerModel, maxNgram, handPrior, handAmbiguousPrior, lowerCaseNameFactor,
          contextWeight, linkThreshold, linkMargin, nerBonus, entityTopicFactor, minConfidence, rollupDamping,
          rollupMinConfidence, on, selectiveAnnotation, annotationCacheEntries);
    }

    /** The same settings with selective annotation on, or every post fully annotated (the reference it must match). */
    public LinkingSettings withSelectiveAnnotation(boolean on) {
      return new LinkingSettings(annotators, nerModel, maxNgram, handPrior, handAmbiguousPrior, lowerCaseNameFactor,
          contextWeight, linkThreshold, linkMargin, nerBonus, entityTopicFactor, minConfidence, rollupDamping,
          rollupMinConfidence, candidateScan, on, annotationCacheEntries);
    }
  }

  public record PlusKSettings(int dailyLimitPerGiver, int repeatWindowDays, double unassignedTopicWeight,
                              double giverScoreBoost, double ringDamping, int ringWindowDays)
      implements Serializable {}

  public record LinkFeedbackSettings(int minRemovals, double minRemovalRate, double minWeight)
      implements Serializable {}

  public record ScoringSettings(
      int windowDays, double halfLifeDays, double plusKWeight, double minRawEvidence, int evidenceLimit,
      double breadthShare, double plusKHalfLifeMultiplier, double everydayTopicWeight, long rankSliceRows)
      implements Serializable {
    public ScoringSettings {
      if (rankSliceRows < 1) {
        throw new IllegalArgumentException(
            String.format("plusk.scoring.rank-slice-rows must be at least 1, got %d", rankSliceRows));
      }
    }
  }
}
