package dev.keycard.model;

/**
 * A filesystem mount. {@code type} is {@code bind}, {@code volume}, {@code tmpfs}, {@code npipe},
 * {@code image} or {@code cluster}; an anonymous volume has a null {@code source}. {@code propagation}
 * is null unless given ({@code shared}, {@code rshared}, {@code slave}, {@code rslave},
 * {@code private}, {@code rprivate}).
 */
public record Mount(
    String type, String source, String target, boolean readOnly, String propagation) {

  public static final String BIND = "bind";
  public static final String VOLUME = "volume";
  public static final String TMPFS = "tmpfs";

  public boolean isBind() {
    return BIND.equals(type);
  }
}
