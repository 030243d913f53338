package dev.papergraph.cli;

import dev.papergraph.read.Corpus;
import dev.papergraph.read.CorpusFormatException;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code papergraph build}: reads inputs (the bundled seed corpus by default) and reports. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = "Read papers and build the workspace. With no INPUT, reads the bundled seed corpus.")
final class BuildCommand implements Callable<Integer> {

  /** The classpath folder of the bundled default corpus (module testdata). */
  static final String BUNDLED = "papergraph/seed/hf-papers";

  @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files to read.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--format", description = "Force the input format (default: detected from content).")
  String format;

  @Override
  public Integer call() {
    try {
      Format forced = null;
      if (format != null) {
        forced = Format.byName(format).orElseThrow(() -> new CorpusFormatException(format, "unknown --format"));
      }
      List<InputSource> sources = new ArrayList<>();
      if (inputs.isEmpty()) {
        sources.addAll(Readers.bundled(BuildCommand.class.getClassLoader(), BUNDLED));
      } else {
        inputs.forEach(p -> sources.add(InputSource.of(p)));
      }
      Corpus corpus = Readers.standard().load(sources, forced);
      System.out.print(corpus.report().toText());
      return 0;
    } catch (IOException e) {
      System.err.println("papergraph: " + e.getMessage());
      return Main.EXIT_USER_ERROR;
    }
  }
}
