package dev.keycard.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvel2.UnresolveablePropertyException;
import org.mvel2.integration.VariableResolver;
import org.mvel2.integration.VariableResolverFactory;

/**
 * Layer 6: the only variables a rule's MVEL can resolve — the container {@code c}, the for_each
 * element {@code item}, and the rule's constant slots {@code __k<n>} bound by the checker — all
 * read-only: MVEL cannot create or assign a variable through it. One instance per evaluation; the
 * slots' resolvers are built once per compiled program and shared.
 */
final class Slots implements VariableResolverFactory {
  private static final long serialVersionUID = 1L;

  /** A resolver whose value never changes. */
  static final class Fixed implements VariableResolver {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient Object value;

    Fixed(String name, Object value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    @SuppressWarnings("rawtypes") // MVEL's interface is raw
    public Class getType() {
      return Object.class;
    }

    @Override
    @SuppressWarnings("rawtypes") // MVEL's interface is raw
    public void setStaticType(Class type) {
      // the type of a read-only value never changes
    }

    @Override
    public int getFlags() {
      return 0;
    }

    @Override
    public Object getValue() {
      return value;
    }

    @Override
    public void setValue(Object value) {
      throw new UnsupportedOperationException("rules cannot assign: " + name);
    }
  }

  /** The constant slots of one program, by MVEL name. */
  static Map<String, VariableResolver> constants(List<Object> values) {
    Map<String, VariableResolver> out = new HashMap<>(values.size() * 2 + 1);
    for (int i = 0; i < values.size(); i++) {
      String name = Emitter.SLOT + i;
      out.put(name, new Fixed(name, values.get(i)));
    }
    return Map.copyOf(out);
  }

  private final transient Map<String, VariableResolver> constants;
  private final Fixed container;
  private final Fixed item;

  Slots(Map<String, VariableResolver> constants, Object container, Object item) {
    this.constants = constants;
    this.container = new Fixed(Parser.INPUT, container);
    this.item = new Fixed(Parser.ITEM, item);
  }

  @Override
  public VariableResolver getVariableResolver(String name) {
    if (Parser.INPUT.equals(name)) {
      return container;
    }
    if (Parser.ITEM.equals(name)) {
      return item;
    }
    VariableResolver r = constants.get(name);
    if (r == null) {
      throw new UnresolveablePropertyException("unable to resolve variable '" + name + "'");
    }
    return r;
  }

  @Override
  public boolean isTarget(String name) {
    return isResolveable(name);
  }

  @Override
  public boolean isResolveable(String name) {
    return Parser.INPUT.equals(name) || Parser.ITEM.equals(name) || constants.containsKey(name);
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

  @Override
  public VariableResolver setIndexedVariableResolver(int index, VariableResolver resolver) {
    throw new UnsupportedOperationException("rules cannot assign");
  }

  @Override
  public VariableResolverFactory getNextFactory() {
    return null;
  }

  @Override
  public VariableResolverFactory setNextFactory(VariableResolverFactory next) {
    throw new UnsupportedOperationException("the rule's variables are closed");
  }

  @Override
  public VariableResolver getIndexedVariableResolver(int index) {
    throw new UnsupportedOperationException("no indexed variables");
  }

  @Override
  public Set<String> getKnownVariables() {
    return Set.of(Parser.INPUT, Parser.ITEM);
  }

  @Override
  public int variableIndexOf(String name) {
    return -1;
  }

  @Override
  public boolean isIndexedFactory() {
    return false;
  }

  @Override
  public boolean tiltFlag() {
    return false;
  }

  @Override
  public void setTiltFlag(boolean tilt) {
    // rules have no return statements; nothing tilts
  }
}
