package dev.papergraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Seeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class AnalysedTokensTest {

  /** The seeds and texts whose chain leaves gaps of several positions, one without an abstract. */
  private static List<Paper> papers() {
    List<Paper> papers = new ArrayList<>(Seeds.corpus().papers());
    papers.add(
        Paper.builder()
            .id("doi:10.1/gaps")
            .title("Quantization of the of and to a network")
            .abstractText(
                "We <b>propose</b> $x^2$ \\emph{emphasised words} \\cite{ref} see"
                    + " https://example.org/x: 1 2 3 4 5 6 7 8 9 10 of the to 95.3% accuracy"
                    + " on ImageNet-1K, and quantization of the network.")
            .build());
    papers.add(Paper.builder().id("doi:10.1/bare").title("Non-intrusive load monitoring").build());
    return papers;
  }

  /**
   * Each field played back gives the terms and position increments the chain gives the text, with
   * and without phrases (whose filler caps the gaps), with a thesaurus; increments above 2 too.
   */
  @Test
  void playsBackWhatTheChainEmitsForEachField() throws IOException {
    List<Paper> papers = papers();
    int large = 0;
    for (TextOptions options :
        List.of(
            TextOptions.DEFAULTS,
            TextOptions.DEFAULTS.withBigrams(false),
            TextOptions.sklearnCompatible(),
            TextOptions.DEFAULTS.withThesaurus(Map.of("network", "graph", "accuracy", "")))) {
      AtomicReference<AnalysedTokens> recorded = new AtomicReference<>();
      TermVectors.build(papers, options, 2, n -> {}, recorded::set);
      AnalysedTokens tokens = recorded.get();
      assertEquals(options, tokens.options());
      assertEquals(papers.size(), tokens.size());
      try (PaperAnalyzer analyzer = new PaperAnalyzer(options)) {
        for (int d = 0; d < papers.size(); d++) {
          Paper p = papers.get(d);
          assertTrue(tokens.analysed(d, p));
          List<String> title = emitted(analyzer.tokenStream("title", p.title()));
          assertEquals(title, emitted(tokens.title(d)), p.id());
          large += title.stream().filter(t -> Integer.parseInt(t.split("/")[1]) > 2).count();
          if (p.abstractText() != null) {
            List<String> abs = emitted(analyzer.tokenStream("abstract", p.abstractText()));
            assertEquals(abs, emitted(tokens.abstractText(d)), p.id());
            large += abs.stream().filter(t -> Integer.parseInt(t.split("/")[1]) > 2).count();
          } else {
            int doc = d;
            assertThrows(IllegalStateException.class, () -> tokens.abstractText(doc));
          }
        }
      }
      Paper changed = papers.get(3).toBuilder().title("Another title").build();
      assertTrue(!tokens.analysed(3, changed), "a changed title is not the one analysed");
    }
    assertTrue(large > 0, "increments above 2 are played back");
  }

  /** The tokens of a stream, each as term/increment. */
  private static List<String> emitted(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }
}
