package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the papergraph JSON Lines reader (see {@link ReaderFuzzing} for the property and the
 * budget).
 */
class NativeJsonlFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("merge", "arxiv");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.PAPERGRAPH_JSONL, data);
  }
}
