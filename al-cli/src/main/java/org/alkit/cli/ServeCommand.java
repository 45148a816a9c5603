package org.alkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.alkit.api.AlException;
import org.alkit.runtime.LabelingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit serve}: the labeling service ({@link LabelingService}, from al-serve, whose jars the
 * launcher adds for this command alone). Prints {@code alkit serve: http://HOST:PORT/} once it
 * listens, and {@code admin token: …} at the first start of a fresh database unless
 * {@code ALKIT_ADMIN_TOKEN} gives it; runs until SIGINT or SIGTERM, which stop it cleanly (every
 * acknowledged label is in the database already).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, version = Alkit.VERSION,
    description = "Serve labeling projects over HTTP: people label, the model fits and the strategy selects.")
final class ServeCommand implements Callable<Integer> {
  /** The environment variable that gives the admin token instead of a random one. */
  static final String ADMIN_TOKEN_ENV = "ALKIT_ADMIN_TOKEN";

  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "folder of the embedded database and of .npy pools (created if missing)")
  Path data;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = LabelingService.Settings.LOOPBACK,
      description = "address to listen on: 127.0.0.1, this machine only (default), or 0.0.0.0, every interface,"
          + " for annotators on other machines (put a TLS proxy in front)")
  String host;

  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "a database instead of the embedded one, e.g. jdbc:postgresql://host/alkit")
  String db;

  @Option(names = "--db-user", paramLabel = "U", description = "the database's user")
  String dbUser;

  @Option(names = "--db-password", paramLabel = "P", description = "the database user's password")
  String dbPassword;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new org.alkit.api.InvalidInputException("--port = " + port + "; expected a port in [0, 65535]");
    }
    LabelingService service = ServiceLoader.load(LabelingService.class).findFirst().orElseThrow(() ->
        new AlException("serve: the labeling service (al-serve) is not on the class path; run it through ./alkit,"
            + " which adds al-serve/target/lib (build it: ./mvnw -B install -DskipTests -pl al-serve -am)"));
    PrintWriter out = spec.commandLine().getOut();
    LabelingService.Running running = service.start(new LabelingService.Settings(data, port,
        Optional.ofNullable(db), Optional.ofNullable(dbUser), Optional.ofNullable(dbPassword),
        Optional.ofNullable(System.getenv(ADMIN_TOKEN_ENV)).filter(t -> !t.isBlank()), host));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "alkit-serve-stop"));
    out.println("alkit serve: " + running.url());
    running.newAdminToken().ifPresent(token -> out.println("admin token: " + token));
    out.flush();
    stopped.await();
    return 0;
  }
}
