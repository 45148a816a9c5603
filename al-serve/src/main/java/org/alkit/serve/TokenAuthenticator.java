package org.alkit.serve;

import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service's tokens: 256 random bits each (base64url), stored only as their SHA-256, so the
 * database never holds a token that works. {@link #authenticate} maps a token to its
 * {@link Principal}; the API reads it from {@code Authorization: Bearer TOKEN}, and a session login
 * can map its session to the same token.
 */
public final class TokenAuthenticator {
  /** The role of a token that creates projects and tokens and sees every project. */
  static final String ADMIN = "admin";

  /** The role of a token that labels the projects it names. */
  static final String ANNOTATOR = "annotator";

  private static final String BEARER = "Bearer ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database db;
  // tokens are never changed once created, so a token found once is known from then on
  private final java.util.Map<String, Principal> known = new java.util.concurrent.ConcurrentHashMap<>();

  TokenAuthenticator(Database db) {
    this.db = db;
  }

  /** The caller a token belongs to, if any. */
  public Optional<Principal> authenticate(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    String hash = sha256(token.strip());
    Principal cached = known.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Principal> found = db.inTransaction(c -> {
      String name;
      String role;
      try (PreparedStatement s = c.prepareStatement("SELECT name, role FROM tokens WHERE hash = ?")) {
        s.setString(1, hash);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          name = r.getString(1);
          role = r.getString(2);
        }
      }
      Set<String> projects = new HashSet<>();
      try (PreparedStatement s = c.prepareStatement("SELECT project_name FROM token_projects WHERE token_hash = ?")) {
        s.setString(1, hash);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            projects.add(r.getString(1));
          }
        }
      }
      return Optional.of(new Principal(name, ADMIN.equals(role), projects));
    });
    found.ifPresent(p -> known.put(hash, p));
    return found;
  }

  /**
   * The caller of a request with this {@code Authorization} header.
   *
   * @throws ApiException 401 when the header is missing, is no bearer token or names no token
   */
  Principal require(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw new ApiException(HttpStatus.UNAUTHORIZED,
          "Authorization: missing; expected 'Authorization: Bearer TOKEN'");
    }
    if (!authorization.startsWith(BEARER)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED,
          "Authorization: not a bearer token; expected 'Authorization: Bearer TOKEN'");
    }
    return authenticate(authorization.substring(BEARER.length())).orElseThrow(() ->
        new ApiException(HttpStatus.UNAUTHORIZED, "Authorization: unknown token; expected a token the admin created"));
  }

  /**
   * Creates the admin token at the first start of a fresh database: {@code given} (from
   * {@code ALKIT_ADMIN_TOKEN}) or a new random one, which is returned to be printed once.
   *
   * @return the new random token; empty when the database has an admin already or {@code given} was used
   */
  Optional<String> ensureAdmin(Optional<String> given) {
    return db.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tokens WHERE role = ?")) {
        s.setString(1, ADMIN);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getLong(1) > 0) {
            return Optional.empty();
          }
        }
      }
      String token = given.orElseGet(TokenAuthenticator::newToken);
      insert(c, "admin", ADMIN, token, List.of());
      return given.isPresent() ? Optional.empty() : Optional.of(token);
    });
  }

  /**
   * Creates a token.
   *
   * @throws ApiException 409 when a token of that name exists
   */
  String create(String name, String role, List<String> projects) {
    String token = newToken();
    db.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tokens WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getLong(1) > 0) {
            throw ApiException.conflict("name = '" + name + "': a token of that name exists; expected a new name");
          }
        }
      }
      insert(c, name, role, token, projects);
      return null;
    });
    return token;
  }

  private static void insert(java.sql.Connection c, String name, String role, String token, List<String> projects)
      throws java.sql.SQLException {
    String hash = sha256(token);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO tokens (hash, name, role, created) VALUES (?, ?, ?, ?)")) {
      s.setString(1, hash);
      s.setString(2, name);
      s.setString(3, role);
      s.setLong(4, System.currentTimeMillis());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO token_projects (token_hash, project_name) VALUES (?, ?)")) {
      for (String p : new java.util.TreeSet<>(projects)) {
        s.setString(1, hash);
        s.setString(2, p);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** 256 random bits, base64url without padding (43 characters). */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lowercase hex SHA-256 of {@code text}'s UTF-8 bytes. */
  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The lowercase hex SHA-256 of {@code bytes}. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
