package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KC-063@2: a credential inside a URL, whatever the variable holding it is called. */
class UrlCredentialsTest {
  @ParameterizedTest(name = "[{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "slack://token-a/token-b/token-c                     | true",
        "slack://watchtower@token-a/token-b/token-c          | true",
        "discord://token@channel                             | true",
        "telegram://123:abc@telegram?chats=@x                | true",
        "gotify://gotify.example.com/AbCdEf                  | true",
        "smtp://user:pw@mail.example.com:587/?from=a@b       | true",
        "postgres://user:pass@db/x                           | true",
        "postgresql://user:password@planka-db:5432/planka    | true",
        "mysql://root:whalehello@db:3306/mysql               | true",
        "mongodb://root:example@mongo:27017/                 | true",
        "https://user:token@host                             | true",
        "redis://:s3cret@redis:6379/0                        | true",
        "amqp://guest:guest@rabbit                           | true",
        "https://hooks.slack.com/services/T0/B0/XYZ          | true",
        "https://discord.com/api/webhooks/1/abc              | true",
        "https://api.example.com/v1?access_token=abc         | true",
        "https://maps.example.com/?key=AIza                  | true",
        "first=https://a.example.com second=postgres://u:p@db | true",
        "postgres://user@db/x                                | false",
        "postgres://user:@db/x                               | false",
        "postgres://user:${PW}@db/x                          | false",
        "postgres://user:$PW@db/x                            | false",
        "postgres://user:<password>@db/x                     | false",
        "https://example.com/a?page=2&sort=name              | false",
        "https://example.com/path/with@sign                  | false",
        "ssh://git@github.com/org/repo.git                   | false",
        "http://[::1]:8080/                                  | false",
        "slack://                                            | false",
        "https://hooks.slack.com/                            | false",
        "redis://redis:6379/0                                | false",
        "not a url                                           | false",
        "://user:pass@host                                   | false",
        "''                                                  | false",
        "NULL                                                | false",
      })
  void hasUrlCredentials(String value, boolean expected) {
    assertThat(SecretFunctions.hasUrlCredentials(value)).isEqualTo(expected);
  }
}
