package dev.keycard.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import dev.keycard.model.Position;
import dev.keycard.model.Span;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How model records look on the wire, kept out of the model itself (it carries no framework
 * annotations): positions as {@code {line, column}}, an origin as {@code {path, start, end}}, a
 * container's own node as {@code location}.
 */
@Singleton
public class JsonViews implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    configure(mapper);
  }

  /** Applies Keycard's wire views to {@code mapper}. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.addMixIn(Position.class, PositionView.class);
    mapper.addMixIn(Origin.class, OriginView.class);
    mapper.addMixIn(Container.class, ContainerView.class);
    return mapper;
  }

  abstract static class PositionView {
    @JsonIgnore
    abstract int offset();
  }

  abstract static class OriginView {
    @JsonUnwrapped
    abstract Span span();
  }

  abstract static class ContainerView {
    @JsonProperty("location")
    abstract Origin origin();
  }
}
