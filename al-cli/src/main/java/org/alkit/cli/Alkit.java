package org.alkit.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import org.alkit.api.AlException;
import org.alkit.runtime.Heap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code alkit} command. Exit codes: 0 success, 2 bad input (one line on stderr, no stack
 * trace unless {@code --verbose}), 1 an internal failure, 3 a regression found by
 * {@code alkit eval --baseline}.
 */
@Command(
    name = "alkit",
    mixinStandardHelpOptions = true,
    version = Alkit.VERSION,
    description = "Active learning for the JVM: pick which unlabeled items to label next.",
    subcommands = {StrategiesCommand.class, SelectCommand.class, MaximizeCommand.class, RunCommand.class,
        EvalCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Alkit implements Runnable {
  /** What {@code --version} prints. */
  static final String VERSION = "alkit 0.1.0";

  /** Exit code for input the user must fix. */
  static final int BAD_INPUT = 2;

  /** Exit code of {@code alkit eval --baseline} when a cell regressed. */
  static final int REGRESSION = 3;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "print stack traces of errors")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    StderrFilter.drainAtExit();
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  static int execute(String[] args, PrintWriter out, PrintWriter err) {
    try (ApplicationContext context = ApplicationContext.builder(Alkit.class, Environment.CLI).start()) {
      CommandLine cmd = new CommandLine(Alkit.class, new MicronautFactory(context));
      cmd.setOut(out);
      cmd.setErr(err);
      cmd.setExecutionExceptionHandler((e, line, parsed) -> report(e, line, verbose(parsed)));
      cmd.setParameterExceptionHandler((e, a) -> {
        err.println(usageError(e));
        err.flush();
        return BAD_INPUT;
      });
      try {
        return cmd.execute(args);
      } catch (OutOfMemoryError e) {
        err.println("alkit: " + Heap.outOfMemory(e));
        err.flush();
        return BAD_INPUT;
      }
    }
  }

  private static boolean verbose(CommandLine.ParseResult parsed) {
    return parsed.hasMatchedOption("--verbose")
        || (parsed.subcommand() != null && verbose(parsed.subcommand()));
  }

  /**
   * One line for a command-line error picocli found: the command, its message, a suggestion for a
   * misspelt option and the help that describes the command.
   */
  static String usageError(CommandLine.ParameterException e) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
    String message = oneLine(e.getMessage());
    if (message.startsWith("Error: ")) {
      message = message.substring("Error: ".length());
    }
    StringBuilder line = new StringBuilder(command).append(": ").append(message);
    List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
    if (!(e instanceof CommandLine.UnmatchedArgumentException) && !unmatched.isEmpty()) {
      // a required option missing because it was misspelt: picocli reports the missing one first
      line.append("; unknown ").append(unmatched.size() == 1 ? "argument " : "arguments ")
          .append(String.join(" ", unmatched));
    }
    List<String> suggestions = e instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions()
        : new CommandLine.UnmatchedArgumentException(e.getCommandLine(), unmatched).getSuggestions();
    if (!suggestions.isEmpty()) {
      line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
    }
    return line.append(" (see '").append(command).append(" --help')").toString();
  }

  /** A message on one line: line breaks and the runs of spaces around them become "; ". */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  /**
   * The error to report: the first {@link AlException} in the cause chain (dependency injection
   * wraps one thrown while a bean is created), else the cause of an {@link UncheckedIOException},
   * else {@code e}.
   */
  private static Throwable userError(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AlException) {
        return t;
      }
    }
    return e instanceof UncheckedIOException ? e.getCause() : e;
  }

  /**
   * Why a file operation failed, in words: the operating system's reason where the exception
   * carries one, else what its type says (a {@link NoSuchFileException} names only the file).
   */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it exists already";
    }
    if (e instanceof AccessDeniedException) {
      return "access denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    return e instanceof FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static int report(Exception e, CommandLine line, boolean verbose) {
    PrintWriter err = line.getErr();
    Throwable cause = userError(e);
    int code;
    if (cause instanceof AlException) {
      err.println("alkit: " + oneLine(cause.getMessage()));
      code = BAD_INPUT;
    } else if (cause instanceof IOException io) {
      err.println("alkit: " + (io instanceof FileSystemException fs && fs.getFile() != null
          ? fs.getFile() + ": " + reason(io) : io.getMessage()));
      code = BAD_INPUT;
    } else {
      err.println("alkit: internal error: " + cause + (verbose ? "" : " (run with --verbose for details)"));
      code = 1;
    }
    if (verbose) {
      cause.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
