package org.alkit.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * alkit in a real OSGi framework — Apache Felix or Eclipse Equinox, whichever is on the class path
 * (the build runs this test once with each) — with the bundles the build just made, Apache Aries
 * SPI Fly as the ServiceLoader Mediator, and the example plugin. A probe bundle ({@link Probe})
 * plays the application: it lists the strategies through {@code Registry}, runs selections, and
 * keeps its registry while the test uninstalls and reinstalls the plugin.
 */
class OsgiFrameworkIT {
  private static final Path BUNDLES = Path.of(System.getProperty("alkit.osgi.bundles", "target/bundles.txt"));
  private static final String PLUGIN = "com.example.plugin-example";
  private static final String SPI_FLY = "org.apache.aries.spifly.dynamic.framework.extension";
  private static final String PLUGIN_STRATEGY = "example-outlier";

  @TempDir
  Path storage;

  private Framework framework;

  @AfterEach
  void stopFramework() throws Exception {
    if (framework != null) {
      framework.stop();
      framework.waitForStop(30_000);
    }
  }

  @Test
  void theRuntimeListsRunsAndLosesAPluginThroughTheServiceRegistry() throws Exception {
    List<Bundle> bundles = start(bundleJars());
    Function<String, String> probe = probe();
    Probe plainJvm = new Probe();

    assertThat(names(probe.apply("strategies")))
        .contains("margin", "entropy", "coreset", "badge", "similar", PLUGIN_STRATEGY)
        .isEqualTo(names(plainJvm.apply("strategies")));
    assertThat(names(probe.apply("models"))).containsExactly("committee", "logistic", "svm");
    assertThat(names(probe.apply("backends"))).containsExactly("java");
    assertThat(probe.apply("select " + PLUGIN_STRATEGY)).isEqualTo("2");
    assertThat(probe.apply("select margin")).isEqualTo("1").isEqualTo(plainJvm.apply("select margin"));
    assertThat(probe.apply("log-det")).isEqualTo(plainJvm.apply("log-det"));
    assertThat(probe.apply("svm")).isEqualTo(plainJvm.apply("svm"));

    Bundle plugin = bundles.stream().filter(b -> PLUGIN.equals(b.getSymbolicName())).findFirst().orElseThrow();
    plugin.uninstall();
    assertThat(names(probe.apply("strategies"))).doesNotContain(PLUGIN_STRATEGY).contains("margin");
    assertThatThrownBy(() -> probe.apply("select " + PLUGIN_STRATEGY))
        .hasMessageStartingWith("unknown strategy '" + PLUGIN_STRATEGY + "'; known: ");

    Bundle again = framework.getBundleContext().installBundle(jar(PLUGIN).toUri().toString());
    again.start();
    assertThat(names(probe.apply("strategies"))).contains(PLUGIN_STRATEGY);
    assertThat(probe.apply("select " + PLUGIN_STRATEGY)).isEqualTo("2");
  }

  @Test
  void withoutAServiceLoaderRegistrarTheRuntimeSaysWhatToDeployInOneLine() throws Exception {
    start(bundleJars().stream().filter(j -> !symbolicName(j).equals(SPI_FLY)).toList());
    Function<String, String> probe = probe();

    assertThatThrownBy(() -> probe.apply("strategies"))
        .hasMessageContaining("no OSGi ServiceLoader registrar is active")
        .hasMessageContaining(SPI_FLY)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /** Installs {@code jars}, starts the framework, then every bundle; asserts that each resolves. */
  private List<Bundle> start(List<Path> jars) throws Exception {
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
        .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
    framework = factory.newFramework(Map.of(
        Constants.FRAMEWORK_STORAGE, storage.resolve("framework").toString(),
        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    framework.init();
    List<Bundle> bundles = new ArrayList<>();
    for (Path jar : jars) {
      bundles.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
    }
    framework.start();
    List<String> failures = new ArrayList<>();
    for (Bundle b : bundles) {
      if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        b.start();
      } catch (BundleException e) {
        failures.add(b.getSymbolicName() + ": " + e.getMessage());
      }
    }
    assertThat(failures).as("bundles that do not resolve in %s", framework.getSymbolicName()).isEmpty();
    for (Bundle b : bundles) {
      boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
      assertThat(b.getState()).as("state of %s", b.getSymbolicName())
          .isEqualTo(fragment ? Bundle.RESOLVED : Bundle.ACTIVE);
    }
    return bundles;
  }

  /** Every jar of the deployment the build lists: alkit's bundles, their dependencies, SPI Fly and the plugin. */
  private static List<Path> bundleJars() throws IOException {
    String list = Files.readString(BUNDLES).trim();
    List<Path> out = Stream.of(list.split(File.pathSeparator)).map(Path::of).sorted().toList();
    assertThat(out).as("bundles in %s", BUNDLES).isNotEmpty().allMatch(Files::isRegularFile);
    return out;
  }

  private static Path jar(String symbolicName) throws IOException {
    return bundleJars().stream().filter(j -> symbolicName.equals(symbolicName(j))).findFirst().orElseThrow();
  }

  private static String symbolicName(Path jar) {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      String name = file.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
      assertThat(name).as("%s is an OSGi bundle", jar.getFileName()).isNotNull();
      return name.split(";")[0].trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + jar, e);
    }
  }

  /** Installs and starts a bundle holding {@link Probe}, and returns a probe loaded by that bundle. */
  private Function<String, String> probe() throws Exception {
    Path jar = storage.resolve("probe.jar");
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
    main.putValue(Constants.BUNDLE_SYMBOLICNAME, "org.alkit.osgi.probe");
    main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
    main.putValue(Constants.IMPORT_PACKAGE, "org.alkit.api,org.alkit.runtime,org.alkit.submodular");
    String entry = Probe.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest);
        InputStream probeClass = Probe.class.getClassLoader().getResourceAsStream(entry)) {
      jarOut.putNextEntry(new JarEntry(entry));
      probeClass.transferTo(jarOut);
      jarOut.closeEntry();
    }
    Bundle bundle = framework.getBundleContext().installBundle(jar.toUri().toString());
    bundle.start();
    Object probe = bundle.loadClass(Probe.class.getName()).getDeclaredConstructor().newInstance();
    assertThat(probe.getClass().getClassLoader()).isNotSameAs(Probe.class.getClassLoader());
    @SuppressWarnings("unchecked") // Probe implements Function<String, String>
    Function<String, String> function = (Function<String, String>) probe;
    return function;
  }

  private static List<String> names(String commaSeparated) {
    return List.of(commaSeparated.split(","));
  }
}
