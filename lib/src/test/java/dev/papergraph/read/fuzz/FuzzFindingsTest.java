package dev.papergraph.read.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.papergraph.read.Format;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzzers found that broke the readers' contract, kept as plain regression tests: each
 * must now be read or rejected with the declared per-file exception ({@link ReaderFuzzing#check}).
 */
class FuzzFindingsTest {

  @Test
  void jatsWithAnInvalidCharacterInItsDtdIsRejectedAsMalformedXml() throws IOException {
    ReaderFuzzing.check(Format.JATS, finding("jats-invalid-char-in-dtd.xml"));
  }

  @Test
  void pubMedXmlWithAnInvalidCharacterInItsDtdIsRejectedAsMalformedXml() throws IOException {
    ReaderFuzzing.check(Format.PUBMED_XML, finding("pubmed-invalid-char-in-dtd.xml"));
  }

  @Test
  void aZipWhoseEntryIsCutShortIsReportedAsDamaged() throws IOException {
    ReaderFuzzing.check(Format.PAPERGRAPH_JSON, finding("json-damaged-zip.zip"));
  }

  @Test
  void aZipWhoseCentralDirectoryIsCutShortIsReportedAsDamaged() throws IOException {
    ReaderFuzzing.check(
        Format.PAPERGRAPH_JSON, finding("json-zip-cut-short-central-directory.zip"));
  }

  private static byte[] finding(String name) throws IOException {
    try (InputStream in = FuzzFindingsTest.class.getResourceAsStream("findings/" + name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }
}
