package dev.keycard.engine;

import java.util.Map;
import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.impl.MapVariableResolverFactory;

/** Layer 6: variables a rule can read but never create or assign. */
final class ReadOnlyFactory extends MapVariableResolverFactory {
  private static final long serialVersionUID = 1L;

  ReadOnlyFactory(Map<String, Object> container) {
    this(container, null);
  }

  ReadOnlyFactory(Map<String, Object> container, Object item) {
    super(variables(container, item));
  }

  private static Map<String, Object> variables(Map<String, Object> container, Object item) {
    Map<String, Object> vars = new java.util.HashMap<>(4);
    vars.put(Parser.INPUT, container);
    vars.put(Parser.ITEM, item);
    return vars;
  }

  @Override
  public VariableResolver createVariable(String name, Object value) {
    throw new UnsupportedOperationException("rules cannot assign: " + name);
  }

  @Override
  public VariableResolver createVariable(String name, Object value, Class<?> type) {
    throw new UnsupportedOperationException("rules cannot assign: " + name);
  }

  @Override
  public VariableResolver createIndexedVariable(int index, String name, Object value) {
    throw new UnsupportedOperationException("rules cannot assign: " + name);
  }

  @Override
  public VariableResolver createIndexedVariable(
      int index, String name, Object value, Class<?> type) {
    throw new UnsupportedOperationException("rules cannot assign: " + name);
  }
}
