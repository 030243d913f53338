package dev.papergraph.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.testdata.SharedData;
import dev.papergraph.text.PaperAnalyzer;
import dev.papergraph.text.TextOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * OpenAlex's Oud_2018 abstracts carry escaped HTML ({@code &lt;b&gt;&lt;i&gt;Background}): no
 * community label, no shared term of any edge and no bursting term (issue 17) may contain markup, a
 * number or a stop word.
 */
class CleanLabelsTest {

  @Test
  void oudLabelsSharedTermsAndBurstsCarryNoMarkupNumberOrStopWord() throws IOException {
    Path works = SharedData.require("corpus/openalex-synergy/Oud_2018/works_1.zip");
    Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
    SimilarityEngine engine = SimilarityEngine.of(corpus.papers(), EngineOptions.defaults());
    List<Link> links = engine.links();
    AnalysisStage.Result r =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(
                PaperGraph.of(corpus.papers(), links),
                engine.neighbourDocs(),
                TermSource.of(engine.vectors()));
    Set<String> stop = new HashSet<>();
    PaperAnalyzer.STOP_WORDS.forEach(w -> stop.add(new String((char[]) w)));
    TextOptions.ACADEMIC_STOP_WORDS.forEach(stop::add);
    int checked = 0;
    for (Community c : r.communities().communities()) {
      for (String term : c.labelTerms()) {
        assertClean(term, stop, "label of community " + c.id());
      }
      checked++;
    }
    for (Link l : links) {
      for (SharedTerm t : l.explanation().sharedTerms()) {
        // what users see; an analysed stem may equal a stop word ("lasting" gives "last")
        assertClean(t.display(), stop, "shared term of " + l.a() + " " + l.b());
      }
    }
    assertTrue(checked > 3, "communities: " + checked);
    // issue 17: bursts read the labeller's terms, over the corpus and within each community
    TermSource terms = TermSource.of(engine.vectors());
    int bursts = 0;
    List<List<Paper>> sets = new ArrayList<>(List.of(corpus.papers()));
    for (Community c : r.communities().communities()) {
      Set<String> members = Set.copyOf(c.members());
      sets.add(corpus.papers().stream().filter(p -> members.contains(p.id())).toList());
    }
    for (List<Paper> set : sets) {
      for (Bursts.Burst b : Bursts.defaults().detect(set, terms, Period.YEAR)) {
        assertClean(b.display(), stop, "burst term");
        for (String word : b.term().split(" ")) {
          assertFalse(ROMAN.matcher(word).matches(), "roman numeral in burst '" + b.term() + "'");
        }
        bursts++;
      }
    }
    assertTrue(bursts > 50, "bursts checked: " + bursts);
  }

  /** Roman numerals i to xxxix ("phase III", "DSM-IV"), which are numbers too. */
  private static final Pattern ROMAN = Pattern.compile("x{0,3}(ix|iv|v?i{0,3})");

  private static void assertClean(String text, Set<String> stop, String what) {
    String s = text.toLowerCase(Locale.ROOT);
    assertFalse(
        s.contains("&") || s.contains("<") || s.contains(">"), what + ": markup in '" + text + "'");
    // a phrase shown across a bracket or a sentence end ("therapy (dbt") is not a phrase; a
    // word may hold a period ("i.e")
    assertFalse(
        s.matches(".*[()\\[\\]{},;!?\"].*") || s.matches(".*[.:](\\s.*|$)"),
        what + ": punctuation in '" + text + "'");
    for (String word : s.split("[\\s/,;]+")) {
      if (word.isEmpty()) {
        continue;
      }
      assertFalse(
          word.equals("lt") || word.equals("gt"), what + ": entity residue in '" + text + "'");
      assertFalse(word.matches("[\\p{N}.,%]+"), what + ": number in '" + text + "'");
      assertFalse(stop.contains(word), what + ": stop word '" + word + "' in '" + text + "'");
    }
  }
}
