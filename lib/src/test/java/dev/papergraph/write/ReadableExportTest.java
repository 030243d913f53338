package dev.papergraph.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.SharedData;
import dev.papergraph.text.TextCleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Issue 13: exports carry the readable title and abstract, never the source's markup. OpenAlex's
 * Oud_2018 abstracts (Karger) hold escaped HTML ({@code &lt;b&gt;&lt;i&gt;Background}); every
 * format is read back by its own parser and no text in it may hold an escaped or real {@code <b>} /
 * {@code <i>} tag, while the papers keep the source's text.
 */
class ReadableExportTest {

  private static final List<String> MARKUP = List.of("&lt;", "&gt;", "<b>", "</b>", "<i>", "</i>");

  @TempDir Path dir;

  @Test
  void oudExportsCarryNoEscapedHtmlInAnyFormat() throws Exception {
    Path works = SharedData.require("corpus/openalex-synergy/Oud_2018/works_1.zip");
    Corpus corpus = Readers.standard().load(List.of(InputSource.of(works)), Format.OPENALEX);
    // the papers with markup in their source text, and as many without, to link them to
    List<Paper> marked = new ArrayList<>();
    List<Paper> papers = new ArrayList<>();
    for (Paper p : corpus.papers()) {
      boolean markup = hasMarkup(p.title()) || hasMarkup(p.abstractText());
      if (markup) {
        marked.add(p);
      }
      if (markup || papers.size() < 2 * marked.size() + 50) {
        papers.add(p);
      }
    }
    assertTrue(marked.size() >= 10, "Oud_2018 papers with escaped HTML: " + marked.size());
    AnalysedGraph a = TestAnalyses.analyse(papers, 42);
    ExportModel m = new ExportModel(a, WriteOptions.defaults());
    for (Paper p : marked) {
      assertTrue(
          hasMarkup(a.graph().papers().get(p.id()).title())
              || hasMarkup(a.graph().papers().get(p.id()).abstractText()),
          "the analysis keeps the source's text");
      assertEquals(TextCleaner.readable(p.abstractText()), m.abstractText(p.id()));
    }
    int checked = 0;
    for (ExportFormat f : ExportFormat.values()) {
      for (Path file :
          Exports.write(
              a, f, dir.resolve("oud-" + f.key() + f.extension()), WriteOptions.defaults())) {
        String text = Files.readString(file);
        String where = file.getFileName().toString();
        Consumer<String> clean = s -> assertNoMarkup(s, where);
        switch (f) {
          case GRAPHML, GEXF -> {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            walk(dbf.newDocumentBuilder().parse(file.toFile()), clean);
          }
          case JSON -> walk(new ObjectMapper().readTree(text), clean);
          case HTML -> walk(HtmlWriterTest.data(text), clean);
          case VOSVIEWER -> {
            for (JsonNode item : new ObjectMapper().readTree(text).at("/network/items")) {
              clean.accept(item.get("label").asText());
              // the description is HTML on purpose: its title is escaped once, never twice
              String d = item.get("description").asText();
              assertFalse(d.contains("&amp;lt;") || d.contains("&lt;b&gt;"), where + ": " + d);
            }
          }
          case CSV, DOT -> clean.accept(text); // neither escapes < or &
        }
        checked++;
      }
    }
    assertEquals(ExportFormat.values().length + 1, checked, "CSV writes two files");
  }

  private static boolean hasMarkup(String s) {
    return s != null && MARKUP.stream().anyMatch(s.toLowerCase(Locale.ROOT)::contains);
  }

  private static void assertNoMarkup(String s, String where) {
    assertFalse(
        hasMarkup(s),
        () -> {
          String lower = s.toLowerCase(Locale.ROOT);
          int at = MARKUP.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
          return where + ": " + s.substring(Math.max(0, at - 60), Math.min(s.length(), at + 60));
        });
  }

  private static void walk(JsonNode n, Consumer<String> text) {
    if (n.isTextual()) {
      text.accept(n.asText());
    }
    n.forEach(child -> walk(child, text));
  }

  private static void walk(Node n, Consumer<String> text) {
    if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
      text.accept(n.getNodeValue());
    }
    NamedNodeMap attrs = n.getAttributes();
    for (int i = 0; attrs != null && i < attrs.getLength(); i++) {
      text.accept(attrs.item(i).getNodeValue());
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      walk(c, text);
    }
  }
}
