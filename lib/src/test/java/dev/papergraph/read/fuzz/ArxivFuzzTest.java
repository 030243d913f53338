package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes the arXiv reader (see {@link ReaderFuzzing} for the property and the budget). */
class ArxivFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("arxiv");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.ARXIV, data);
  }
}
