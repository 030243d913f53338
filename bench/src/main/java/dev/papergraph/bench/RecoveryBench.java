package dev.papergraph.bench;

import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.similarity.CitationRecovery;
import dev.papergraph.similarity.EngineOptions;
import dev.papergraph.similarity.Neighbour;
import dev.papergraph.similarity.SimilarityEngine;
import java.io.IOException;
import java.io.OutputStream;
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
 * {@code papergraph bench recovery}: each OpenAlex work's top-10 text-only neighbours as the TSV
 * that {@code citation_recovery.py} scores, and papergraph's own precision@10 of them.
 */
@Command(name = "recovery", mixinStandardHelpOptions = true,
    description = {
        "Text-only top-10 neighbours of OpenAlex works, as 'openalex_id<TAB>neighbour_id<TAB>score' lines",
        "for citation_recovery.py, and their precision@10 against the works' citations (on stderr)."},
    footerHeading = "%nExample:%n",
    footer = {
        "  java -jar bench/target/papergraph-bench.jar recovery Oud_2018/works_1.zip -o oud.tsv",
        "  /usr/bin/python3 citation_recovery.py Oud_2018/works_1.zip oud.tsv"})
final class RecoveryBench implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "WORKS", description = "OpenAlex works: a zip of JSON arrays, JSON or JSONL.")
  Path works;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the TSV here (default: standard output).")
  Path out;

  @Option(names = "-k", description = "Neighbours per work (default: ${DEFAULT-VALUE}).")
  int k = 10;

  @Mixin TextOptionsMixin text;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(works)) {
      spec.commandLine().getErr().println("papergraph: " + works + ": no such file (give a SET/works_1.zip)");
      return Bench.EXIT_USER_ERROR;
    }
    EngineOptions options;
    try {
      options = EngineOptions.defaults().textOnly().withMinScore(0).withK(k).withText(text.toOptions());
    } catch (IllegalArgumentException e) {
      throw Bench.usage(spec, e.getMessage());
    }
    Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
    SimilarityEngine engine = SimilarityEngine.of(corpus.papers(), options);
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      write(engine, corpus, w);
      w.flush();
    } else {
      AtomicOutput.write(out, true, (OutputStream os) -> {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8));
        write(engine, corpus, w);
        w.flush();
      });
    }
    spec.commandLine().getErr().printf(Locale.ROOT, "%s: works=%d p@%d=%.4f (papergraph's count; %s)%n",
        works, corpus.size(), k, CitationRecovery.precisionAtK(engine, k), options.text().toMap(""));
    return 0;
  }

  private static void write(SimilarityEngine engine, Corpus corpus, PrintWriter w) {
    for (Paper p : corpus.papers()) {
      if (p.ids().openalex() == null) {
        continue;
      }
      for (Neighbour nb : engine.neighbours(p.id())) {
        Paper q = corpus.get(nb.id()).orElseThrow();
        if (q.ids().openalex() != null) {
          w.printf(Locale.ROOT, "https://openalex.org/%s\thttps://openalex.org/%s\t%.6f%n",
              p.ids().openalex(), q.ids().openalex(), nb.score());
        }
      }
    }
  }
}
