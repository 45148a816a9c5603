package org.alkit.deep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The proof that the survey's strategies that train can be written as plugins: this module's
 * classes depend on the JDK, al-api and DJL's API alone (and on apiguardian's annotations, which
 * al-api carries), never on an engine module (al-gpu), alkit's internals (al-commons) or the
 * runtime.
 */
class PluginDependenciesTest {
  @Test
  void theStrategiesDependOnAlApiAndDjlAlone() {
    JavaClasses strategies = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.alkit.deep");
    assertThat(strategies.contain(VaalProvider.class)).isTrue();
    assertThat(strategies.contain(LearningLossProvider.class)).isTrue();
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.alkit.api..", "ai.djl..", "org.apiguardian..", "org.alkit.deep..")
        .because("a strategy that trains depends on al-api and the engine's own API, never on al-gpu or alkit internals")
        .check(strategies);
  }
}
