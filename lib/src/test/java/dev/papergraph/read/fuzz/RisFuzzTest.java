package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes the RIS reader (see {@link ReaderFuzzing} for the property and the budget). */
class RisFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("ris");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.RIS, data);
  }
}
