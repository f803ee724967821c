package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantities as k8s.io/apimachinery's resource.Quantity reads them (its quantity_test.go cases). */
class QuantitiesTest {
  @ParameterizedTest
  @CsvSource({
    "512Mi, 536870912",
    "1G, 1000000000",
    "1Gi, 1073741824",
    "128974848, 128974848",
    "129e6, 129000000",
    "129M, 129000000",
    "123Mi, 128974848",
    "0.5Gi, 536870912",
    "1k, 1000",
    "1Ki, 1024",
    "100m, 1",
    "1.5, 2",
    "2E, 2000000000000000000",
  })
  void bytes(String text, long bytes) {
    assertThat(Quantities.bytes(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"500m, 0.5", "0.5, 0.5", "2, 2.0", "100m, 0.1", "1500m, 1.5", "250000u, 0.25", "1e-1, 0.1"})
  void cpus(String text, double cpus) {
    assertThat(Quantities.cpus(text)).isEqualTo(cpus);
  }

  @ParameterizedTest
  @CsvSource({"500m, 500", "0.25, 250", "1, 1000", "1n, 1"})
  void milli(String text, long milli) {
    assertThat(Quantities.milli(text)).isEqualTo(milli);
  }

  @ParameterizedTest
  @CsvSource({"lots", "1 Gi", "Mi", "1MB", "1gi", "--1", "1..5", "e3", "1e", "''"})
  void notQuantities(String text) {
    assertThat(Quantities.parse(text)).isNull();
  }
}
