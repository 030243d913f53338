package dev.papergraph.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pruned top-k equals brute force over all pairs, exactly, ties by id included. */
class ExactTopKTest {

  private static List<Paper> sample;

  /** The arXiv daily listings of the shared corpus. */
  static final String ARXIV_DAILY = "corpus/arxiv-daily/daily";

  /** The first 2,000 distinct papers of the arXiv daily files (in file order), or skip. */
  static List<Paper> arxivSample(int size) throws IOException {
    if (sample != null && sample.size() >= size) {
      return sample.subList(0, size);
    }
    Path daily = SharedData.require(ARXIV_DAILY);
    List<Path> files;
    try (Stream<Path> s = Files.list(daily)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    List<InputSource> sources = new ArrayList<>();
    Corpus c = null;
    for (Path f : files) {
      sources.add(InputSource.of(f));
      if (sources.size() % 4 == 0) {
        c = Readers.standard().load(sources, Format.ARXIV);
        if (c.size() >= size) {
          break;
        }
      }
    }
    sample = c.papers();
    return c.papers().subList(0, size);
  }

  /** Papers of Zipf-distributed words with topics and references among themselves (seeded). */
  static List<Paper> generated(int n, long seed) {
    Random r = new Random(seed);
    String[] words = new String[3000];
    for (int i = 0; i < words.length; i++) {
      words[i] = "w" + Integer.toString(i, 36) + "x";
    }
    double[] cdf = new double[words.length];
    double s = 0;
    for (int i = 0; i < words.length; i++) {
      s += 1.0 / (i + 1);
      cdf[i] = s;
    }
    List<Paper> out = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      StringBuilder title = new StringBuilder();
      StringBuilder abs = new StringBuilder();
      for (int i = 0; i < 6; i++) title.append(pick(words, cdf, r)).append(' ');
      for (int i = 0; i < 40 + r.nextInt(60); i++) abs.append(pick(words, cdf, r)).append(' ');
      Paper.Builder b =
          Paper.builder()
              .id(String.format("gen:%05d", d))
              .title(title.toString())
              .abstractText(abs.toString());
      if (r.nextInt(3) > 0) {
        b.addTopic(new Topic("cat" + r.nextInt(12), 1, TopicSource.CATEGORY));
        b.addTopic(new Topic("con" + r.nextInt(40), r.nextInt(100) / 100.0, TopicSource.CONCEPT));
      }
      for (int i = 0; i < r.nextInt(8); i++) {
        b.addReference(
            r.nextBoolean()
                ? String.format("gen:%05d", r.nextInt(n))
                : "doi:10.1/x" + r.nextInt(300));
      }
      out.add(b.build());
    }
    return out;
  }

  private static String pick(String[] words, double[] cdf, Random r) {
    int i = Arrays.binarySearch(cdf, r.nextDouble() * cdf[cdf.length - 1]);
    return words[Math.min(words.length - 1, i < 0 ? -i - 1 : i)];
  }

  /** Brute force: every pair scored, the k best by score then id, score >= min and > 0. */
  static void assertEqualsBruteForce(List<Paper> papers, EngineOptions options) {
    SimilarityEngine e = SimilarityEngine.of(papers, options);
    int n = papers.size();
    int[][] got = e.neighbourDocs();
    int rowsWithNeighbours = 0;
    for (int a = 0; a < n; a++) {
      String ia = papers.get(a).id();
      List<double[]> all = new ArrayList<>();
      for (int b = 0; b < n; b++) {
        if (b != a) {
          double s = e.score(ia, papers.get(b).id());
          if (s > 0 && s >= options.minScore()) {
            all.add(new double[] {s, b});
          }
        }
      }
      all.sort(
          Comparator.<double[]>comparingDouble(x -> -x[0])
              .thenComparing(x -> papers.get((int) x[1]).id()));
      int[] want = all.stream().limit(options.k()).mapToInt(x -> (int) x[1]).toArray();
      assertArrayEquals(want, got[a], "neighbours of " + ia);
      if (want.length > 0) {
        rowsWithNeighbours++;
      }
    }
    assertTrue(rowsWithNeighbours > n / 2, "too few rows have neighbours: " + rowsWithNeighbours);
    // the engine's own brute force (for sampled recall) gives the same lists
    assertArrayEquals(got, e.bruteForceNeighbourDocs(IntStream.range(0, n).toArray()));
    int[] some = {n - 1, 0, n / 2};
    int[][] few = e.bruteForceNeighbourDocs(some);
    for (int i = 0; i < some.length; i++) {
      assertArrayEquals(got[some[i]], few[i], "brute force of paper " + some[i]);
    }
  }

  @Test
  void equalsBruteForceOnArxivSampleWithDefaults() throws IOException {
    assertEqualsBruteForce(arxivSample(2000), EngineOptions.defaults());
  }

  @Test
  void equalsBruteForceOnArxivSampleTextOnlyK20() throws IOException {
    assertEqualsBruteForce(
        arxivSample(2000), EngineOptions.defaults().textOnly().withK(20).withMinScore(0));
  }

  @Test
  void equalsBruteForceOnGeneratedCorpusWithTopicsAndCitations() {
    List<Paper> papers = generated(700, 7);
    for (Normalisation norm : Normalisation.values()) {
      assertEqualsBruteForce(
          papers,
          EngineOptions.defaults()
              .withNormalisation(norm)
              .withWeights(0.5, 0.2, 0.1, 0.1, 0.1)
              .withK(7));
    }
  }

  @Test
  void equalsBruteForceWhenOnlyCitationsScore() {
    assertEqualsBruteForce(
        generated(500, 11),
        EngineOptions.defaults().withWeights(0, 0, 0.4, 0.3, 0.3).withMinScore(0));
  }

  @Test
  void rowsWhosePhaseTwoEndsInExactScoresEqualBruteForce() throws IOException {
    List<Paper> papers = arxivSample(2000);
    EngineOptions options = EngineOptions.defaults().lexicalOnly().withThreads(1);
    SimilarityEngine e = SimilarityEngine.of(papers, options);
    int n = papers.size();
    int[] idRank = new int[n];
    int[] byRank = new int[n];
    for (int d = 0; d < n; d++) {
      idRank[d] = e.idRank(d);
      byRank[idRank[d]] = d;
    }
    TopKSearch search =
        new TopKSearch(
            e.vectors(),
            e.topics(),
            e.citations(),
            options,
            e.scores(),
            SuffixNorms.of(e.vectors(), 1),
            idRank,
            byRank);
    int[][] want = e.bruteForceNeighbourDocs(IntStream.range(0, n).toArray());
    for (int d = 0; d < n; d++) {
      assertArrayEquals(want[d], search.search(d).docs(), "neighbours of " + papers.get(d).id());
    }
    // the rows compared above took the path: phase 2 left its candidates to exact scores
    assertTrue(
        search.exactFinishes() > n / 10, "rows ending in exact scores: " + search.exactFinishes());
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    List<Paper> papers = generated(600, 3);
    int[][] one =
        SimilarityEngine.of(papers, EngineOptions.defaults().withThreads(1)).neighbourDocs();
    int[][] two =
        SimilarityEngine.of(papers, EngineOptions.defaults().withThreads(2)).neighbourDocs();
    assertEquals(one.length, two.length);
    for (int d = 0; d < one.length; d++) {
      assertArrayEquals(one[d], two[d]);
    }
  }
}
