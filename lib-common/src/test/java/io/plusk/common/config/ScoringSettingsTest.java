package io.plusk.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringSettingsTest {
  @Test
  void rankSliceRowsDefaultsToAMillionAndCanBeSet() {
    assertThat(PluskConfig.defaults().scoring().rankSliceRows()).isEqualTo(1_000_000L);
    assertThat(PluskConfig.defaults().with(Map.of("scoring.rank-slice-rows", "100000")).scoring().rankSliceRows())
        .isEqualTo(100_000L);
  }

  @Test
  void aSliceOfNoRowsIsRefusedWithTheSettingsName() {
    assertThatThrownBy(() -> PluskConfig.defaults().with(Map.of("scoring.rank-slice-rows", "0")).scoring())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plusk.scoring.rank-slice-rows must be at least 1, got 0");
  }
}
