package dev.papergraph.bench;

import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.model.Paper;
import dev.papergraph.model.Topic;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.NativeCorpus;
import dev.papergraph.read.Readers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: a corpus of any size whose text follows the real arXiv papers: for each
 * generated paper a real paper is drawn as its template (seeded); the new paper keeps the
 * template's categories, date and authors, and gets an abstract of as many sentences as the
 * template's, each drawn from a random real paper of the same primary category, and a title made of
 * the first half of one real title and the second half of another, both of that category. Term
 * frequencies, document lengths and the vocabulary of each category therefore follow the real ones,
 * while the text is new (no two generated papers are duplicates). Written as papergraph JSON Lines
 * ({@code .gz} compresses), read by {@code build} like any corpus.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes N papers whose text statistics follow the arXiv daily papers (sentences and title halves",
      "recombined within each primary category; categories, dates and authors kept), seeded."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  java -jar bench/target/papergraph-bench.jar generate -n 1000000 -o /tmp/arxiv-1m.jsonl.gz"
    })
final class GenerateCorpus implements Callable<Integer> {

  /** Sentence ends: a period, question or exclamation mark followed by space and a capital. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(\\[])");

  private static final Pattern SPACE = Pattern.compile("\\s+");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "INPUT",
      arity = "0..*",
      description =
          "The real papers: arXiv daily JSONL(.gz) files or folders (default: ${DEFAULT-VALUE}).")
  List<Path> inputs = new ArrayList<>(List.of(Bench.ARXIV_DAILY));

  @Option(names = "-n", required = true, description = "Papers to write.")
  int n;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "The corpus to write (.jsonl or .jsonl.gz).")
  Path out;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Override
  public Integer call() throws IOException {
    if (n < 1) {
      throw Bench.usage(spec, "-n must be at least 1: " + n);
    }
    List<InputSource> sources;
    try {
      sources = Bench.sources(inputs);
    } catch (NoSuchFileException e) {
      spec.commandLine().getErr().println("generate: " + e.getFile() + ": no such file or folder");
      return Bench.EXIT_USER_ERROR;
    }
    Corpus corpus = Readers.standard().load(sources, Format.ARXIV);
    List<Paper> real = corpus.papers();
    // per primary category: its papers' sentences and title halves
    Map<String, List<String>> sentences = new TreeMap<>();
    Map<String, List<String[]>> titles = new HashMap<>();
    List<String> primary = new ArrayList<>(real.size());
    List<Integer> sentenceCount = new ArrayList<>(real.size());
    for (Paper p : real) {
      String c = p.topics().isEmpty() ? "" : p.topics().get(0).term();
      primary.add(c);
      String[] s =
          p.abstractText() == null ? new String[0] : SENTENCE_END.split(p.abstractText().strip());
      sentenceCount.add(s.length);
      List<String> pool = sentences.computeIfAbsent(c, x -> new ArrayList<>());
      for (String x : s) {
        pool.add(SPACE.matcher(x).replaceAll(" "));
      }
      titles.computeIfAbsent(c, x -> new ArrayList<>()).add(SPACE.split(p.title().strip()));
    }
    SplittableRandom random = new SplittableRandom(seed);
    String digits = "%0" + Integer.toString(n).length() + "d";
    AtomicOutput.write(
        out,
        true,
        raw -> {
          OutputStream os =
              out.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
          List<Paper> batch = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int t = random.nextInt(real.size());
            Paper template = real.get(t);
            String c = primary.get(t);
            List<String> pool = sentences.get(c);
            StringBuilder abs = new StringBuilder();
            for (int s = 0; s < sentenceCount.get(t) && !pool.isEmpty(); s++) {
              if (s > 0) {
                abs.append(' ');
              }
              abs.append(pool.get(random.nextInt(pool.size())));
            }
            List<String[]> tp = titles.get(c);
            String[] a = tp.get(random.nextInt(tp.size()));
            String[] b = tp.get(random.nextInt(tp.size()));
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < (a.length + 1) / 2; w++) {
              title.append(a[w]).append(' ');
            }
            for (int w = b.length / 2; w < b.length; w++) {
              title.append(b[w]).append(' ');
            }
            List<Topic> topics = template.topics();
            batch.add(
                template.toBuilder()
                    .id("gen:" + String.format(Locale.ROOT, digits, i))
                    .title(title.toString().strip())
                    .abstractText(abs.length() == 0 ? null : abs.toString())
                    .ids(ExternalIds.NONE)
                    .topics(topics)
                    .provenance(List.of())
                    .build());
            if (batch.size() == 10_000) {
              NativeCorpus.writeJsonl(batch, os);
              batch.clear();
            }
          }
          NativeCorpus.writeJsonl(batch, os);
          if (os instanceof GZIPOutputStream g) {
            g.finish();
          }
          os.flush();
        });
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "generate: %d papers from %d real ones (%d categories), seed %d, to %s%n",
            n,
            real.size(),
            sentences.size(),
            seed,
            out);
    return 0;
  }
}
