package dev.keycard.policy;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a set of rule files, thrown once after all of them were read. */
public final class PolicyException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<PolicyProblem> problems;

  public PolicyException(List<PolicyProblem> problems) {
    super(
        problems.size() + " problem(s) in the rules:\n"
            + problems.stream().map(PolicyProblem::format).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
