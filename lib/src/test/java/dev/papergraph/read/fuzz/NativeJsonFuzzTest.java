package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the papergraph corpus JSON reader (see {@link ReaderFuzzing} for the property and the
 * budget).
 */
class NativeJsonFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("merge", "openalex");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.PAPERGRAPH_JSON, data);
  }
}
