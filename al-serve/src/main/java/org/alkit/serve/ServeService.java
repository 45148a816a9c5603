package org.alkit.serve;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.alkit.api.AlException;
import org.alkit.runtime.LabelingService;
import org.alkit.runtime.Registry;

/**
 * {@code alkit serve}: opens the database (creating and migrating it at the first start), creates
 * the admin token of a fresh database, resumes every project where it was, and serves the API
 * with Micronaut's Netty server on the settings' address (127.0.0.1 unless another is given).
 */
public final class ServeService implements LabelingService {
  /** The largest request body the server reads (the select API's .npy bodies); the JSON API takes less. */
  static final long MAX_REQUEST_BYTES = 64L << 20;

  @Override
  public Running start(Settings settings) {
    Database db = Database.open(settings);
    Projects projects = null;
    try {
      TokenAuthenticator tokens = new TokenAuthenticator(db);
      Optional<String> adminToken = tokens.ensureAdmin(settings.adminToken());
      Registry registry = Registry.load();
      projects = new Projects(db, registry, settings.data());
      projects.resumeAll();
      ApplicationContext context = ApplicationContext.builder()
          .deduceEnvironment(false)
          .banner(false)
          .properties(Map.of(
              "micronaut.server.port", settings.port(),
              "micronaut.server.host", settings.host(),
              "micronaut.server.max-request-size", MAX_REQUEST_BYTES,
              // handlers wait for the database: they run on the blocking executor, not on Netty's event loop
              "micronaut.server.thread-selection", "BLOCKING"))
          .singletons(tokens, projects, new ItemContent(), registry)
          .start();
      EmbeddedServer server;
      try {
        server = context.getBean(EmbeddedServer.class).start();
      } catch (RuntimeException e) {
        context.close();
        throw new AlException("--host " + settings.host() + " --port " + settings.port() + ": cannot listen ("
            + e.getMessage() + ")", e);
      }
      Projects running = projects;
      URI url = URI.create("http://" + settings.host() + ":" + server.getPort() + "/");
      return new Running() {
        @Override
        public URI url() {
          return url;
        }

        @Override
        public Optional<String> newAdminToken() {
          return adminToken;
        }

        @Override
        public void close() {
          server.stop();
          context.close();
          running.close();
          db.close();
        }
      };
    } catch (RuntimeException e) {
      if (projects != null) {
        projects.close();
      }
      db.close();
      throw e;
    }
  }
}
