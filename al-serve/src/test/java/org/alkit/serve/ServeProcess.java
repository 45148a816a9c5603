package org.alkit.serve;

import java.nio.file.Path;
import java.util.Optional;
import org.alkit.runtime.LabelingService;

/**
 * The service in a process of its own, for the tests that kill it: prints the lines
 * {@code alkit serve} prints ({@code alkit serve: URL}, then {@code admin token: …} at the first
 * start), with the admin token of {@code ALKIT_ADMIN_TOKEN} when set, then serves until killed.
 * Arguments: DATA_DIR [JDBC_URL USER PASSWORD].
 */
public final class ServeProcess {
  private ServeProcess() {}

  public static void main(String[] args) throws InterruptedException {
    LabelingService.Running running = new ServeService().start(new LabelingService.Settings(Path.of(args[0]), 0,
        argument(args, 1), argument(args, 2), argument(args, 3),
        Optional.ofNullable(System.getenv("ALKIT_ADMIN_TOKEN"))));
    System.out.println("alkit serve: " + running.url());
    running.newAdminToken().ifPresent(t -> System.out.println("admin token: " + t));
    System.out.flush();
    Thread.currentThread().join();
  }

  private static Optional<String> argument(String[] args, int k) {
    return args.length > k ? Optional.of(args[k]) : Optional.empty();
  }
}
