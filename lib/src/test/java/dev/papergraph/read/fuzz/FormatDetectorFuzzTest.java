package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes format detection and then reading in the detected format (see {@link ReaderFuzzing} for
 * the property and the budget).
 */
class FormatDetectorFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds(
        "arxiv", "bibtex", "crossref", "csv", "merge", "openalex", "pubmed", "ris", "s2");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void detectAndRead(byte[] data) {
    ReaderFuzzing.detect(data);
    ReaderFuzzing.check(null, data);
  }
}
