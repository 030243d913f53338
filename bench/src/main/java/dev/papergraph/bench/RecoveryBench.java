package dev.papergraph.bench;

import dev.papergraph.embed.MiniLmEmbeddingModel;
import dev.papergraph.embed.PaperEmbeddings;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.CitationRecovery;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.FusedSimilarity;
import dev.papergraph.similarity.Neighbour;
import dev.papergraph.similarity.PaperSimilarity;
import dev.papergraph.similarity.SemanticModelInfo;
import dev.papergraph.similarity.SimilarityEngine;
import dev.papergraph.workspace.EmbeddingStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph bench recovery}: each OpenAlex work's top-10 neighbours of the default build
 * with the citation weights 0 (text and topics), as the TSV that {@code citation_recovery.py}
 * scores, and papergraph's own precision@10 of them.
 */
@Command(
    name = "recovery",
    mixinStandardHelpOptions = true,
    description = {
      "Top-10 neighbours of OpenAlex works (the default build's weights, citations 0), as",
      "'openalex_id<TAB>neighbour_id<TAB>score' lines",
      "for citation_recovery.py, and their precision@10 against the works' citations (on stderr)."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar recovery Oud_2018/works_1.zip -o oud.tsv",
      "  /usr/bin/python3 citation_recovery.py Oud_2018/works_1.zip oud.tsv"
    })
final class RecoveryBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "WORKS",
      description = "OpenAlex works: a zip of JSON arrays, JSON or JSONL.")
  Path works;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the TSV here (default: standard output).")
  Path out;

  @Option(names = "-k", description = "Neighbours per work (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Mixin TextOptionsMixin text;

  @Option(
      names = "--semantic-weight",
      split = ",",
      paramLabel = "W",
      description = {
        "Semantic share of the text score; several (comma-separated) print one p@k each and",
        "write the first's TSV; 0 is lexical only (default: the engine's default, ${DEFAULT-VALUE})."
      })
  List<Double> semanticWeights = List.of(EngineOptions.SEMANTIC_WEIGHT_DEFAULT);

  @Option(
      names = "--topic-weight",
      paramLabel = "W",
      description =
          "Weight of the topic component beside text "
              + EngineOptions.TEXT_WEIGHT_DEFAULT
              + " (default: the build's, ${DEFAULT-VALUE}; 0 is text only; citation weights are"
              + " always 0 here).")
  double topicWeight = EngineOptions.TOPIC_WEIGHT_DEFAULT;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Keep the works' embeddings in this folder between runs (a workspace's embeddings/ format).")
  Path cache;

  @Option(
      names = "--long-text",
      paramLabel = "RULE",
      description =
          "How a text longer than the model's 128 tokens is read: ${COMPLETION-CANDIDATES}"
              + " (default: ${DEFAULT-VALUE}).")
  MiniLmEmbeddingModel.LongText longText = MiniLmEmbeddingModel.LongText.HEAD_AND_TAIL;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(works)) {
      spec.commandLine()
          .getErr()
          .println("papergraph: " + works + ": no such file (give a SET/works_1.zip)");
      return Bench.EXIT_USER_ERROR;
    }
    EngineOptions options;
    try {
      options =
          EngineOptions.defaults()
              .withWeights(EngineOptions.TEXT_WEIGHT_DEFAULT, topicWeight, 0, 0, 0)
              .withMinScore(0)
              .withK(k)
              .withText(text.toOptions());
    } catch (IllegalArgumentException e) {
      throw Bench.usage(spec, e.getMessage());
    }
    Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
    SimilarityEngine lexical = SimilarityEngine.of(corpus.papers(), options);
    float[][] vectors = null;
    PaperSimilarity engine = null;
    for (double w : semanticWeights) {
      PaperSimilarity sim;
      if (w == 0) {
        sim = lexical;
      } else {
        if (vectors == null) {
          vectors = embeddings(lexical);
        }
        sim =
            FusedSimilarity.of(
                SimilarityEngine.of(corpus.papers(), options.withSemanticWeight(w)),
                vectors,
                new SemanticModelInfo(
                    modelId(), modelId(), MiniLmEmbeddingModel.ARTIFACT_VERSION, "-", 384));
      }
      if (engine == null) {
        engine = sim;
      }
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "%s: works=%d semantic=%.2f p@%d=%.4f%n",
              works,
              corpus.size(),
              w,
              k,
              CitationRecovery.precisionAtK(sim, k));
    }
    final PaperSimilarity first = engine;
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      write(first, corpus, w);
      w.flush();
    } else {
      AtomicOutput.write(
          out,
          true,
          (OutputStream os) -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            write(first, corpus, w);
            w.flush();
          });
    }
    spec.commandLine()
        .getErr()
        .printf(Locale.ROOT, "%s: (papergraph's count; %s)%n", works, options.text().toMap(""));
    return 0;
  }

  private String modelId() {
    return longText.modelId();
  }

  private float[][] embeddings(SimilarityEngine lexical) throws IOException {
    EmbeddingStore store = cache == null ? EmbeddingStore.empty() : EmbeddingStore.load(cache);
    long t0 = System.nanoTime();
    PaperEmbeddings e =
        PaperEmbeddings.compute(
            lexical.vectors().papers(),
            modelId(),
            () -> MiniLmEmbeddingModel.load(lexical.options().threads(), longText),
            store,
            total -> {},
            n -> {},
            lexical.options().threads());
    double s = (System.nanoTime() - t0) / 1e9;
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "embedded %d texts in %.1f s (%.1f/s)%n",
            e.embedded(),
            s,
            e.embedded() / Math.max(s, 1e-9));
    if (cache != null && e.embedded() > 0) {
      store.save(cache, null);
    }
    return e.vectors();
  }

  private static void write(PaperSimilarity engine, Corpus corpus, PrintWriter w) {
    for (Paper p : corpus.papers()) {
      if (p.ids().openalex() == null) {
        continue;
      }
      for (Neighbour nb : engine.neighbours(p.id())) {
        Paper q = corpus.get(nb.id()).orElseThrow();
        if (q.ids().openalex() != null) {
          w.printf(
              Locale.ROOT,
              "https://openalex.org/%s\thttps://openalex.org/%s\t%.6f%n",
              p.ids().openalex(),
              q.ids().openalex(),
              nb.score());
        }
      }
    }
  }
}
