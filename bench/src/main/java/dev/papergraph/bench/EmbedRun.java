package dev.papergraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.papergraph.embed.MiniLmEmbeddingModel;
import dev.papergraph.embed.PaperEmbeddings;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.Paper;
import dev.papergraph.workspace.EmbeddingStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The embedding of papers alone, in its own JVM: what a build's embed stage runs ({@link
 * PaperEmbeddings#compute} with the default model, on an empty {@link EmbeddingStore}, the model
 * loaded by it), timed from the call to its return (model load included, reading excluded), with
 * its CPU seconds per thread group ({@link ThreadCpu}) and the peak RSS, as JSON. The reference the
 * semantic build is measured against (issue 13: the build within 1.2 times the embedding alone).
 */
@Command(
    name = "embed-run",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "The embedding of papers alone, measured (used by 'embed-alone' and 'build').")
final class EmbedRun implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CorpusSample corpus;

  @Option(names = "--json-out", paramLabel = "FILE", description = "Write the figures here.")
  Path jsonOut;

  @Override
  public Integer call() throws IOException {
    List<Paper> papers = corpus.papers();
    int threads = corpus.threads;
    ThreadCpu threadCpu = ThreadCpu.start();
    Map<String, Double> threads0 = threadCpu.seconds();
    long t0 = System.nanoTime();
    long c0 = BuildRun.processCpuNanos();
    PaperEmbeddings e =
        PaperEmbeddings.compute(
            papers,
            MiniLmEmbeddingModel.ID,
            () -> MiniLmEmbeddingModel.load(threads),
            EmbeddingStore.empty(),
            total -> {},
            done -> {},
            threads);
    long t1 = System.nanoTime();
    long c1 = BuildRun.processCpuNanos();
    double wall = (t1 - t0) / 1e9;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("papers", papers.size());
    figures.put("embedded", e.embedded());
    figures.put("threads", threads);
    figures.put("embed_s", wall);
    figures.put("embed_cpu_s", (c1 - c0) / 1e9);
    figures.put("papers_per_s", papers.size() / wall);
    figures.put("embed_thread_cpu_s", ThreadCpu.difference(threadCpu.seconds(), threads0));
    figures.put("jvm_uptime_s", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    figures.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    figures.put("peak_rss_mb", GraphRun.peakRssMb());
    String text =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures);
    if (jsonOut != null) {
      AtomicOutput.write(jsonOut, true, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
    }
    spec.commandLine().getOut().println(text);
    return 0;
  }
}
