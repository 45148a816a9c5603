package org.alkit.cli;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits alkit's jars into the JVM's module path and class path, the way the {@code alkit}
 * launcher starts them: every alkit module (a module named {@code org.alkit.*}) goes on the module
 * path, and with it every module those modules {@code requires}, transitively through the
 * requirements of explicit modules (static ones too when present, so {@code @API} annotations
 * stay readable). Everything else goes on the class path: the libraries that only automatic
 * modules use (an automatic module reads the class path), and jars that are no valid module, such
 * as DJL's native-library jar, whose module name is not a Java identifier.
 *
 * <p>The launcher runs this once per build and caches the answer beside it:
 *
 * <pre>
 * java -cp al-cli.jar org.alkit.cli.LaunchPaths al-cli.jar lib/*.jar
 * </pre>
 *
 * prints the module path on the first line and the class path on the second, each in the order
 * of the arguments. A new alkit module or library needs no change here.
 */
public final class LaunchPaths {
  /** The prefix of alkit's module names; those modules are the roots of the module path. */
  static final String ALKIT = "org.alkit.";

  /** The module path and the class path, each in the order of the entries given. */
  record Split(List<Path> modulePath, List<Path> classPath) {}

  private LaunchPaths() {}

  /** Prints the module path, then the class path, of the jars or class folders given. */
  public static void main(String[] args) {
    Split split = split(List.of(args).stream().map(Path::of).toList());
    System.out.println(join(split.modulePath()));
    System.out.println(join(split.classPath()));
  }

  /** The split of {@code entries} (jars or class folders). */
  static Split split(List<Path> entries) {
    Map<String, Path> byModule = new HashMap<>();
    Map<String, ModuleDescriptor> descriptors = new HashMap<>();
    for (Path entry : entries) {
      descriptor(entry).ifPresent(d -> {
        if (byModule.putIfAbsent(d.name(), entry) == null) {
          descriptors.put(d.name(), d);
        }
      });
    }
    Set<String> modules = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    descriptors.keySet().stream().filter(n -> n.startsWith(ALKIT)).sorted().forEach(todo::add);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (modules.add(name)) {
        for (ModuleDescriptor.Requires r : descriptors.get(name).requires()) {
          if (descriptors.containsKey(r.name())) {
            todo.add(r.name());
          }
        }
      }
    }
    Set<Path> onModulePath = modules.stream().map(byModule::get).collect(Collectors.toSet());
    List<Path> modulePath = new ArrayList<>();
    List<Path> classPath = new ArrayList<>();
    for (Path entry : entries) {
      (onModulePath.contains(entry) ? modulePath : classPath).add(entry);
    }
    return new Split(List.copyOf(modulePath), List.copyOf(classPath));
  }

  /**
   * The module {@code entry} holds, if it is one: a jar (explicit or automatic module) or a class
   * folder with a {@code module-info.class}; none for a jar whose derived module name or
   * descriptor is invalid.
   */
  private static Optional<ModuleDescriptor> descriptor(Path entry) {
    if (Files.isDirectory(entry) && !Files.isRegularFile(entry.resolve("module-info.class"))) {
      return Optional.empty();
    }
    try {
      Set<ModuleReference> found = ModuleFinder.of(entry).findAll();
      return found.size() == 1 ? Optional.of(found.iterator().next().descriptor()) : Optional.empty();
    } catch (FindException notAModule) {
      return Optional.empty(); // a class-path jar, e.g. one whose file name gives no valid module name
    }
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
