package org.alkit.serve;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.alkit.api.AlException;
import org.alkit.runtime.LabelingService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The service's database: embedded H2 in a file under {@code --data} by default, or the JDBC URL of
 * {@code --db} (PostgreSQL), behind a connection pool, its schema migrated by Flyway
 * ({@code db/migration/V*.sql}, the same statements for both). Every change runs in one
 * transaction ({@link #inTransaction}); a commit returns once the database has it, so what a
 * handler acknowledges after it survives a kill -9 of this process.
 */
final class Database implements AutoCloseable {
  /** The embedded database's file name under {@code --data} (H2 adds {@code .mv.db}). */
  static final String H2_FILE = "alkit";

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Opens the database of {@code settings} and migrates its schema.
   *
   * @throws AlException naming the URL when it cannot be reached or migrated
   */
  static Database open(LabelingService.Settings settings) {
    String url = settings.db().orElseGet(() -> embeddedUrl(settings.data()));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    settings.dbUser().ifPresent(config::setUsername);
    settings.dbPassword().ifPresent(config::setPassword);
    config.setAutoCommit(false);
    config.setMaximumPoolSize(16);
    config.setPoolName("alkit-serve");
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new AlException("--db " + redacted(url) + ": cannot connect (" + Optional.ofNullable(rootCause(e)
          .getMessage()).orElse(e.toString()).lines().findFirst().orElse("") + ")", e);
    }
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new AlException("--db " + redacted(url) + ": the schema cannot be migrated (" + e.getMessage()
          .lines().findFirst().orElse("") + ")", e);
    }
    return new Database(pool);
  }

  /**
   * H2 in {@code data/alkit.mv.db}; {@code WRITE_DELAY=0} writes each commit before the commit
   * returns (H2 otherwise writes committed changes up to half a second later, which a kill -9 loses).
   */
  static String embeddedUrl(Path data) {
    try {
      Files.createDirectories(data);
    } catch (java.io.IOException e) {
      throw new AlException("--data " + data + ": cannot create the folder (" + e.getMessage() + ")", e);
    }
    return "jdbc:h2:file:" + data.toAbsolutePath().resolve(H2_FILE) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
  }

  /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("database: " + e.getMessage(), e);
    }
  }

  private static String redacted(String url) {
    return url.replaceAll("password=[^&;]*", "password=…");
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  @Override
  public void close() {
    pool.close();
  }
}
