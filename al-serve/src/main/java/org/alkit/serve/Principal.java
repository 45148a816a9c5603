package org.alkit.serve;

import java.util.Set;

/**
 * Who calls: the token's name, whether it is an admin's, and the projects an annotator's token may
 * see (an admin sees every project).
 */
public record Principal(String name, boolean admin, Set<String> projects) {
  /** Copies the set. */
  public Principal {
    projects = Set.copyOf(projects);
  }

  /** Whether this caller may see project {@code name}. */
  public boolean sees(String project) {
    return admin || projects.contains(project);
  }
}
