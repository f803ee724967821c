/**
 * The SnakeYAML plumbing every YAML format shares, format-neutral: YAML 1.2 core-schema scalar
 * values ({@link dev.keycard.input.yaml.YamlScalars}), SnakeYAML's code point marks as UTF-16
 * offsets ({@link dev.keycard.input.yaml.YamlOffsets}), bounded load settings ({@link
 * dev.keycard.input.yaml.YamlSettings}), a composer that stops at the nesting limit ({@link
 * dev.keycard.input.yaml.DepthLimitedComposer}), the {@code max-yaml-nodes} count ({@link
 * dev.keycard.input.yaml.YamlNodeLimit}) and SnakeYAML's errors as one positioned diagnostic
 * ({@link dev.keycard.input.yaml.YamlErrors}). Each format keeps its own syntax tree: what a
 * format reads from a node (compose's merge keys, Kubernetes' plain-scalar booleans) is its own;
 * what the trees share is here: the spans of nodes and entries ({@link
 * dev.keycard.input.yaml.YamlSpan}, {@link dev.keycard.input.yaml.YamlEntry}) and the conversion
 * of SnakeYAML's composed nodes under the limits ({@link dev.keycard.input.yaml.YamlTreeBuilder}).
 */
package dev.keycard.input.yaml;
