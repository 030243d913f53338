package dev.papergraph.read;

import java.io.IOException;

/**
 * Reads Web of Science tagged export (PT J … ER), streaming line by line; see {@link TaggedRecords}
 * for the mapping. A record without a title, or cut off before its end, is rejected with the line
 * it starts on.
 */
public final class WosReader implements CorpusReader {

  @Override
  public Format format() {
    return Format.WOS;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    TaggedRecords.read(source, sink, TaggedRecords.Dialect.WOS);
  }
}
