package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The readers are made on first use: each format still gets its own reader, made once. */
class ReadersTest {

  @Test
  void everyFormatHasItsReaderMadeOnce() {
    Readers readers = Readers.standard();
    for (Format f : Format.values()) {
      CorpusReader r = readers.reader(f);
      assertEquals(f, r.format(), "the reader for " + f);
      assertSame(r, readers.reader(f), "the reader for " + f + " is made once");
    }
  }

  @Test
  void withReplacesOneReaderAndKeepsTheOthers() {
    Readers standard = Readers.standard();
    CsvReader mapped = new CsvReader(CsvReader.Mapping.parse("title=TI"));
    Readers with = standard.with(mapped);
    assertSame(mapped, with.reader(Format.CSV));
    assertNotSame(mapped, standard.reader(Format.CSV));
    assertEquals(Format.BIBTEX, with.reader(Format.BIBTEX).format());
  }
}
