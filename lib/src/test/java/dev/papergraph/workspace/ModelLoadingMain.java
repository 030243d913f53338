package dev.papergraph.workspace;

import dev.papergraph.embed.EmbeddingModel;
import dev.papergraph.embed.MiniLmEmbeddingModel;
import dev.papergraph.read.Seeds;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link ModelLoadingTest}: {@code embed} loads the embedding model, embeds one
 * text and prints its dimension and {@code onnxruntime.native.path}; {@code build DIR} builds a
 * workspace from one seed file with the default (fused) options and prints nothing itself.
 */
public final class ModelLoadingMain {

  private ModelLoadingMain() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("embed")) {
      EmbeddingModel m = MiniLmEmbeddingModel.load(1);
      try {
        float[] v = m.embed(List.of("Post-training quantization of vision transformers"))[0];
        System.out.println(v.length);
        System.out.println(System.getProperty("onnxruntime.native.path"));
      } finally {
        m.close();
      }
    } else {
      Workspace.build(
          Path.of(args[1]), Seeds.sources().subList(0, 1), BuildOptions.DEFAULTS, Progress.NONE);
    }
  }
}
