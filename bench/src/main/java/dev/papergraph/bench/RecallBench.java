package dev.papergraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TermVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recall}: the approximate top-k against the exact one on the same papers and options:
 * recall@k (the share of each exact list found by the approximate one, averaged over papers with a
 * non-empty exact list) and each search's time; with {@code --sample M}, also the estimate of it on
 * M papers drawn at random ({@link SampledRecall}: their exact lists by brute force, a 95 %
 * interval), which {@code --no-exact} gives alone where the exact search of every paper costs too
 * much; then, in the same run, PyNNDescent ({@code pynndescent_peer.py --exact}: its recall@k
 * against the exact top-k of its own TF-IDF model, and its time) on the same papers.
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
      "  java -jar bench/target/papergraph-bench.jar recall ../shared/corpus/arxiv-daily/daily --work /tmp/pg-recall",
      "  java -jar bench/target/papergraph-bench.jar recall /tmp/arxiv-1m.jsonl --no-exact --sample 1000 --no-peer"
    })
final class RecallBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CorpusSample corpus;

  @Mixin PeerOptions peer;

  @Option(
      names = "--sample",
      paramLabel = "M",
      description =
          "Also estimate the recall on M papers drawn at random, their exact lists by brute force,"
              + " with a 95%% interval (0: not; default: ${DEFAULT-VALUE}).")
  int sample = SampledRecall.DEFAULT_SAMPLE;

  @Option(names = "--seed", description = "Seed of the sample (default: ${DEFAULT-VALUE}).")
  long seed = SampledRecall.DEFAULT_SEED;

  @Option(
      names = "--no-exact",
      description =
          "Skip the exact search of every paper (too costly for large corpora): the sampled"
              + " estimate only.")
  boolean noExact;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (noExact && sample < 1) {
      throw Bench.usage(spec, "--no-exact needs a sample (--sample M, M >= 1)");
    }
    List<Paper> papers = corpus.papers();
    int threads = corpus.threads;
    EngineOptions base = EngineOptions.defaults().withThreads(threads);
    PrintWriter out = spec.commandLine().getOut();
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
    out.printf(
        Locale.ROOT,
        "papers=%d k=%d vectors_s=%.1f (cpu %.1f) approximate_s=%.1f (cpu %.1f)%n",
        papers.size(),
        base.k(),
        (t1 - t0) / 1e9,
        (c1 - c0) / 1e9,
        (t2 - t1) / 1e9,
        (c2 - c1) / 1e9);
    out.flush();
    SampledRecall sampled = sample > 0 ? SampledRecall.measure(approximate, a, sample, seed) : null;
    if (sampled != null) {
      out.printf(
          Locale.ROOT,
          "sampled recall@k=%s seed=%d brute_force_s=%.1f (cpu %.1f)%n",
          sampled.describe(),
          seed,
          sampled.seconds(),
          sampled.cpuSeconds());
      out.flush();
    }
    if (!noExact) {
      long t3 = System.nanoTime();
      long c3 = BuildRun.processCpuNanos();
      SimilarityEngine exact =
          SimilarityEngine.of(vectors, base.withSearch(EngineOptions.Search.EXACT));
      int[][] e = exact.neighbourDocs();
      long t4 = System.nanoTime();
      long c4 = BuildRun.processCpuNanos();
      double full = recall(e, a);
      out.printf(
          Locale.ROOT,
          "recall@k=%.4f exact_s=%.1f (cpu %.1f)%s%n",
          full,
          (t4 - t3) / 1e9,
          (c4 - c3) / 1e9,
          sampled == null
              ? ""
              : " sampled estimate " + (sampled.covers(full) ? "covers" : "MISSES") + " it");
    }
    out.flush();
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
    double[] perPaper = SampledRecall.perPaperRecall(exact, approximate);
    double sum = 0;
    for (double r : perPaper) {
      sum += r;
    }
    return perPaper.length == 0 ? 1 : sum / perPaper.length;
  }
}
