package org.alkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alkit.api.InvalidInputException;
import org.alkit.api.UnknownNameException;

/**
 * What the commands check of their flags themselves: an output file, a name looked up under its
 * flag, repeated {@code key=value} pairs. Input files are read and checked in the runtime
 * ({@link org.alkit.runtime.NpyInputs}, {@link org.alkit.runtime.SelectionRequest}).
 */
final class Inputs {
  private Inputs() {}

  /**
   * Checks an output file before the work starts: not one of the inputs, its folder exists, and
   * it is not a folder itself.
   */
  static void requireOutput(String flag, Path out, Map<String, Path> inputs) {
    if (out == null) {
      return;
    }
    for (Map.Entry<String, Path> in : inputs.entrySet()) {
      if (in.getValue() != null && sameFile(out, in.getValue())) {
        throw new InvalidInputException(flag + " " + out + " is the " + in.getKey()
            + " input; expected a new file (it would be overwritten)");
      }
    }
    if (Files.isDirectory(out)) {
      throw new InvalidInputException(flag + " " + out + " is a folder; expected a file name");
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new InvalidInputException(flag + " " + out + ": " + parent + (Files.exists(parent) ? " is a file"
          : " does not exist") + "; expected an existing folder");
    }
    if (Files.exists(out) ? !Files.isWritable(out) : parent != null && !Files.isWritable(parent)) {
      throw new InvalidInputException(flag + " " + out + " cannot be written; expected a writable file");
    }
    if (!Files.exists(out)) {
      probe(flag, out);
    }
  }

  /**
   * Creates {@code out} and deletes it again: a folder that looks writable may still refuse a new
   * file (e.g. {@code /proc}), and the work before the output is written should not be lost to it.
   */
  private static void probe(String flag, Path out) {
    try {
      Files.delete(Files.createFile(out));
    } catch (IOException e) {
      throw new InvalidInputException(flag + " " + out + " cannot be created (" + Alkit.reason(e)
          + "); expected a new file in a writable folder", e);
    }
  }

  /**
   * Checks a folder flag before the work starts: {@code dir} is absent or a folder, never a file.
   *
   * @param expected what the flag takes, e.g. {@code a new folder}
   */
  static void requireFolder(String flag, Path dir, String expected) {
    if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException(flag + " " + dir + " is a file; expected " + expected);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
          : a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A name looked up in a registry, its error prefixed with the flag that gave it. */
  static <T> T named(String flag, Read<T> lookup) {
    try {
      return lookup.read();
    } catch (UnknownNameException e) {
      throw new InvalidInputException(flag + ": " + e.getMessage(), e);
    }
  }

  /** "1 class", "3 classes". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** Parses the repeated {@code flag key=value} pairs (e.g. {@code --set}); a key given twice is an error. */
  static Map<String, String> keyValues(String flag, List<String> pairs) {
    Map<String, String> out = new TreeMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(flag + " '" + pair + "': expected key=value");
      }
      String key = pair.substring(0, eq).trim();
      if (out.put(key, pair.substring(eq + 1).trim()) != null) {
        throw new InvalidInputException(flag + " " + key + " is given twice; expected each key once");
      }
    }
    return out;
  }

  /** Something that looks a name up and may refuse it. */
  interface Read<T> {
    T read();
  }
}
