/**
 * The SnakeYAML plumbing every YAML format shares, format-neutral: YAML 1.2 core-schema scalar
 * values ({@link dev.keycard.input.yaml.YamlScalars}), SnakeYAML's code point marks as UTF-16
 * offsets ({@link dev.keycard.input.yaml.YamlOffsets}), bounded load settings ({@link
 * dev.keycard.input.yaml.YamlSettings}), a composer that stops at the nesting limit ({@link
 * dev.keycard.input.yaml.DepthLimitedComposer}), the {@code max-yaml-nodes} count ({@link
 * dev.keycard.input.yaml.YamlNodeLimit}) and SnakeYAML's errors as one positioned diagnostic
 * ({@link dev.keycard.input.yaml.YamlErrors}). Each format keeps its own syntax tree: what a
 * format reads from a node (compose's merge keys, Kubernetes' plain-scalar booleans) is its own.
 */
package dev.keycard.input.yaml;
