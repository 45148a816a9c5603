package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's split of jars into module path and class path: alkit's modules and what they
 * require (through explicit modules, static requirements included) on the module path, in the
 * order given; libraries only automatic modules use, jars that are no valid module and class
 * folders without a module descriptor on the class path.
 */
class LaunchPathsTest {
  @TempDir
  Path dir;

  private Path jars() throws IOException {
    return Files.createDirectories(dir.resolve("jars"));
  }

  /** A jar of the explicit module {@code name} with a class in package {@code name}, requiring {@code requires}. */
  private Path module(String file, String name, String requires) throws IOException {
    Path src = dir.resolve(file + "-src");
    Path pkg = src.resolve(name.replace('.', '/'));
    Files.createDirectories(pkg);
    Files.writeString(src.resolve("module-info.java"), "module " + name + " { " + requires + " exports " + name + "; }");
    Files.writeString(pkg.resolve("A.java"), "package " + name + "; public class A {}");
    Path classes = dir.resolve(file + "-classes");
    assertThat(ToolProvider.findFirst("javac").orElseThrow().run(System.out, System.err, "-d", classes.toString(),
        "--module-path", jars().toString(), src.resolve("module-info.java").toString(), pkg.resolve("A.java").toString()))
        .isZero();
    Path jar = jars().resolve(file + ".jar");
    assertThat(ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err, "--create", "--file",
        jar.toString(), "-C", classes.toString(), ".")).isZero();
    return jar;
  }

  /** A jar with no descriptor, whose manifest names {@code automaticName} (if not null). */
  private Path plain(String file, String automaticName) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (automaticName != null) {
      manifest.getMainAttributes().putValue("Automatic-Module-Name", automaticName);
    }
    Path jar = jars().resolve(file);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void alkitsModulesAndWhatTheyRequireGoOnTheModulePathTheRestOnTheClassPath() throws IOException {
    Path annotations = module("annotations-1.0", "lib.annotations", "");
    Path core = module("core-2.0", "lib.core", "");
    Path json = module("json-2.0", "lib.json", "requires lib.core;");
    Path unused = module("unused-1.0", "lib.unused", "");
    Path automatic = plain("automatic-3.0.jar", "lib.automatic");
    Path helper = plain("helper-1.0.jar", null);
    Path api = module("al-api-0.1", "org.alkit.api", "requires static lib.annotations;");
    Path runtime = module("al-runtime-0.1", "org.alkit.runtime", "requires org.alkit.api; requires lib.json;"
        + " requires lib.automatic;");
    // last: javac refuses a module path that holds it
    Path invalid = plain("native-cpu-2.7.1-linux-x86_64.jar", "lib.native_cpu_linux-x86_64");
    Path classFolder = Files.createDirectories(dir.resolve("test-classes/org/example")).getParent().getParent();

    LaunchPaths.Split split = LaunchPaths.split(List.of(helper, runtime, invalid, json, automatic, unused, core,
        classFolder, api, annotations));

    assertThat(split.modulePath()).containsExactly(runtime, json, automatic, core, api, annotations);
    assertThat(split.classPath()).containsExactly(helper, invalid, unused, classFolder);
  }

  @Test
  void aClassFolderWithADescriptorIsAModule() throws IOException {
    module("al-cli-0.1", "org.alkit.cli", "");
    Path classes = dir.resolve("al-cli-0.1-classes");
    assertThat(LaunchPaths.split(List.of(classes)).modulePath()).containsExactly(classes);
  }
}
