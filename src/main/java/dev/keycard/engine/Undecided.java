package dev.keycard.engine;

import dev.keycard.model.Origin;

/**
 * A rule Keycard could not decide for a container (or one element of its for_each list) because
 * a value it reads is unknown: neither a finding nor a pass.
 *
 * @param ruleId the rule
 * @param title the rule's title
 * @param container the container's name
 * @param containerIndex the container's position in the input
 * @param unknownPath the unknown value's path ({@code mounts[0].source}, {@code environment.TOKEN})
 * @param reason one sentence for people
 * @param location where the unknown value is written
 */
public record Undecided(
    String ruleId,
    String title,
    String container,
    int containerIndex,
    String unknownPath,
    String reason,
    Origin location) {}
