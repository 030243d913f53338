package dev.papergraph.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.model.PartialDate;
import dev.papergraph.model.Topic;
import dev.papergraph.model.TopicSource;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class BibtexReaderTest {

  private static InputSource bib(String name) {
    return Fixtures.source("bibtex/" + name);
  }

  @Test
  void resolvesStringMacrosAndCrossrefAcrossFilesGivenTogether() {
    Corpus c =
        Fixtures.load(
            null,
            bib("abbrev.bib"),
            bib("journals.bib"),
            bib("authors.bib"),
            bib("iridia-articles-3.bib"),
            bib("iridia-biblio-crossref-3.bib"),
            bib("iridia-crossref-2.bib"));
    ImportReport r = c.report();
    assertEquals(8, r.read());
    assertEquals(8, r.imported());
    assertEquals(0, r.rejected());
    Paper abr = c.papers().get(0);
    assertEquals(
        "Simulated annealing cooling schedules for the school timetabling problem", abr.title());
    // Abramson_D #and# {Amoorthy, Mohan Krishna and Dang, Henry}, the macros from authors.bib
    assertEquals(List.of("David Abramson", "Mohan Krishna Amoorthy", "Henry Dang"), abr.authors());
    assertEquals("Asia-Pacific Journal of Operational Research", abr.venue());
    assertEquals(PartialDate.ofYear(1999), abr.date());
    Paper maxmin = c.papers().get(2);
    assertEquals("MaxMinAntSystem", maxmin.title());
    Paper aarts = byKey(c, "doi:10.1007/0-387-28356-0_7");
    assertEquals(List.of("Emile H. L. Aarts", "Jan H. M. Korst", "Wil Michiels"), aarts.authors());
    // crossref target read later, in another file: booktitle and year inherited
    assertEquals("Search Methodologies", aarts.venue());
    assertEquals(PartialDate.ofYear(2005), aarts.date());
    Paper abbass =
        c.papers().stream()
            .filter(p -> p.title().startsWith("The self-adaptive Pareto"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("Hussein A. Abbass"), abbass.authors());
    assertEquals(PartialDate.ofYear(2002), abbass.date());
    assertTrue(
        abbass.venue().contains("2002 Congress on Evolutionary Computation (CEC'02)"),
        abbass.venue());
    assertEquals(
        List.of(
            "formats/bibtex/iridia-biblio-crossref-3.bib: line 18: entry LimPoz2017automopso "
                + "cross-references cec2017, which was not read; read without inherited fields"),
        r.warnings().stream().map(w -> w.file() + ": " + w.message()).toList());
  }

  @Test
  void undefinedMacrosAreKeptAsNamesWithOneWarningPerFile() {
    Corpus c = Fixtures.load(Format.BIBTEX, bib("iridia-articles-3.bib"));
    assertEquals(3, c.size());
    assertEquals(
        List.of("Abramson_D", "Mohan Krishna Amoorthy", "Henry Dang"), c.papers().get(0).authors());
    assertEquals(1, c.report().warnings().size());
    assertTrue(
        c.report()
            .warnings()
            .get(0)
            .message()
            .startsWith("8 undefined @string macros kept as their names (e.g. Abramson_D)"),
        c.report().warnings().get(0).message());
  }

  @Test
  void readsBiblatexDateJournaltitleAbstractAndKeywords() {
    Corpus c = Fixtures.load(null, bib("jackkelly-biblatex-5.bib"));
    assertEquals(5, c.size());
    Paper p = c.papers().get(0);
    assertEquals("doi:10.1038/81453", p.id());
    assertEquals("Synaptic plasticity: taming the beast", p.title());
    assertEquals(List.of("Larry F Abbott", "Sacha B Nelson"), p.authors());
    assertEquals("Nature Neuroscience", p.venue());
    assertEquals(PartialDate.ofYear(2000), p.date());
    assertTrue(
        p.abstractText().startsWith("Synaptic plasticity provides the basis for most models"));
    assertEquals(
        List.of(
            new Topic("neuroscience", 1, TopicSource.KEYWORD),
            new Topic("synaptic plasticity", 1, TopicSource.KEYWORD)),
        p.topics());
    assertEquals("Conference on Technologies for Sustainability", c.papers().get(3).venue());
  }

  @Test
  void convertsLatexAccentsAndBracesToUnicode() {
    assertEquals(
        "Böhm über é ç – The ACO Book & more",
        BibtexReader.latex("B{\\\"o}hm \\\"{u}ber \\'e \\c{c} -- The {ACO} Book \\& more"));
    assertEquals("Nicandro Cruz-Ramírez", BibtexReader.latex("Nicandro Cruz-Ram{\\'i}rez"));
    assertEquals(
        List.of("de Lima, Ricardo", "Pozo, Aurora"),
        BibtexReader.splitAuthors("de Lima, Ricardo and Pozo, Aurora"));
    assertEquals(
        List.of("{Barnes and Noble}", "X"), BibtexReader.splitAuthors("{Barnes and Noble} and X"));
  }

  @Test
  void detectsBibtex() throws IOException {
    for (String f : List.of("abbrev.bib", "iridia-articles-3.bib", "jackkelly-biblatex-5.bib")) {
      assertEquals(Format.BIBTEX, Readers.standard().detect(bib(f)).orElseThrow(), f);
    }
  }

  /**
   * Entry counts per file from a regex over the files ({@code ^@type[{(]}, minus @string/@preamble).
   * About 4,400 entries: opt-in, {@code -Dpapergraph.slowTests=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "papergraph.slowTests", matches = "true")
  void readsTheWholeIridiaBibliographyWithItsMacroFiles() throws IOException {
    Path d = SharedData.require("corpus/formats/bibtex/iridia_references_cc0");
    Corpus c =
        Fixtures.load(
            null,
            InputSource.of(d.resolve("abbrev.bib")),
            InputSource.of(d.resolve("journals.bib")),
            InputSource.of(d.resolve("authors.bib")),
            InputSource.of(d.resolve("articles.bib")),
            InputSource.of(d.resolve("biblio.bib")),
            InputSource.of(d.resolve("crossref.bib")));
    ImportReport r = c.report();
    assertEquals(1509 + 1367 + 429, r.read());
    assertEquals(0, r.rejected(), r::toText);
    assertEquals(
        List.of(1509L, 1367L, 429L),
        r.files().subList(3, 6).stream().map(ImportReport.FileCounts::read).toList());
    assertTrue(r.warnings().stream().noneMatch(w -> w.message().contains("undefined")), r::toText);
    Path lib = SharedData.require("corpus/formats/bibtex/jackkelly_biblatex_library/library.bib");
    Corpus k = Fixtures.load(null, InputSource.of(lib));
    assertEquals(1064, k.report().read());
    assertEquals(0, k.report().rejected());
  }

  private static Paper byKey(Corpus c, String id) {
    return c.get(id).orElseThrow(() -> new AssertionError("no " + id));
  }
}
