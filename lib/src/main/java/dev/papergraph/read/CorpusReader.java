package dev.papergraph.read;

import java.io.IOException;

/**
 * Reads one input format into papers, streaming: a reader holds at most one record in memory beyond
 * what the sink keeps (a batch of records when it shares their work between threads). A broken
 * record is passed to {@link RecordSink#reject} with its position and reason and reading goes on;
 * only input that cannot be read at all (not this format, unreadable file) throws.
 */
public interface CorpusReader {

  /** The format this reader reads. */
  Format format();

  /**
   * Reads every record of the source into the sink.
   *
   * @throws CorpusFormatException if the source as a whole is not of this format
   * @throws IOException if the source cannot be read
   */
  void read(InputSource source, RecordSink sink) throws IOException;

  /**
   * Reads every record of the source into the sink as {@link #read(InputSource, RecordSink)} does,
   * with up to {@code threads} threads for the work of one record (parsing, binding) where the
   * reader can share it; the sink gets the same calls in the same order, on the calling thread.
   * Readers that cannot share it read on the calling thread.
   *
   * @param threads the thread option, at least 1
   * @throws IllegalArgumentException if threads is below 1
   */
  default void read(InputSource source, RecordSink sink, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    read(source, sink);
  }
}
