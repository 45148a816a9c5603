package org.alkit.gpu.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A trained network's parameters in DJL's own format ({@link Block#saveParameters}), kept on the
 * Java heap: a fitted model holds no native memory between calls, so the garbage collector frees
 * it like any object, and each call loads the weights into a short-lived NDManager.
 */
final class Weights {
  private final byte[] bytes;

  private Weights(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The current parameters of {@code block}. */
  static Weights of(Block block) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      block.saveParameters(data);
    } catch (IOException e) {
      throw new UncheckedIOException("saving network parameters to memory", e);
    }
    return new Weights(out.toByteArray());
  }

  /** Sets the parameters of {@code block}, built like the saved one, to these, in {@code manager}. */
  void loadInto(Block block, NDManager manager) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException("network parameters do not fit the network they were saved from", e);
    }
  }
}
