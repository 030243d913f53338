package dev.papergraph.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.papergraph.embed.MiniLmEmbeddingModel.LongText;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link MiniLmEmbeddingModel} tokenizes each text itself and feeds the ONNX Runtime session
 * directly; its vectors must be bit for bit the ones langchain4j's own {@code OnnxBertBiEncoder}
 * gives for the same segments (the reference: it tokenizes, pools and normalises its own way), so
 * that cached embeddings stay valid. Checked on real abstracts (long medical ones with markup and
 * arXiv ones), a short text, non-ASCII text and blank text, under every {@link LongText} rule.
 */
class MiniLmEmbeddingParityTest {

  private static final int PER_CORPUS = 25;

  private static List<String> texts;
  private static OrtSession session;
  private static ExecutorService pool;
  private static AbstractInProcessEmbeddingModel reference;
  private static HuggingFaceTokenizer pieces;

  @BeforeAll
  static void load() throws Exception {
    texts = new ArrayList<>();
    addTexts(
        Readers.standard()
            .load(
                List.of(
                    InputSource.of(
                        SharedData.require("corpus/openalex-synergy/Oud_2018/works_1.zip"))),
                Format.OPENALEX));
    Path arxiv = SharedData.require("corpus/arxiv-daily/daily/2025-03-18.jsonl.gz");
    addTexts(Readers.standard().load(List.of(InputSource.of(arxiv)), null));
    texts.add("Graph neural networks.");
    texts.add("Müller's naïve approach to Schrödinger's ψ: 日本語の論文 — über “quotes” ½ ℝⁿ 😀.");
    texts.add("");
    texts.add("  \n ");
    MiniLmEmbeddingModel.load(1).close(); // unpacks the natives as the model does
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        InputStream weights = resource("/all-minilm-l6-v2-q.onnx")) {
      so.setIntraOpNumThreads(1);
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(weights.readAllBytes(), so);
    }
    OnnxBertBiEncoder bert;
    try (InputStream tok = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
      bert = new OnnxBertBiEncoder(env, session, tok, PoolingMode.MEAN);
    }
    pool = Executors.newFixedThreadPool(2);
    reference =
        new AbstractInProcessEmbeddingModel(pool) {
          @Override
          protected OnnxBertBiEncoder model() {
            return bert;
          }
        };
    pieces = MiniLmEmbeddingModel.pieceTokenizer();
  }

  private static void addTexts(Corpus corpus) {
    int added = 0;
    for (Paper p : corpus.papers()) {
      if (added++ == PER_CORPUS) {
        return;
      }
      texts.add(PaperEmbeddings.text(p));
    }
  }

  private static InputStream resource(String name) {
    return OnnxBertBiEncoder.class.getResourceAsStream(name);
  }

  @AfterAll
  static void close() throws Exception {
    pool.shutdownNow();
    session.close();
    pieces.close();
  }

  /** The vector langchain4j's encoder gives a text read by the rule. */
  private static float[] expected(LongText rule, String text) {
    List<String> segments = MiniLmEmbeddingModel.segments(pieces, rule, text);
    List<TextSegment> in = new ArrayList<>();
    for (String s : segments) {
      in.add(TextSegment.from(s));
    }
    List<Embedding> out = reference.embedAll(in).content();
    float[] v = out.get(0).vector().clone();
    for (int j = 0; j < v.length; j++) {
      v[j] *= MiniLmEmbeddingModel.OPENING_WEIGHT;
    }
    int tail = out.size() - 1;
    for (int w = 1; w < out.size(); w++) {
      float[] x = out.get(w).vector();
      for (int j = 0; j < v.length; j++) {
        v[j] += x[j] / tail;
      }
    }
    return Vectors.normalised(v);
  }

  @Test
  void vectorsAreLangchainsBitForBitUnderEveryRule() {
    long longTexts =
        texts.stream()
            .filter(
                t ->
                    pieces.encode(t, false, false).getIds().length
                        > MiniLmEmbeddingModel.WINDOW_TOKENS)
            .count();
    assertTrue(longTexts >= PER_CORPUS, "long texts among the samples: " + longTexts);
    for (LongText rule : LongText.values()) {
      try (MiniLmEmbeddingModel model = MiniLmEmbeddingModel.load(2, rule)) {
        float[][] got = model.embed(texts);
        assertEquals(texts.size(), got.length);
        for (int i = 0; i < texts.size(); i++) {
          assertArrayEquals(expected(rule, texts.get(i)), got[i], rule + " text " + i);
        }
      }
    }
  }

  @Test
  void aTextsVectorDoesNotDependOnTheOtherTextsOrTheWorkers() {
    try (MiniLmEmbeddingModel one = MiniLmEmbeddingModel.load(1);
        MiniLmEmbeddingModel three = MiniLmEmbeddingModel.load(3)) {
      float[][] all = three.embed(texts);
      for (int i = 0; i < texts.size(); i += 7) {
        assertArrayEquals(all[i], one.embed(List.of(texts.get(i)))[0], "text " + i);
      }
    }
  }
}
