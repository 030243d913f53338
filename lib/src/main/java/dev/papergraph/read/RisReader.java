package dev.papergraph.read;

import java.io.IOException;

/**
 * Reads RIS exports (Zotero, EndNote, Scopus, Ovid, ProQuest, Embase, Web of Science RIS),
 * streaming line by line; see {@link TaggedRecords} for the mapping. A record without a title, or
 * cut off before its end, is rejected with the line it starts on.
 */
public final class RisReader implements CorpusReader {

  @Override
  public Format format() {
    return Format.RIS;
  }

  @Override
  public void read(InputSource source, RecordSink sink) throws IOException {
    TaggedRecords.read(source, sink, TaggedRecords.Dialect.RIS);
  }
}
