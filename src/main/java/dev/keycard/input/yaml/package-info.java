/**
 * The SnakeYAML plumbing every YAML format shares, format-neutral: YAML 1.2 core-schema scalar
 * values ({@link dev.keycard.input.yaml.YamlScalars}) and SnakeYAML's code point marks as UTF-16
 * offsets ({@link dev.keycard.input.yaml.YamlOffsets}). Each format keeps its own syntax tree: what
 * a format reads from a node (compose's merge keys, Kubernetes' plain-scalar booleans) is its own.
 */
package dev.keycard.input.yaml;
