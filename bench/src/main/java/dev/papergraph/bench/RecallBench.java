package dev.papergraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TermVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code recall}: the approximate top-k against the exact one on the same papers and options:
 * recall@k (the share of each exact list found by the approximate one, averaged over papers with a
 * non-empty exact list) and each search's time; then, in the same run, PyNNDescent ({@code
 * pynndescent_peer.py --exact}: its recall@k against the exact top-k of its own TF-IDF model, and
 * its time) on the same papers.
 */
@Command(
    name = "recall",
    mixinStandardHelpOptions = true,
    description = {
      "Recall@k of the approximate top-k against the exact one, and both times; then PyNNDescent",
      "on the same papers (its recall against its own model's exact top-k, and its time)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar recall ../shared/corpus/arxiv-daily/daily --work /tmp/pg-recall"
    })
final class RecallBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CorpusSample corpus;

  @Mixin PeerOptions peer;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Paper> papers = corpus.papers();
    int threads = corpus.threads;
    EngineOptions base = EngineOptions.defaults().withThreads(threads);
    long t0 = System.nanoTime();
    long c0 = BuildRun.processCpuNanos();
    TermVectors vectors = TermVectors.build(papers, base.text(), threads);
    long t1 = System.nanoTime();
    long c1 = BuildRun.processCpuNanos();
    SimilarityEngine approximate =
        SimilarityEngine.of(vectors, base.withSearch(EngineOptions.Search.APPROXIMATE));
    int[][] a = approximate.neighbourDocs();
    long t2 = System.nanoTime();
    long c2 = BuildRun.processCpuNanos();
    SimilarityEngine exact =
        SimilarityEngine.of(vectors, base.withSearch(EngineOptions.Search.EXACT));
    int[][] e = exact.neighbourDocs();
    long t3 = System.nanoTime();
    long c3 = BuildRun.processCpuNanos();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "papers=%d k=%d recall@k=%.4f vectors_s=%.1f (cpu %.1f) approximate_s=%.1f (cpu %.1f) exact_s=%.1f (cpu %.1f)%n",
            papers.size(),
            base.k(),
            recall(e, a),
            (t1 - t0) / 1e9,
            (c1 - c0) / 1e9,
            (t2 - t1) / 1e9,
            (c2 - c1) / 1e9,
            (t3 - t2) / 1e9,
            (c3 - c2) / 1e9);
    spec.commandLine().getOut().flush();
    if (peer.noPeer) {
      return 0;
    }
    Path work = peer.workFolder();
    Path peerInput = work.resolve("peer-" + papers.size() + ".jsonl");
    BuildBench.writePeerInput(papers, peerInput, new ObjectMapper());
    Path log = work.resolve("pynndescent-" + papers.size() + ".log");
    long p0 = System.nanoTime();
    int rc =
        BuildBench.runPeer(
            List.of(
                peer.python,
                peer.script("pynndescent_peer.py"),
                peerInput.toString(),
                "-k",
                Integer.toString(base.k()),
                "--exact"),
            log);
    double wall = (System.nanoTime() - p0) / 1e9;
    String text = Files.readString(log).strip();
    if (rc != 0) {
      spec.commandLine()
          .getErr()
          .println("recall: PyNNDescent failed (exit " + rc + "), see " + log);
      return 3;
    }
    // its own lines (TF-IDF, NN-descent and exact times, peak RSS, recall), then the process wall
    spec.commandLine()
        .getOut()
        .printf(Locale.ROOT, "pynndescent: %s process_s=%.1f%n", text.replace('\n', ' '), wall);
    return 0;
  }

  /** The mean over papers with an exact list of the share of it found in the approximate list. */
  static double recall(int[][] exact, int[][] approximate) {
    double sum = 0;
    int rows = 0;
    for (int d = 0; d < exact.length; d++) {
      if (exact[d].length == 0) {
        continue;
      }
      int hit = 0;
      for (int x : exact[d]) {
        for (int y : approximate[d]) {
          if (x == y) {
            hit++;
            break;
          }
        }
      }
      sum += (double) hit / exact[d].length;
      rows++;
    }
    return rows == 0 ? 1 : sum / rows;
  }
}
