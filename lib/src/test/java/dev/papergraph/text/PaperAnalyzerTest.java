package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaperAnalyzerTest {

  @Test
  void stemsAndMakesPhrasesOfAdjacentWords() {
    PaperAnalyzer a = new PaperAnalyzer(TextOptions.DEFAULTS);
    assertEquals(
        List.of("post", "post train", "train", "train quantiz", "quantiz"),
        a.terms("Post-Training Quantization"));
  }

  @Test
  void phrasesDoNotSpanRemovedStopWords() {
    PaperAnalyzer a = new PaperAnalyzer(TextOptions.DEFAULTS);
    assertEquals(
        List.of("quantiz", "network", "domain", "domain adapt", "adapt"),
        a.terms("Quantization of the network for domain adaptation"));
    assertEquals(
        List.of("model", "model domain", "domain", "domain adapt", "adapt"),
        a.terms("The model's domain adaptation"));
  }

  @Test
  void sklearnCompatibleChainKeepsWordsOfTwoOrMoreWordCharacters() {
    PaperAnalyzer a = new PaperAnalyzer(TextOptions.sklearnCompatible());
    // scikit-learn: TfidfVectorizer(stop_words="english").build_analyzer()("...") gives these
    assertEquals(
        List.of("post", "training", "quantization", "4bit", "llms", "x_1"),
        a.terms("Post-Training Quantization of a 4bit LLMs: x_1 is 1"));
  }

  /**
   * The quick check that lets a text skip the prefix filter never misses a hyphen the filter closes
   * up (texts made at random from prefixes, hyphens and letters, seeded), and lets most texts skip.
   */
  @Test
  void prefixCheckNeverMissesAHyphenTheFilterClosesUp() {
    String[] parts = {
      "non", "NON", "Re", "un", "bi", "sub", "pre", "anti", "x", "a", "-", "-", " ", "\u00e9", "1",
      "_", "'", "(", "\u03b1"
    };
    Random random = new Random(7);
    int matched = 0, skipped = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(8); j >= 0; j--) {
        b.append(parts[random.nextInt(parts.length)]);
      }
      String t = b.toString();
      boolean matches = PaperAnalyzer.BOUND_PREFIX.matcher(t).find();
      if (matches) {
        matched++;
        assertTrue(PaperAnalyzer.mayCloseUp(t), t);
      } else if (!PaperAnalyzer.mayCloseUp(t)) {
        skipped++;
      }
    }
    assertTrue(matched > 1_000 && skipped > 50_000, matched + " matched, " + skipped + " skipped");
    assertFalse(PaperAnalyzer.mayCloseUp("real-time, self-supervised and post-training"));
    assertTrue(PaperAnalyzer.mayCloseUp("a non-intrusive method"));
  }
}
