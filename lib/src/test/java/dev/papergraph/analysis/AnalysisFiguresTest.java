package dev.papergraph.analysis;

import dev.papergraph.graph.IndexedGraph;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Prints the figures quoted in the issue notes (modularity on the classic graphs and the seed
 * corpus, the seed communities with labels). Opt-in, it asserts nothing the other tests do not:
 * {@code mvn -q -B test -pl lib -am -Dtest=AnalysisFiguresTest -Dpapergraph.figures=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class AnalysisFiguresTest {

  @Test
  void printFigures() {
    Assumptions.assumeTrue(Boolean.getBoolean("papergraph.figures"), "figures not asked: skipped");
    for (String name : new String[] {"karate.gml", "dolphins.gml"}) {
      Communities c = new LeidenCommunities(TestGraphs.gml(name), CommunityOptions.defaults()).communities();
      System.out.printf(Locale.ROOT, "FIGURE %s: modularity %.6f, %d communities (Leiden defaults)%n",
          name, c.modularity(), c.communities().size());
    }
    Corpus corpus = Seeds.corpus();
    SimilarityEngine engine = SimilarityEngine.of(corpus.papers(), EngineOptions.defaults());
    PaperGraph g = PaperGraph.of(corpus.papers(), engine.links());
    long t0 = System.nanoTime();
    Analyzer.Result r = new Analyzer(Analyzer.Options.defaults()).analyze(g, TermSource.of(engine.vectors()));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    IndexedGraph<String> ig = IndexedGraph.of(g);
    System.out.printf(Locale.ROOT, "FIGURE seed: %d papers, %d edges, modularity %.6f, %d communities, analysis %d ms%n",
        ig.size(), ig.edgeCount(), r.communities().modularity(), r.communities().communities().size(), ms);
    for (Community c : r.communities().communities()) {
      System.out.printf(Locale.ROOT, "FIGURE   %d (%d papers%s): %s | most central: %s%n", c.id(), c.size(),
          c.small() ? ", small" : "", c.label(), g.paper(c.centralPapers().get(0)).orElseThrow().title());
    }
    PopularityContrast pc = PopularityContrast.of(g.papers().values(), r.centralities(), Measure.PAGERANK, Popularity.UPVOTES);
    for (PopularityContrast.Standing s : pc.hiddenGems(0.6).stream().limit(3).toList()) {
      System.out.printf(Locale.ROOT, "FIGURE   gem %+.2f %d upvotes: %s%n", s.gap(), s.popularity(), g.paper(s.paperId()).orElseThrow().title());
    }
    for (PopularityContrast.Standing s : pc.hype(0.6).stream().limit(3).toList()) {
      System.out.printf(Locale.ROOT, "FIGURE   hype %+.2f %d upvotes: %s%n", s.gap(), s.popularity(), g.paper(s.paperId()).orElseThrow().title());
    }
  }
}
