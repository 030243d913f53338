package dev.papergraph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.analysis.AnalysisStage;
import dev.papergraph.analysis.TermSource;
import dev.papergraph.graph.PaperGraph;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Readers;
import dev.papergraph.read.Seeds;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SimilarityEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A build lays out its links without building the paper graph ({@link Layouts#compute(List, List,
 * Map, ForceAtlas2.Options, java.util.function.LongConsumer)}): the positions must be, bit for bit,
 * those of the paper graph's layout, whatever the links' order.
 */
class LayoutsTest {

  @Test
  void theLinksLayOutAsThePaperGraphOfThem() throws Exception {
    List<Paper> papers = Readers.standard().load(Seeds.sources().subList(0, 2), null).papers();
    List<String> ids = papers.stream().map(Paper::id).toList();
    SimilarityEngine engine = SimilarityEngine.of(papers, EngineOptions.defaults());
    List<Link> links = engine.links();
    PaperGraph graph = PaperGraph.of(papers, links);
    Map<String, Integer> groups =
        new AnalysisStage(AnalysisStage.Options.defaults())
            .analyze(graph, engine.neighbourDocs(), TermSource.of(engine.vectors()))
            .communities()
            .membership();
    ForceAtlas2.Options options =
        ForceAtlas2.Options.defaults(42, papers.size()).withIterations(60);

    Layout expected = Layouts.compute(graph, groups, options);
    assertTrue(expected.positions().size() == papers.size() && links.size() > papers.size());
    assertEquals(expected, Layouts.compute(ids, links, groups, options, iterations -> {}));

    List<Link> shuffled = new ArrayList<>(links);
    Collections.shuffle(shuffled, new Random(11));
    assertEquals(expected, Layouts.compute(ids, shuffled, groups, options, iterations -> {}));
  }
}
