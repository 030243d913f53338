package dev.papergraph.read;

import java.io.IOException;

/**
 * Reads one input format into papers, streaming: a reader holds at most one record in memory beyond
 * what the sink keeps. A broken record is passed to {@link RecordSink#reject} with its position and
 * reason and reading goes on; only input that cannot be read at all (not this format, unreadable
 * file) throws.
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
}
