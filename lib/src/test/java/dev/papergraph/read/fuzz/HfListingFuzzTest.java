package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the daily-papers listing reader (see {@link ReaderFuzzing} for the property and the
 * budget).
 */
class HfListingFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("merge");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.HF_LISTING, data);
  }
}
