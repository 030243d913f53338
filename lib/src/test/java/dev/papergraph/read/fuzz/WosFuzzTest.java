package dev.papergraph.read.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.papergraph.read.Format;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the Web of Science tagged reader (see {@link ReaderFuzzing} for the property and the
 * budget).
 */
class WosFuzzTest {

  static Stream<byte[]> seeds() {
    return ReaderFuzzing.seeds("ris");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "")
  void read(byte[] data) {
    ReaderFuzzing.check(Format.WOS, data);
  }
}
