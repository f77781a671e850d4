package io.plusk.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationsTest {
  private final Locations open = new Locations(List.of());
  private final Locations confined = new Locations(List.of("/data/plusk", "hdfs://nn:8020/plusk/"));

  @Test
  void localPathsBecomeAbsoluteAndNormalised() {
    assertThat(open.resolve("a/./b/../c", "--input"))
        .isEqualTo(Path.of("").toAbsolutePath().resolve("a/c").toString());
    assertThat(open.resolve("hdfs://nn:8020/x/./y/../z/", "--warehouse")).isEqualTo("hdfs://nn:8020/x/z");
    assertThat(open.resolve("classpath:plusk/ontology/default", "ontology")).isEqualTo(
        "classpath:plusk/ontology/default");
  }

  @Test
  void locationsOutsideTheAllowedRootsAreRefused() {
    assertThat(confined.resolve("/data/plusk/wh", "--warehouse")).isEqualTo("/data/plusk/wh");
    assertThat(confined.resolve("hdfs://nn:8020/plusk/in/../wh", "--warehouse")).isEqualTo(
        "hdfs://nn:8020/plusk/wh");
    assertThatThrownBy(() -> confined.resolve("/data/plusk/../etc", "--warehouse"))
        .isInstanceOf(Locations.RefusedException.class).hasMessageContaining("/data/etc is outside");
    assertThatThrownBy(() -> confined.resolve("/data/plusk-other", "--input"))
        .hasMessageContaining("outside the allowed roots");
    assertThatThrownBy(() -> confined.resolve("hdfs://other:8020/plusk/wh", "--input"))
        .hasMessageContaining("outside the allowed roots");
    assertThatThrownBy(() -> open.resolve("hdfs://nn/../../etc", "--input")).hasMessageContaining("climbs above");
  }

  @Test
  void credentialsInALocationAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> open.resolve("s3a://AKIAEXAMPLE:s3cr3tvalue@bucket/wh", "--warehouse"))
        .isInstanceOf(Locations.RefusedException.class)
        .hasMessageContaining("credential provider")
        .hasMessageNotContaining("s3cr3tvalue").hasMessageNotContaining("AKIAEXAMPLE");
    assertThatThrownBy(() -> open.resolve("wasbs://c@acct.blob.core.windows.net/x?sig=abc", "--input"))
        .hasMessageNotContaining("sig=abc");
  }
}
