package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
