package dev.papergraph.read;

import dev.papergraph.model.Paper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bounded-heap check of the readers, run in its own JVM with a small heap (see {@link
 * StreamingHeapTest}, opt-in): generates a JSON Lines file of arXiv daily records of the given size
 * (when absent) and reads it with {@link ArxivReader} into a sink that only counts, printing {@code
 * records=N rejected=N bytes=N maxHeapMiB=N peakHeapMiB=N}.
 *
 * <p>The corpus itself keeps every paper it imports; this checks that reading does not hold more
 * than one record, whatever the file size.
 *
 * <pre>
 * java -Xmx256m -cp lib/target/classes:lib/target/test-classes:$(deps) dev.papergraph.read.StreamingCheck /tmp/big.jsonl 1073741824
 * </pre>
 */
public final class StreamingCheck {

  private StreamingCheck() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long bytes = args.length > 1 ? Long.parseLong(args[1]) : 1L << 30;
    if (!Files.exists(file)) {
      generate(file, bytes);
    }
    long[] counts = new long[3];
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(Paper paper) {
            counts[0]++;
            counts[2] += paper.title().length();
          }

          @Override
          public void reject(ImportIssue issue) {
            counts[1]++;
          }

          @Override
          public void warn(String f, String message) {}
        };
    new ArxivReader().read(InputSource.of(file), sink);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "records=%d rejected=%d bytes=%d maxHeapMiB=%d peakHeapMiB=%d%n",
        counts[0],
        counts[1],
        Files.size(file),
        Runtime.getRuntime().maxMemory() >> 20,
        peak >> 20);
  }

  /** Writes arXiv daily-style records with distinct ids until the file reaches {@code bytes}. */
  static void generate(Path file, long bytes) throws IOException {
    String abstractText =
        ("Sensor simulation is pivotal for scalable validation of autonomous driving systems, "
                + "yet existing methods face applicability and efficiency challenges in industrial workflows. ")
            .repeat(8);
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = 0; written < bytes; i++) {
        long month = i / 99_999;
        int yymm = (int) (8 + month / 12 % 17) * 100 + (int) (1 + month % 12);
        String id = String.format(Locale.ROOT, "%04d.%05d", yymm, 1 + i % 99_999);
        String line =
            "{\"id\": \""
                + id
                + "\", \"authors\": [\"A. Author\", \"B. Author\"], \"title\": \"Generated paper "
                + i
                + "\", \"categories\": [\"cs.CV\", \"cs.RO\"], \"comment\": null, \"summary\": \""
                + abstractText
                + "\"}\n";
        w.write(line);
        written += line.length();
      }
    }
  }
}
