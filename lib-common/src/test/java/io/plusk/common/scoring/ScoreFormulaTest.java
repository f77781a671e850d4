package io.plusk.common.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreFormulaTest {
  @Test
  void postEvidenceIsLogScaledInEngagement() {
    assertThat(ScoreFormula.postEvidence(1.0, 0)).isEqualTo(1.0);
    assertThat(ScoreFormula.postEvidence(0.5, Math.E - 1)).isCloseTo(1.0, within(1e-9));
    // One post with 1,000 engagements is worth less than ten posts with 9 each.
    assertThat(ScoreFormula.postEvidence(1.0, 1000)).isLessThan(10 * ScoreFormula.postEvidence(1.0, 9));
  }

  @Test
  void decayHalvesEveryHalfLife() {
    assertThat(ScoreFormula.decay(0, 30)).isEqualTo(1.0);
    assertThat(ScoreFormula.decay(30, 30)).isCloseTo(0.5, within(1e-12));
    assertThat(ScoreFormula.decay(90, 30)).isCloseTo(0.125, within(1e-12));
  }

  @Test
  void normalizeGivesTheTopUserAHundred() {
    assertThat(ScoreFormula.normalize(10, 10)).isEqualTo(100.0);
    assertThat(ScoreFormula.normalize(0, 10)).isEqualTo(0.0);
    assertThat(ScoreFormula.normalize(Math.E - 1, Math.exp(2) - 1)).isEqualTo(50.0);
    assertThat(ScoreFormula.normalize(20, 10)).isEqualTo(100.0);
  }
}
