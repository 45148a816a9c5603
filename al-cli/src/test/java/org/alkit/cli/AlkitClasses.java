package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The main classes of every alkit module, as the command line's test class path holds them (the
 * CLI depends on all of them), imported once for the architecture and API-status rules.
 */
final class AlkitClasses {
  /** The root package of every alkit module (one of each module's packages). */
  static final List<String> MODULE_PACKAGES = List.of("org.alkit.api", "org.alkit.commons",
      "org.alkit.backend.java", "org.alkit.uncertainty", "org.alkit.diversity", "org.alkit.submodular",
      "org.alkit.bayesian", "org.alkit.vabal", "org.alkit.deep", "org.alkit.gpu", "org.alkit.runtime", "org.alkit.eval",
      "org.alkit.cli", "org.alkit.testkit");

  private static JavaClasses main;

  private AlkitClasses() {}

  /** Every main (non-test) class under {@code org.alkit}; fails if a module's classes are missing. */
  static synchronized JavaClasses main() {
    if (main == null) {
      JavaClasses imported = new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.alkit");
      assertThat(MODULE_PACKAGES).as("alkit modules with classes on the test class path")
          .allMatch(p -> imported.stream().map(JavaClass::getPackageName)
              .anyMatch(q -> q.equals(p) || q.startsWith(p + ".")));
      main = imported;
    }
    return main;
  }
}
