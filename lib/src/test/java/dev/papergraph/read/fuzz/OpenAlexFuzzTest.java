package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes the OpenAlex reader (see {@link ReaderFuzzing} for the property and the budget). */
class OpenAlexFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("openalex");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.OPENALEX, data);
  }
}
