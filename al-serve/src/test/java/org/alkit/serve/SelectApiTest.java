package org.alkit.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.alkit.api.Matrix;
import org.alkit.runtime.LabelingService;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/select}: a selection from signals the caller computed, as {@code alkit select}
 * prints it, with bad inputs refused in one line.
 */
class SelectApiTest {
  @TempDir
  Path data;

  @Test
  void marginPicksTheSmallestMarginsOfTheUnlabeledItems() throws Exception {
    // margins (top-1 minus top-2): 0.6, 0.0, 0.4, 0.2, 0.1; item 1 is labeled, so 4 then 3 go first
    Matrix probs = Matrix.of(new float[][] {{0.8f, 0.2f}, {0.5f, 0.5f}, {0.7f, 0.3f}, {0.6f, 0.4f}, {0.55f, 0.45f}});
    Npy.writeMatrix(data.resolve("probs.npy"), probs);
    Npy.writeInts(data.resolve("labeled.npy"), new int[] {1});
    Npy.writeInts(data.resolve("labels.npy"), new int[] {0});
    try (LabelingService.Running server = new ServeService().start(new LabelingService.Settings(data.resolve("db"), 0,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("select-admin")))) {
      Api api = new Api(server.url(), "select-admin");
      JsonNode out = api.ok("api/select", "{\"strategy\":\"margin\",\"budget\":2,\"probs\":\"" + base64("probs.npy")
          + "\",\"labeled\":\"" + base64("labeled.npy") + "\",\"labels\":\"" + base64("labels.npy") + "\"}");
      assertThat(out.get("strategy").asText()).isEqualTo("margin");
      assertThat(out.get("selected")).extracting(JsonNode::asInt).containsExactly(4, 3);
      assertThat(out.get("scores")).hasSize(2);
      assertThat(out.get("timing").get("select_ms").isNumber()).isTrue();
      Api.Reply missing = api.post("api/select", "{\"strategy\":\"margin\",\"budget\":2}");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.error()).contains("--probs");
      Api.Reply unknown = api.post("api/select", "{\"strategy\":\"nope\",\"budget\":2,\"probs\":\""
          + base64("probs.npy") + "\"}");
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.error()).contains("nope").contains("margin");
      Api.Reply notBase64 = api.post("api/select", "{\"strategy\":\"margin\",\"budget\":2,\"probs\":\"%%%\"}");
      assertThat(notBase64.status()).isEqualTo(400);
      assertThat(notBase64.error()).startsWith("probs: not base64");
      Api.Reply noToken = api.as(null).post("api/select", "{}");
      assertThat(noToken.status()).isEqualTo(401);
    }
  }

  private String base64(String file) throws Exception {
    return Base64.getEncoder().encodeToString(Files.readAllBytes(data.resolve(file)));
  }
}
