package dev.keycard.model;

/**
 * A volume of a Kubernetes pod that its containers can see, mounted or not: {@code name} as the
 * pod spec names it, {@code type} the volume source key as written ({@code hostPath}, {@code
 * emptyDir}, {@code nfs}, {@code configMap}, {@code persistentVolumeClaim}, ...; null when the
 * volume names none) and {@code source} the host path of a {@code hostPath} volume (null for every
 * other type). A mounted {@code hostPath} volume is also one of the container's {@link
 * Container#mounts()}, as a bind mount.
 */
public record Volume(String name, String type, String source) {

  /** The {@code type} of a volume that mounts a host path. */
  public static final String HOST_PATH = "hostPath";
}
