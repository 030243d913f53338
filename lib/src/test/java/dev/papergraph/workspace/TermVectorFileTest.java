package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.text.TermVectors;
import dev.papergraph.text.TextOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermVectorFileTest {

  @TempDir Path tmp;

  private static List<Paper> papers() {
    List<Paper> papers = new ArrayList<>();
    // ids beyond Latin-1, with a surrogate pair and an unpaired surrogate, which UTF-16 keeps
    papers.add(
        Paper.builder()
            .id("arxiv:2401.00001")
            .title("Post-training quantization of transformers")
            .abstractText("We quantize weights after training; quantized transformers are fast.")
            .build());
    papers.add(
        Paper.builder()
            .id("id:caf\u00e9-\u6570\u636e-\ud83d\ude00")
            .title("Quantization of diffusion models")
            .abstractText("Diffusion models quantized to four bits keep their quality.")
            .build());
    papers.add(
        Paper.builder()
            .id("id:half-\ud800")
            .title("Domain adaptation of transformers")
            .abstractText("Adapting transformers to a new domain after training.")
            .build());
    return papers;
  }

  /** The layout the class comment gives, written with the JDK's own DataOutputStream. */
  private static byte[] dataOutputStreamBytes(TermVectors v) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(bytes);
    int n = v.size();
    int nnz = v.end(n - 1);
    d.writeInt(0x50475456);
    d.writeInt(2);
    d.write(TermVectorFile.fingerprint(v.papers(), v.options()));
    d.writeInt(n);
    d.writeInt(v.vocabularySize());
    d.writeInt(nnz);
    for (Paper p : v.papers()) {
      d.writeInt(p.id().length());
      d.writeChars(p.id());
    }
    for (int t = 0; t < v.vocabularySize(); t++) {
      d.writeInt(v.term(t).length());
      d.writeChars(v.term(t));
    }
    for (int t = 0; t < v.vocabularySize(); t++) d.writeInt(v.docFrequency(t));
    for (int doc = 0; doc < n; doc++) d.writeInt(v.start(doc));
    d.writeInt(nnz);
    for (int p = 0; p < nnz; p++) d.writeInt(v.termAt(p));
    for (int p = 0; p < nnz; p++) d.writeFloat(v.countAt(p));
    for (int p = 0; p < nnz; p++) d.writeFloat(v.weightAt(p));
    for (int doc = 0; doc < n; doc++) d.writeByte(v.keptOccurrenceFields(doc));
    for (int doc = 0; doc < n; doc++) d.writeInt(v.keptOccurrences(doc).length);
    for (int doc = 0; doc < n; doc++) for (long o : v.keptOccurrences(doc)) d.writeLong(o);
    d.flush();
    return bytes.toByteArray();
  }

  @Test
  void writesTheBytesDataOutputStreamWritesAndReadsThemBack() throws IOException {
    List<Paper> papers = papers();
    TermVectors v = TermVectors.build(papers, TextOptions.DEFAULTS.withMinDf(1), 1);
    Path f = tmp.resolve("term-vectors.bin");
    TermVectorFile.write(f, v);
    byte[] written = Files.readAllBytes(f);
    assertArrayEquals(dataOutputStreamBytes(v), written);

    TermVectors back =
        TermVectorFile.read(
            new ByteArrayInputStream(written),
            written.length,
            papers,
            TextOptions.DEFAULTS.withMinDf(1));
    assertEquals(v.size(), back.size());
    assertEquals(v.vocabularySize(), back.vocabularySize());
    for (int i = 0; i < v.size(); i++)
      assertEquals(v.papers().get(i).id(), back.papers().get(i).id());
    for (int p = 0; p < v.end(v.size() - 1); p++) {
      assertEquals(v.termAt(p), back.termAt(p));
      assertEquals(Float.floatToIntBits(v.weightAt(p)), Float.floatToIntBits(back.weightAt(p)));
      assertEquals(Float.floatToIntBits(v.countAt(p)), Float.floatToIntBits(back.countAt(p)));
    }
  }

  @Test
  void aFileLargerThanTheWriteBufferIsWrittenWhole() throws IOException {
    // more than 64 KiB of values, so that the buffer fills and is flushed many times
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      papers.add(
          Paper.builder()
              .id("p" + i)
              .title("Paper " + i + " on topic" + (i % 37) + " and method" + (i % 11))
              .abstractText(
                  "We study word"
                      + i
                      + " with tool"
                      + (i % 13)
                      + ", data"
                      + (i % 7)
                      + " and model"
                      + (i % 5)
                      + " in setting"
                      + (i % 29)
                      + ".")
              .build());
    }
    TermVectors v = TermVectors.build(papers, TextOptions.DEFAULTS.withMinDf(1), 1);
    Path f = tmp.resolve("term-vectors.bin");
    TermVectorFile.write(f, v);
    byte[] expected = dataOutputStreamBytes(v);
    assertTrue(expected.length > 1 << 16, "the case needs more than one buffer");
    assertArrayEquals(expected, Files.readAllBytes(f));
  }
}
