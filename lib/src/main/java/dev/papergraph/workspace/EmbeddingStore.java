package dev.papergraph.workspace;

import dev.papergraph.embed.EmbeddingCache;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The workspace's cache of paper embeddings: one flat file per model in {@code embeddings/},
 * vectors keyed by the hash of the embedded text, so a rebuild with other parameters, or {@code
 * build --add}, embeds only new or changed texts.
 *
 * <p>File layout (big-endian): the magic {@code PGEMB1}, the model id (UTF), the dimension and the
 * entry count (ints), then per entry the 16-byte text key and the vector (floats), entries in key
 * order; last, the CRC32C of everything before it (long). A file whose checksum, magic or size does
 * not match is ignored (its texts are embedded again) and reported by {@link #ignored()}.
 */
public final class EmbeddingStore implements EmbeddingCache {

  /** The folder inside a workspace. */
  static final String FOLDER = "embeddings";

  private static final String MAGIC = "PGEMB1";

  private final Map<String, Map<String, float[]>> byModel = new HashMap<>();
  private final Map<String, Integer> dimensions = new HashMap<>();
  private final List<String> ignored = new ArrayList<>();

  private EmbeddingStore() {}

  /** An empty store. */
  public static EmbeddingStore empty() {
    return new EmbeddingStore();
  }

  /**
   * The store saved in a workspace folder (empty when the folder has none); damaged files are
   * ignored and listed in {@link #ignored()}.
   *
   * @throws IOException if a file cannot be read
   */
  public static EmbeddingStore load(Path workspaceFolder) throws IOException {
    EmbeddingStore s = new EmbeddingStore();
    Path dir = workspaceFolder.resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      return s;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".f32")).sorted().toList()) {
        if (!s.read(f)) {
          s.ignored.add(f.getFileName().toString());
        }
      }
    }
    return s;
  }

  private boolean read(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    long size = Files.size(file);
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        CheckedInputStream checked = new CheckedInputStream(raw, crc)) {
      DataInputStream in = new DataInputStream(checked);
      if (size < 16 || !MAGIC.equals(in.readUTF())) {
        return false;
      }
      String model = in.readUTF();
      int dim = in.readInt();
      int count = in.readInt();
      if (dim < 1 || count < 0 || size < (long) count * (16 + 4L * dim)) {
        return false;
      }
      Map<String, float[]> entries = new HashMap<>(count * 2);
      // one entry at a time into a byte buffer, its floats read big-endian in bulk
      byte[] entry = new byte[16 + 4 * dim];
      ByteBuffer floats = ByteBuffer.wrap(entry, 16, 4 * dim).slice();
      for (int i = 0; i < count; i++) {
        in.readFully(entry);
        float[] v = new float[dim];
        floats.asFloatBuffer().get(v);
        entries.put(HexFormat.of().formatHex(entry, 0, 16), v);
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected) {
        return false;
      }
      byModel.put(model, entries);
      dimensions.put(model, dim);
      return true;
    } catch (EOFException e) {
      return false;
    }
  }

  /** The files that were damaged and ignored, by name. */
  public List<String> ignored() {
    return List.copyOf(ignored);
  }

  /** The number of vectors stored for a model. */
  public int size(String modelId) {
    return byModel.getOrDefault(modelId, Map.of()).size();
  }

  @Override
  public synchronized Optional<float[]> get(String modelId, byte[] key) {
    return Optional.ofNullable(
        byModel.getOrDefault(modelId, Map.of()).get(HexFormat.of().formatHex(key)));
  }

  @Override
  public synchronized void put(String modelId, byte[] key, float[] vector) {
    Integer dim = dimensions.putIfAbsent(modelId, vector.length);
    if (dim != null && dim != vector.length) {
      throw new IllegalArgumentException(
          "model " + modelId + " gave a vector of " + vector.length + " dimensions after " + dim);
    }
    byModel
        .computeIfAbsent(modelId, m -> new HashMap<>())
        .put(HexFormat.of().formatHex(key), vector.clone());
  }

  /**
   * Writes the store into a (new) workspace folder, one file per model, entries in key order. Only
   * the vectors of texts in {@code keep} are written, so the cache does not grow with papers that
   * left the corpus; {@code null} keeps all.
   *
   * @throws IOException if a file cannot be written
   */
  public synchronized void save(Path workspaceFolder, Set<String> keep) throws IOException {
    Path dir = Files.createDirectories(workspaceFolder.resolve(FOLDER));
    for (String model : new TreeMap<>(byModel).keySet()) {
      TreeMap<String, float[]> entries = new TreeMap<>(byModel.get(model));
      if (keep != null) {
        entries.keySet().retainAll(keep);
      }
      if (entries.isEmpty()) {
        continue;
      }
      Path file = dir.resolve(model.replaceAll("[^A-Za-z0-9._-]", "_") + ".f32");
      CRC32C crc = new CRC32C();
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
        CheckedOutputStream checked = new CheckedOutputStream(raw, crc);
        DataOutputStream out = new DataOutputStream(checked);
        out.writeUTF(MAGIC);
        out.writeUTF(model);
        int dim = dimensions.get(model);
        out.writeInt(dim);
        out.writeInt(entries.size());
        byte[] entry = new byte[16 + 4 * dim];
        ByteBuffer floats = ByteBuffer.wrap(entry, 16, 4 * dim).slice();
        for (Map.Entry<String, float[]> e : entries.entrySet()) {
          System.arraycopy(HexFormat.of().parseHex(e.getKey()), 0, entry, 0, 16);
          floats.asFloatBuffer().put(e.getValue());
          out.write(entry);
        }
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
      }
    }
  }

  /** The hex key of a text, as {@link #save}'s {@code keep} wants it. */
  public static String hexKey(byte[] key) {
    return HexFormat.of().formatHex(key);
  }
}
