package io.plusk.common.scoring;

/**
 * The expertise score, one small pure function per step, so the Spark job and docs/scoring.md describe the same
 * arithmetic. Engagement is log-scaled so one viral post does not outweigh steady engagement.
 */
public final class ScoreFormula {
  private ScoreFormula() {}

  /** Evidence one engaged post gives one of its topics: {@code confidence × (1 + ln(1 + engagement))}. */
  public static double postEvidence(double confidence, double engagement) {
    return confidence * (1.0 + Math.log1p(Math.max(0.0, engagement)));
  }

  /**
   * Evidence with breadth: {@code confidence × (1 + (1 - b)·ln(1 + engagement) + b·ln(1 + engagers))}, where b is
   * the breadth share. Ten people retweeting once weigh more than one person engaging ten times.
   */
  public static double postEvidence(double confidence, double engagement, double engagers, double breadthShare) {
    return confidence * (1.0 + (1.0 - breadthShare) * Math.log1p(Math.max(0.0, engagement))
        + breadthShare * Math.log1p(Math.max(0.0, engagers)));
  }

  /**
   * Weight of one accepted +K: 1 (or the unassigned-topic weight when the receiver has no text evidence for the
   * topic), times {@code 1 + boost × giverScore / 100}, times the ring damping when the pair vouch for each other.
   */
  public static double plusKWeight(boolean receiverListed, double giverScore, boolean mutual,
                                   double unassignedWeight, double giverBoost, double ringDamping) {
    double w = receiverListed ? 1.0 : unassignedWeight;
    w *= 1.0 + giverBoost * Math.max(0.0, Math.min(100.0, giverScore)) / 100.0;
    return mutual ? w * ringDamping : w;
  }

  /** The n-th +K from the same giver to the same receiver and topic counts 1/n: breadth of givers beats repetition. */
  public static double repeatedGiverFactor(int nth) {
    return 1.0 / Math.max(1, nth);
  }

  /** Weight of evidence {@code ageDays} old: {@code 0.5^(age / halfLife)}. */
  public static double decay(double ageDays, double halfLifeDays) {
    if (ageDays <= 0) {
      return 1.0;
    }
    return Math.pow(0.5, ageDays / halfLifeDays);
  }

  /**
   * 0-100 within a topic: {@code 100 × ln(1 + raw) / ln(1 + maxRawInTopic)}, so the strongest user in each topic
   * scores 100 and scores compare across topics of very different sizes.
   */
  public static double normalize(double raw, double maxRawInTopic) {
    if (raw <= 0 || maxRawInTopic <= 0) {
      return 0.0;
    }
    double s = 100.0 * Math.log1p(raw) / Math.log1p(maxRawInTopic);
    return Math.round(Math.min(100.0, s) * 100.0) / 100.0;
  }
}
