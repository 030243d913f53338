package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the Semantic Scholar reader (see {@link ReaderFuzzing} for the property and the budget).
 */
class SemanticScholarFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("s2");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.SEMANTIC_SCHOLAR, data);
  }
}
