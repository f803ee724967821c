package dev.keycard.pipeline;

import dev.keycard.format.kubernetes.KubernetesParser;
import dev.keycard.input.InputParser;
import dev.keycard.input.compose.ComposeParser;
import dev.keycard.input.dockerrun.DockerRunParser;
import dev.keycard.input.engineapi.EngineApiParser;
import dev.keycard.input.InputReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/** Wires the input formats Keycard reads; adding a format means adding its parser here. */
@ApplicationScoped
public class Parsers {
  @Produces
  @ApplicationScoped
  InputReader inputReader() {
    return new InputReader(all());
  }

  /** Every parser, one per format. */
  public static List<InputParser> all() {
    return List.of(new ComposeParser(), new DockerRunParser(), new EngineApiParser(), new KubernetesParser());
  }
}
