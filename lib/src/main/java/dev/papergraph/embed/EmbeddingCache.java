package dev.papergraph.embed;

import java.util.Optional;

/**
 * Vectors by model id and text key ({@link PaperEmbeddings#key}). A workspace keeps one on disk;
 * {@link #none()} keeps nothing.
 */
public interface EmbeddingCache {

  /** The cached vector, empty when this model has not embedded this text. */
  Optional<float[]> get(String modelId, byte[] key);

  /** Remembers a vector. */
  void put(String modelId, byte[] key, float[] vector);

  /** A cache that remembers nothing. */
  static EmbeddingCache none() {
    return new EmbeddingCache() {
      @Override
      public Optional<float[]> get(String modelId, byte[] key) {
        return Optional.empty();
      }

      @Override
      public void put(String modelId, byte[] key, float[] vector) {}
    };
  }
}
