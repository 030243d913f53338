package dev.papergraph.embed;

/**
 * Vectors by model id and text key ({@link PaperEmbeddings#key}). A workspace keeps one on disk;
 * {@link #none()} keeps nothing.
 */
public interface EmbeddingCache {

  /** The cached vector, empty when this model has not embedded this text. */
  java.util.Optional<float[]> get(String modelId, byte[] key);

  /** Remembers a vector. */
  void put(String modelId, byte[] key, float[] vector);

  /** A cache that remembers nothing. */
  static EmbeddingCache none() {
    return new EmbeddingCache() {
      @Override
      public java.util.Optional<float[]> get(String modelId, byte[] key) {
        return java.util.Optional.empty();
      }

      @Override
      public void put(String modelId, byte[] key, float[] vector) {}
    };
  }
}
