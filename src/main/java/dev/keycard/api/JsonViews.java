package dev.keycard.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.keycard.remediation.PatchOp;
import java.io.IOException;
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
    mapper.addMixIn(PatchOp.class, PatchOpView.class);
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

  /** RFC 6902 wants {@code value} on add/replace even when it is null, and never on remove. */
  @JsonSerialize(using = PatchOpSerializer.class)
  abstract static class PatchOpView {}

  static final class PatchOpSerializer extends StdSerializer<PatchOp> {
    private static final long serialVersionUID = 1L;

    PatchOpSerializer() {
      super(PatchOp.class);
    }

    @Override
    public void serialize(PatchOp op, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("op", op.op());
      gen.writeStringField("path", op.path());
      if (!op.op().equals("remove")) {
        gen.writeFieldName("value");
        provider.defaultSerializeValue(op.value(), gen);
      }
      gen.writeEndObject();
    }
  }

  abstract static class ContainerView {
    @JsonProperty("location")
    abstract Origin origin();
  }
}
