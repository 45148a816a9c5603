package org.alkit.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.alkit.diversity.layerviolation.UsesAnotherStrategy;
import org.alkit.diversity.layerviolation.UsesTheRuntime;
import org.alkit.runtime.layerviolation.UsesAStrategy;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * alkit's layering, read bottom up: api → commons → {strategies, engines} → runtime → eval → cli.
 * Strategies and engines see the API and commons only; no strategy sees an engine or another
 * strategy; the runtime finds engines, models and strategies through ServiceLoader only, so it
 * sees no engine or strategy package; eval builds on the runtime. Checked three ways: ArchUnit on
 * the classes, the modules' descriptors ({@code requires}), and the Maven dependencies of the
 * reactor's poms.
 */
class ArchitectureTest {
  private static final String API = "org.alkit.api";
  private static final String COMMONS = "org.alkit.commons";
  private static final List<String> STRATEGIES = List.of("org.alkit.uncertainty", "org.alkit.diversity",
      "org.alkit.submodular", "org.alkit.bayesian", "org.alkit.vabal", "org.alkit.deep");
  private static final List<String> ENGINES = List.of("org.alkit.backend.java", "org.alkit.gpu");

  /**
   * Known violations, excepted by name in each of the three checks (not frozen): none since VaB-AL
   * trains its VAE through the API's training capability ({@code NetworkTraining}) instead of
   * al-gpu's engine door.
   */
  private static final Map<String, String> KNOWN_VIOLATION = Map.of();

  /**
   * The alkit modules each alkit module may require (its JPMS descriptor) or depend on (its pom,
   * outside test scope), the module graph of the design: strategies and engines on the API and
   * commons, the runtime on the same, eval on the runtime. The CLI, an application, may require
   * any module.
   */
  private static final Map<String, Set<String>> ALLOWED = allowed();

  private static Map<String, Set<String>> allowed() {
    Map<String, Set<String>> m = new TreeMap<>();
    m.put(API, Set.of());
    m.put(COMMONS, Set.of(API));
    for (String module : concat(STRATEGIES, ENGINES)) {
      m.put(module, Set.of(API, COMMONS));
    }
    m.put("org.alkit.runtime", Set.of(API, COMMONS));
    m.put("org.alkit.eval", Set.of(API, COMMONS, "org.alkit.runtime"));
    m.put("org.alkit.testkit", Set.of(API, COMMONS));
    return m;
  }

  /** The layers, one per module: each strategy and each engine alone, so none may use another. */
  private static LayeredArchitecture layers(boolean optional) {
    LayeredArchitecture l = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .withOptionalLayers(optional)
        .ensureAllClassesAreContainedInArchitecture();
    for (String module : concat(List.of(API, COMMONS, "org.alkit.runtime", "org.alkit.eval",
        "org.alkit.testkit", "org.alkit.cli"), concat(STRATEGIES, ENGINES))) {
      l = l.layer(module).definedBy(module + "..");
    }
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      l = e.getValue().isEmpty() ? l.whereLayer(e.getKey()).mayNotAccessAnyLayer()
          : l.whereLayer(e.getKey()).mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
    }
    for (Map.Entry<String, String> e : KNOWN_VIOLATION.entrySet()) {
      l = l.ignoreDependency(resideInAPackage(e.getKey() + ".."), resideInAPackage(e.getValue() + ".."));
    }
    return l;
  }

  /** The layering of the whole code base. */
  static final LayeredArchitecture LAYERS = layers(false);

  @Test
  void classesKeepToTheirLayers() {
    LAYERS.check(AlkitClasses.main());
  }

  @Test
  void theLayeringCatchesAStrategyUsingTheRuntimeOrAnotherStrategyAndTheRuntimeUsingAStrategy() {
    assertThatThrownBy(() -> layers(true).check(new ClassFileImporter().importClasses(UsesTheRuntime.class,
        UsesAnotherStrategy.class, UsesAStrategy.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("<" + UsesTheRuntime.class.getName() + ".registry()> calls method"
            + " <org.alkit.runtime.Registry.load()>")
        .hasMessageContaining("<" + UsesAnotherStrategy.class.getName() + ".other()> references class object"
            + " <org.alkit.submodular.Maximizer>")
        .hasMessageContaining("<" + UsesAStrategy.class.getName() + ".strategy()> references class object"
            + " <org.alkit.submodular.Maximizer>");
    assertThatCode(() -> layers(true).check(new ClassFileImporter().importClasses(Api.class)))
        .doesNotThrowAnyException();
  }

  /** al-eval's packages read bottom up: data sets and scenarios, the matrix that runs on them, reports of its results. */
  @Test
  void evalsPackagesReadDataMatrixReport() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("data").definedBy("org.alkit.eval.data..")
        .layer("matrix").definedBy("org.alkit.eval.matrix..")
        .layer("report").definedBy("org.alkit.eval.report..")
        .whereLayer("data").mayNotAccessAnyLayer()
        .whereLayer("matrix").mayOnlyAccessLayers("data")
        .whereLayer("report").mayOnlyAccessLayers("data", "matrix")
        .check(AlkitClasses.main());
  }

  /** A class of the CLI that uses the API only. */
  private static final class Api {
    @SuppressWarnings("unused")
    private final org.alkit.api.Matrix m = org.alkit.api.Matrix.of(new float[][] {{1}});
  }

  // ------------------------------------------------------------------ module descriptors

  @Test
  void moduleDescriptorsRequireOnlyTheirLayersModules() throws IOException {
    Map<String, ModuleDescriptor> modules = descriptors();
    assertThat(modules.keySet()).as("alkit modules on the test class path")
        .containsAll(ALLOWED.keySet()).contains("org.alkit.cli");
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      for (ModuleDescriptor.Requires r : modules.get(e.getKey()).requires()) {
        String required = r.name();
        if (required.startsWith("org.alkit.") && !e.getValue().contains(required)
            && !required.equals(KNOWN_VIOLATION.get(e.getKey()))) {
          violations.add(e.getKey() + " requires " + required);
        }
      }
    }
    assertThat(violations).as("requires outside the layering").isEmpty();
  }

  @Test
  void onlyEnginesProvideABackendAndTheRuntimeNone() throws IOException {
    Set<String> providers = descriptors().values().stream()
        .filter(d -> d.provides().stream().anyMatch(p -> p.service().equals("org.alkit.api.BackendProvider")))
        .map(ModuleDescriptor::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(providers).containsExactlyInAnyOrderElementsOf(ENGINES);
  }

  /** The descriptor of every alkit module on the class path, by name. */
  private static Map<String, ModuleDescriptor> descriptors() throws IOException {
    Map<String, ModuleDescriptor> out = new TreeMap<>();
    for (URL url : Collections.list(ArchitectureTest.class.getClassLoader().getResources("module-info.class"))) {
      try (InputStream in = url.openStream()) {
        ModuleDescriptor d = ModuleDescriptor.read(in);
        if (d.name().startsWith("org.alkit.")) {
          assertThat(out.put(d.name(), d)).as("module %s once on the class path", d.name()).isNull();
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ Maven dependencies

  /**
   * Engines a module brings at run time (Maven runtime scope) without compiling against them: eval
   * and the testkit ship the {@code java} engine, which they find through ServiceLoader.
   */
  private static final Map<String, Set<String>> SHIPPED =
      Map.of("org.alkit.eval", Set.of("org.alkit.backend.java"), "org.alkit.testkit", Set.of("org.alkit.backend.java"));

  @Test
  void pomsDependOnlyOnTheirLayersModules() throws Exception {
    Path root = Path.of(System.getProperty("alkit.root", "..")).toAbsolutePath().normalize();
    Map<String, String> moduleOfArtifact = new TreeMap<>();
    Map<String, Element> pomOfModule = new TreeMap<>();
    for (String dir : modules(root.resolve("pom.xml"))) {
      Path moduleInfo = root.resolve(dir).resolve("src/main/java/module-info.java");
      if (Files.isRegularFile(moduleInfo)) {
        Matcher m = MODULE.matcher(Files.readString(moduleInfo));
        assertThat(m.find()).as("module declaration in %s", moduleInfo).isTrue();
        Element pom = read(root.resolve(dir).resolve("pom.xml"));
        moduleOfArtifact.put(text(pom, "artifactId"), m.group(1));
        pomOfModule.put(m.group(1), pom);
      }
    }
    assertThat(pomOfModule.keySet()).as("reactor modules").containsAll(ALLOWED.keySet());
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      NodeList dependencies = pomOfModule.get(e.getKey()).getElementsByTagName("dependency");
      for (int i = 0; i < dependencies.getLength(); i++) {
        Element d = (Element) dependencies.item(i);
        String scope = text(d, "scope");
        String target = moduleOfArtifact.get(text(d, "artifactId"));
        if (!"org.alkit".equals(text(d, "groupId")) || "test".equals(scope) || target == null
            || e.getValue().contains(target) || target.equals(KNOWN_VIOLATION.get(e.getKey()))
            || "runtime".equals(scope) && SHIPPED.getOrDefault(e.getKey(), Set.of()).contains(target)) {
          continue;
        }
        violations.add(e.getKey() + " depends on " + text(d, "artifactId") + " (" + target + ", scope "
            + (scope == null ? "compile" : scope) + ")");
      }
    }
    assertThat(violations).as("Maven dependencies outside the layering (test scope aside)").isEmpty();
  }

  private static final Pattern MODULE = Pattern.compile("(?m)^\\s*(?:open\\s+)?module\\s+([\\w.]+)\\s*\\{");

  /** The {@code <module>} entries of the reactor's root pom. */
  private static List<String> modules(Path rootPom) throws Exception {
    NodeList nodes = read(rootPom).getElementsByTagName("module");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    assertThat(out).as("modules of %s", rootPom).isNotEmpty();
    return out;
  }

  private static Element read(Path pom) throws Exception {
    assertThat(pom).isRegularFile();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom))
        .getDocumentElement();
  }

  /** The text of {@code element}'s own child {@code name}, or null. */
  private static String text(Element element, String name) {
    for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
