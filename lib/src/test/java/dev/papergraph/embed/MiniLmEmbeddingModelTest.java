package dev.papergraph.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingModelTest {

  /**
   * The checksum a workspace's manifest records for the model is a constant (no 16 MB hash per
   * build): it must be the SHA-256 of the weights the artifact ships, which changes when the
   * artifact does.
   */
  @Test
  void weightsChecksumIsTheSha256OfTheShippedWeights() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = OnnxBertBiEncoder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
      assertNotNull(in, "the weights are on the classpath");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) != -1; ) {
        md.update(buf, 0, r);
      }
    }
    assertEquals(HexFormat.of().formatHex(md.digest()), MiniLmEmbeddingModel.WEIGHTS_SHA256);
  }
}
