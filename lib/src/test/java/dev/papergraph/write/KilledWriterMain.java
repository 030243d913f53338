package dev.papergraph.write;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Child process of {@link AtomicWriteTest}: exports the seed analysis as GraphML to {@code args[0]}
 * through the writers' own atomic path, over a stream slowed to about 100 KB/s so that the parent
 * can kill it mid-write.
 */
public final class KilledWriterMain {

  private KilledWriterMain() {}

  public static void main(String[] args) throws Exception {
    AnalysedGraph a = TestAnalyses.seed();
    StreamGraphWriter slow =
        new StreamGraphWriter() {
          @Override
          public ExportFormat format() {
            return ExportFormat.GRAPHML;
          }

          @Override
          public void write(AnalysedGraph analysis, WriteOptions options, OutputStream out)
              throws IOException {
            new GraphmlWriter().write(analysis, options, new Throttled(out));
          }
        };
    System.out.println("writing");
    System.out.flush();
    slow.write(a, Path.of(args[0]), WriteOptions.defaults().withOverwrite(true));
    System.out.println("done");
  }

  /** Flushes and pauses every 8 KiB. */
  static final class Throttled extends FilterOutputStream {
    private long written;

    Throttled(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      if (++written % 8192 == 0) {
        out.flush();
        try {
          Thread.sleep(80);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException();
        }
      }
    }
  }
}
