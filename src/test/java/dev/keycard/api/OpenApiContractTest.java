package dev.keycard.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contract openapi/openapi.yaml is what the service serves at /q/openapi ({@code
 * -Dopenapi.update=true} rewrites the file from the service).
 */
@QuarkusTest
class OpenApiContractTest {
  static final Path COMMITTED = Path.of("openapi/openapi.yaml");

  @Test
  void servedDocument_equalsTheCommittedContract() throws Exception {
    String served =
        given()
            .accept("application/yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
    }
    assertThat(COMMITTED)
        .as("openapi/openapi.yaml is missing; run the test with -Dopenapi.update=true")
        .exists();
    assertThat(served)
        .as(
            "the served OpenAPI differs from openapi/openapi.yaml; review, then"
                + " -Dopenapi.update=true")
        .isEqualTo(Files.readString(COMMITTED, StandardCharsets.UTF_8));
  }

  @Test
  void contract_documentsTheErrorsAndViewsOfEvaluate() throws Exception {
    String doc = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    assertThat(doc)
        .contains("/v1/evaluate:", "/v1/fix:", "/v1/parse:", "/v1/rulesets/check:")
        .contains("Problem:", "application/problem+json", "application/sarif+json")
        .contains("\"413\":", "\"415\":", "\"422\":", "\"404\":");
  }
}
