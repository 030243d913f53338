package dev.papergraph.bench;

import dev.papergraph.embed.MiniLmEmbeddingModel;
import dev.papergraph.embed.PaperEmbeddings;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.FusedSimilarity;
import dev.papergraph.similarity.SemanticModelInfo;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.text.TermVectors;
import dev.papergraph.workspace.EmbeddingStore;
import java.io.IOException;
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
 * {@code fused-recall}: the fused (lexical + semantic) top-k from candidates against the exact
 * fused top-k on the same papers, embeddings and options: recall@k, each search's wall and CPU
 * time, and the embedding time (texts not in the cache folder are embedded and added to it).
 */
@Command(
    name = "fused-recall",
    mixinStandardHelpOptions = true,
    description = {
      "Recall@k of the fused top-k from candidates (--search approximate) against the exact fused",
      "top-k, both times, and the time to embed the texts missing from the cache."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar fused-recall ../shared/corpus/arxiv-daily/daily \\",
      "      -n 10000 --cache /work/embcache/arxiv"
    })
final class FusedRecallBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CorpusSample corpus;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      required = true,
      description = "Embeddings folder (a workspace's embeddings/ format), read and extended.")
  Path cache;

  @Override
  public Integer call() throws IOException {
    List<Paper> papers = corpus.papers();
    int threads = corpus.threads;
    EngineOptions base = EngineOptions.defaults().withThreads(threads);
    TermVectors vectors = TermVectors.build(papers, base.text(), threads);

    String modelId = MiniLmEmbeddingModel.ID;
    EmbeddingStore store = EmbeddingStore.load(cache);
    long t0 = System.nanoTime();
    long c0 = BuildRun.processCpuNanos();
    PaperEmbeddings e =
        PaperEmbeddings.compute(
            vectors.papers(),
            modelId,
            () -> MiniLmEmbeddingModel.load(threads),
            store,
            total -> {},
            x -> {},
            threads);
    long t1 = System.nanoTime();
    long c1 = BuildRun.processCpuNanos();
    if (e.embedded() > 0) {
      store.save(cache, null);
    }
    SemanticModelInfo model = new SemanticModelInfo(modelId, modelId, "-", "-", 384);

    long t2 = System.nanoTime();
    long c2 = BuildRun.processCpuNanos();
    int[][] exact =
        FusedSimilarity.of(
                SimilarityEngine.of(vectors, base.withSearch(EngineOptions.Search.EXACT)),
                e.vectors(),
                model)
            .neighbourDocs();
    long t3 = System.nanoTime();
    long c3 = BuildRun.processCpuNanos();
    int[][] approximate =
        FusedSimilarity.of(
                SimilarityEngine.of(vectors, base.withSearch(EngineOptions.Search.APPROXIMATE)),
                e.vectors(),
                model)
            .neighbourDocs();
    long t4 = System.nanoTime();
    long c4 = BuildRun.processCpuNanos();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "papers=%d k=%d recall@k=%.4f embedded=%d embed_s=%.1f (cpu %.1f)"
                + " exact_s=%.1f (cpu %.1f) candidates_s=%.1f (cpu %.1f)%n",
            papers.size(),
            base.k(),
            RecallBench.recall(exact, approximate),
            e.embedded(),
            (t1 - t0) / 1e9,
            (c1 - c0) / 1e9,
            (t3 - t2) / 1e9,
            (c3 - c2) / 1e9,
            (t4 - t3) / 1e9,
            (c4 - c3) / 1e9);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
