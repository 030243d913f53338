package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts from formats/pubmed/pubmed_reference_counts.py (xml.etree). */
class PubMedAndJatsReaderTest {

  @Test
  void readsEfetchPubmedArticleSet() {
    Corpus c =
        Fixtures.load(Format.PUBMED_XML, Fixtures.source("pubmed/asreview_pubmed_efetch.xml"));
    assertEquals(10, c.size());
    assertEquals(7, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(
        95,
        c.papers().stream()
            .mapToLong(p -> p.topics().stream().filter(t -> t.source() == TopicSource.MESH).count())
            .sum());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1016/j.bjoms.2019.09.011", p.id());
    assertEquals("31690499", p.ids().pmid());
    assertEquals(
        "A new decompression device for treating odontogenic cysts using a silicone tube.",
        p.title());
    assertEquals(List.of("M Kimura", "K Ishibashi"), p.authors().subList(0, 2));
    assertEquals(PartialDate.of(2019, 11, 2), p.date());
    assertEquals("The British journal of oral & maxillofacial surgery", p.venue());
  }

  @Test
  void readsSingleArticleWithMeshWeights() {
    Paper p =
        Fixtures.load(Format.PUBMED_XML, Fixtures.source("pubmed/pubmed-29768149.xml"))
            .papers()
            .get(0);
    assertEquals("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.", p.title());
    assertEquals(PartialDate.of(2018, 5, 17), p.date());
    assertEquals(23, p.topics().size());
    assertEquals(new Topic("Administration, Inhalation", 0.5, TopicSource.MESH), p.topics().get(0));
  }

  @Test
  void readsCurrentMedlineWithReferenceList() {
    Corpus c =
        Fixtures.load(Format.PUBMED_XML, Fixtures.source("pubmed/test_current_medline.xml.gz"));
    assertEquals(4, c.size());
    assertEquals(3, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(127, c.papers().stream().mapToLong(p -> p.references().size()).sum());
  }

  @Test
  void readsMedline2016CitationSet() throws IOException {
    Path f = SharedData.require("corpus/formats/pubmed_pmc_xml/medline16n0902.xml.gz");
    Corpus c = Fixtures.load(null, InputSource.of(f));
    assertEquals(604, c.report().read());
    assertEquals(604, c.size());
    assertEquals(526, c.papers().stream().filter(p -> p.abstractText() != null).count());
    assertEquals(
        1404,
        c.papers().stream()
            .mapToLong(p -> p.topics().stream().filter(t -> t.source() == TopicSource.MESH).count())
            .sum());
    assertTrue(
        c.papers()
            .get(0)
            .abstractText()
            .startsWith("An auditory electrophysiological study was conducted"));
  }

  @Test
  void readsJatsArticleWithReferenceList() {
    Corpus c =
        Fixtures.load(
            Format.JATS,
            Fixtures.source("pubmed/1472-6831-8-11.nxml"),
            Fixtures.source("pubmed/pone.0000217.nxml"));
    assertEquals(2, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1186/1472-6831-8-11", p.id());
    assertEquals("18405359", p.ids().pmid());
    assertTrue(
        p.title().startsWith("The Dutch version of the Oral Health Impact Profile (OHIP-NL"));
    assertEquals(PartialDate.of(2008, 4, 11), p.date());
    assertEquals(4, p.authors().size());
    assertEquals(28, p.references().size());
    assertEquals(26, c.papers().get(1).references().size());
    assertTrue(p.abstractText().length() > 200 && !p.abstractText().contains("<"));
  }

  @Test
  void readsEveryPmcArticleReferenceList() throws IOException {
    Path dir = SharedData.require("corpus/formats/pubmed_pmc_xml/pmc_jats");
    int[] expected = {60, 28, 31, 52, 30, 21, 26, 44};
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(f -> f.toString().endsWith(".nxml")).sorted().toList();
    }
    assertEquals(8, files.size());
    for (int i = 0; i < files.size(); i++) {
      Corpus c = Fixtures.load(null, InputSource.of(files.get(i)));
      assertEquals(1, c.size(), files.get(i).toString());
      assertEquals(expected[i], c.papers().get(0).references().size(), files.get(i).toString());
    }
  }

  @Test
  void detectsPubmedAndJats() throws IOException {
    for (String f :
        List.of(
            "asreview_pubmed_efetch.xml", "pubmed-29768149.xml", "test_current_medline.xml.gz")) {
      assertEquals(
          Format.PUBMED_XML,
          Readers.standard().detect(Fixtures.source("pubmed/" + f)).orElseThrow(),
          f);
    }
    for (String f : List.of("1472-6831-8-11.nxml", "pone.0000217.nxml")) {
      assertEquals(
          Format.JATS, Readers.standard().detect(Fixtures.source("pubmed/" + f)).orElseThrow(), f);
    }
  }
}
