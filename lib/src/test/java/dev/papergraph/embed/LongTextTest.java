package dev.papergraph.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.papergraph.embed.MiniLmEmbeddingModel.LongText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the model reads of a long text under each {@link LongText} rule. */
class LongTextTest {

  // each is one word piece of the model's vocabulary
  private static final String[] WORDS = {"cat", "dog", "sat", "ran", "mat", "red", "blue", "sun"};

  private static HuggingFaceTokenizer pieces;

  @BeforeAll
  static void load() throws IOException {
    pieces = MiniLmEmbeddingModel.pieceTokenizer();
  }

  @AfterAll
  static void close() {
    pieces.close();
  }

  private static List<String> words(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(WORDS[(i * 5 + i / 8) % WORDS.length]);
    }
    return out;
  }

  @Test
  void theWordsAreSinglePieces() {
    assertEquals(300, pieces.encode(String.join(" ", words(300)), false, false).getTokens().length);
  }

  @Test
  void aTextThatFitsIsReadWhole() {
    String text = String.join(" ", words(MiniLmEmbeddingModel.WINDOW_TOKENS));
    for (LongText rule : LongText.values()) {
      assertEquals(List.of(text), MiniLmEmbeddingModel.segments(pieces, rule, text), rule.name());
    }
  }

  @Test
  void headAndTailKeepsTheFirstAndLastPiecesInOneSegment() {
    List<String> w = words(300);
    int head = MiniLmEmbeddingModel.HEAD_TOKENS;
    int tail = MiniLmEmbeddingModel.WINDOW_TOKENS - head;
    String expected =
        String.join(" ", w.subList(0, head)) + " " + String.join(" ", w.subList(300 - tail, 300));
    assertEquals(
        List.of(expected),
        MiniLmEmbeddingModel.segments(pieces, LongText.HEAD_AND_TAIL, String.join(" ", w)));
  }

  @Test
  void windowsCoverTheTextInOrder() {
    List<String> w = words(300);
    int size = MiniLmEmbeddingModel.WINDOW_TOKENS;
    assertEquals(
        List.of(
            String.join(" ", w.subList(0, size)),
            String.join(" ", w.subList(size, 2 * size)),
            String.join(" ", w.subList(2 * size, 300))),
        MiniLmEmbeddingModel.segments(pieces, LongText.WINDOWS, String.join(" ", w)));
  }

  @Test
  void headLeavesTheCutToTheModelsTokenizer() {
    String text = String.join(" ", words(300));
    assertEquals(List.of(text), MiniLmEmbeddingModel.segments(pieces, LongText.HEAD, text));
  }

  @Test
  void aBlankTextIsReadAsAFullStop() {
    assertEquals(List.of("."), MiniLmEmbeddingModel.segments(pieces, LongText.HEAD_AND_TAIL, " "));
  }

  @Test
  void eachRuleHasItsOwnCacheKey() {
    assertEquals("all-minilm-l6-v2-q@1.19.0-beta29", LongText.HEAD.modelId());
    assertEquals(LongText.HEAD_AND_TAIL.modelId(), MiniLmEmbeddingModel.ID);
    assertEquals(
        3, java.util.Arrays.stream(LongText.values()).map(LongText::modelId).distinct().count());
  }
}
