package dev.papergraph.embed;

import dev.papergraph.concurrent.Parallel;
import dev.papergraph.model.Paper;
import dev.papergraph.text.TextCleaner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The embedding of every paper: the cleaned title and abstract ({@link #text}) through an {@link
 * EmbeddingModel}, taken from an {@link EmbeddingCache} when the same model has embedded the same
 * text before. The model is loaded only when some text is missing from the cache.
 */
public final class PaperEmbeddings {

  /** Texts per call to the model (the workers share each batch). */
  static final int BATCH = 64;

  private final String modelId;
  private final float[][] vectors;
  private final byte[][] keys;
  private final int embedded;

  private PaperEmbeddings(String modelId, float[][] vectors, byte[][] keys, int embedded) {
    this.modelId = modelId;
    this.vectors = vectors;
    this.keys = keys;
    this.embedded = embedded;
  }

  /**
   * The text a paper is embedded from: its readable title, a full stop, its readable abstract
   * ({@link TextCleaner#readable}).
   */
  public static String text(Paper p) {
    return text(
        TextCleaner.readable(p.title()),
        p.abstractText() == null ? null : TextCleaner.readable(p.abstractText()));
  }

  /** {@link #text(Paper)} from the readable title and abstract ({@code null}: none). */
  private static String text(String title, String abs) {
    return abs == null || abs.isEmpty() ? title : title + ". " + abs;
  }

  /** The readable titles and abstracts an earlier step already made, for some papers. */
  @FunctionalInterface
  public interface KnownReadable {
    /** None known. */
    KnownReadable NONE = (doc, abstractText) -> Optional.empty();

    /**
     * Paper {@code doc}'s readable abstract or title ({@link TextCleaner#readable} of it), if made;
     * asked from the cleaning threads.
     *
     * @param abstractText the abstract ({@code true}) or the title
     */
    Optional<String> readable(int doc, boolean abstractText);
  }

  /**
   * {@link #compute(List, String, Supplier, EmbeddingCache, LongConsumer, LongConsumer, int,
   * KnownReadable)} cleaning every text.
   */
  public static PaperEmbeddings compute(
      List<Paper> papers,
      String modelId,
      Supplier<EmbeddingModel> model,
      EmbeddingCache cache,
      LongConsumer start,
      LongConsumer progress,
      int threads) {
    return compute(papers, modelId, model, cache, start, progress, threads, KnownReadable.NONE);
  }

  /**
   * The cache key of a text: the first 16 bytes of its SHA-256 (the model id keys the cache
   * itself).
   */
  public static byte[] key(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(h, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  /**
   * Embeds the papers, reusing the cache and adding the new vectors to it.
   *
   * @param papers the papers; the result is in this order
   * @param modelId the id of the model {@code model} gives (checked against it when loaded)
   * @param model loads the model; called at most once, and only if a text is not cached
   * @param cache vectors by model id and text key; receives the new ones
   * @param start receives the number of texts to embed, once, before the model is loaded (not
   *     called when all are cached)
   * @param progress receives the number of texts embedded, a batch at a time
   * @param threads threads for cleaning the texts and hashing their keys (the result does not
   *     depend on it; the model has its own workers)
   * @param known the readable titles and abstracts already made (the others are cleaned here)
   * @throws ModelUnavailableException if the model is needed and cannot be loaded
   * @throws IllegalArgumentException if threads is below 1
   */
  public static PaperEmbeddings compute(
      List<Paper> papers,
      String modelId,
      Supplier<EmbeddingModel> model,
      EmbeddingCache cache,
      LongConsumer start,
      LongConsumer progress,
      int threads,
      KnownReadable known) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(known, "known");
    int n = papers.size();
    float[][] out = new float[n][];
    String[] texts = new String[n];
    byte[][] keys = new byte[n][];
    Parallel.forEach(
        threads,
        n,
        d -> {
          Paper p = papers.get(d);
          Optional<String> knownTitle = known.readable(d, false);
          String title =
              knownTitle.isPresent() ? knownTitle.get() : TextCleaner.readable(p.title());
          String abs = null;
          if (p.abstractText() != null) {
            Optional<String> knownAbs = known.readable(d, true);
            abs = knownAbs.isPresent() ? knownAbs.get() : TextCleaner.readable(p.abstractText());
          }
          texts[d] = text(title, abs);
          keys[d] = key(texts[d]);
        });
    Map<Key, List<Integer>> missing = new HashMap<>();
    List<String> missingTexts = new ArrayList<>();
    List<Key> missingKeys = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      String text = texts[d];
      Key k = new Key(keys[d]);
      Optional<float[]> v = cache.get(modelId, k.bytes());
      if (v.isPresent()) {
        out[d] = v.get();
        continue;
      }
      List<Integer> docs = missing.get(k);
      if (docs == null) {
        missing.put(k, docs = new ArrayList<>());
        missingTexts.add(text);
        missingKeys.add(k);
      }
      docs.add(d);
    }
    if (!missingTexts.isEmpty()) {
      start.accept(missingTexts.size());
      try (EmbeddingModel m = model.get()) {
        if (!m.id().equals(modelId)) {
          throw new IllegalStateException("model " + m.id() + " given for " + modelId);
        }
        for (int from = 0; from < missingTexts.size(); from += BATCH) {
          int to = Math.min(missingTexts.size(), from + BATCH);
          float[][] vs = m.embed(missingTexts.subList(from, to));
          for (int i = from; i < to; i++) {
            float[] v = vs[i - from];
            cache.put(modelId, missingKeys.get(i).bytes(), v);
            for (int d : missing.get(missingKeys.get(i))) {
              out[d] = v;
            }
          }
          progress.accept(to - from);
        }
      }
    }
    return new PaperEmbeddings(modelId, out, keys, missingTexts.size());
  }

  /** The model id. */
  public String modelId() {
    return modelId;
  }

  /** The unit vectors, in the order of the papers given (shared, do not modify). */
  public float[][] vectors() {
    return vectors;
  }

  /**
   * The cache keys of the papers' texts ({@link #key}), in the order of the papers given (shared,
   * do not modify).
   */
  public byte[][] keys() {
    return keys;
  }

  /** How many distinct texts the model embedded in this run (0 when all came from the cache). */
  public int embedded() {
    return embedded;
  }

  /** Bytes as a map key. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return HexFormat.of().formatHex(bytes);
    }
  }
}
