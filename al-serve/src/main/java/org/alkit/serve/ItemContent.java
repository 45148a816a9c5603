package org.alkit.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.alkit.runtime.Dataset;

/**
 * An item's content for the page, found by its id alone (never by a path from the request): a PNG
 * when the data set's items are grey or colour images ({@link Dataset#itemShape()} {@code [1|3, H, W]},
 * each image scaled from its own minimum to its maximum), else the feature row as JSON.
 */
final class ItemContent {
  /** The item as a PNG, when it is an image. */
  Optional<byte[]> png(Dataset dataset, int item) {
    int[] shape = dataset.itemShape();
    if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
      return Optional.empty();
    }
    int channels = shape[0];
    int h = shape[1];
    int w = shape[2];
    float[] row = dataset.pool().row(item);
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : row) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float scale = max > min ? 255f / (max - min) : 0f;
    BufferedImage image = new BufferedImage(w, h, channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
          int channel = channels == 1 ? 0 : c;
          int v = Math.round((row[(channel * h + y) * w + x] - min) * scale);
          rgb = (rgb << 8) | v;
        }
        image.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG of item " + item, e);
    }
    return Optional.of(out.toByteArray());
  }

  /** The item's feature row, {@code {"features": […]}}. */
  ObjectNode features(Dataset dataset, int item) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode values = out.putArray("features");
    for (float v : dataset.pool().row(item)) {
      values.add(v);
    }
    return out;
  }
}
