package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The labeling service ({@code alkit serve}: projects whose oracle is people, over HTTP), found
 * through {@link java.util.ServiceLoader}: al-serve provides it, and the {@code alkit} launcher puts
 * its jars on the class path for {@code serve} alone, so no other command pays for its start-up.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public interface LabelingService {
  /**
   * Opens (or creates and migrates) the database, resumes its projects and starts listening.
   *
   * @throws org.alkit.api.AlException in one line, for a bad setting (a folder that cannot be
   *     written, a database that cannot be reached, a port in use)
   */
  Running start(Settings settings);

  /**
   * How to start: the data folder (the embedded database, {@code .npy} pools), the port (0: any
   * free one), and optionally a JDBC URL with its user and password instead of the embedded
   * database, the admin token to use instead of a new random one (the first start of a fresh
   * database only), and the address to listen on ({@value #LOOPBACK}, this machine only, unless
   * another is given, e.g. {@code 0.0.0.0} for every interface).
   */
  record Settings(Path data, int port, Optional<String> db, Optional<String> dbUser, Optional<String> dbPassword,
      Optional<String> adminToken, String host) {
    /** The default address: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Checks that every part is given. */
    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(db, "db");
      Objects.requireNonNull(dbUser, "dbUser");
      Objects.requireNonNull(dbPassword, "dbPassword");
      Objects.requireNonNull(adminToken, "adminToken");
    }

    /** Settings that listen on {@value #LOOPBACK}. */
    public Settings(Path data, int port, Optional<String> db, Optional<String> dbUser, Optional<String> dbPassword,
        Optional<String> adminToken) {
      this(data, port, db, dbUser, dbPassword, adminToken, LOOPBACK);
    }
  }

  /** A started service; {@link #close()} stops it (the projects' rounds in progress stay in the database). */
  interface Running extends AutoCloseable {
    /** Where it listens, e.g. {@code http://127.0.0.1:8080/}. */
    URI url();

    /** The admin token created at this start: present at the first start of a fresh database alone. */
    Optional<String> newAdminToken();

    @Override
    void close();
  }
}
