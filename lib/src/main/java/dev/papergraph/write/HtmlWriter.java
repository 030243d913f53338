package dev.papergraph.write;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.SharedTerm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A one-file interactive web map: an HTML page with cytoscape.js inlined (read from the {@code
 * org.webjars.npm:cytoscape} WebJar on the class path when the file is written) and the map's data,
 * so it opens offline from a {@code file://} URL or an e-mail attachment; a Content-Security-Policy
 * forbids the page any request.
 *
 * <p>The map: papers at papergraph's layout positions (cytoscape's {@code preset} layout, no layout
 * in the browser), coloured by community ({@link Palette}) with the legend, sized by the centrality
 * of {@link WriteOptions#sizeBy()}, a label over each community; a paper's title on hover; on click
 * a side panel with its authors, date, venue, ids as links (DOI, arXiv, OpenAlex, PubMed), abstract
 * and its ten most similar papers with the similarity's components and shared terms; a search box
 * (titles, authors, ids; Enter goes to the first match); the legend's boxes filter communities; a
 * slider hides links below a similarity; when years are known, a year range.
 *
 * <p>Embedding: the data is JSON in a {@code <script type="application/json">} element, with {@code
 * <}, {@code >}, {@code &}, U+2028 and U+2029 written as {@code \}{@code uXXXX} escapes (so no text
 * can close the element or break the script), lone surrogates as U+FFFD; the page builds the panel
 * with {@code textContent} only, so titles and abstracts are never parsed as HTML.
 */
public final class HtmlWriter implements StreamGraphWriter {

  private static final String TEMPLATE = "webmap.html";
  private static final String WEBJAR = "META-INF/resources/webjars/cytoscape/";
  private static final String WEBJAR_POM =
      "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";

  @Override
  public ExportFormat format() {
    return ExportFormat.HTML;
  }

  @Override
  public void write(AnalysedGraph analysis, WriteOptions options, OutputStream out)
      throws IOException {
    ExportModel m = new ExportModel(analysis, options);
    String template = resource(HtmlWriter.class.getResourceAsStream(TEMPLATE), TEMPLATE);
    String title =
        "papergraph map · "
            + m.ids().size()
            + " papers · "
            + m.edges().size()
            + " similarity links"
            + (m.isSubset() ? " (part of a larger map)" : "");
    String page = fill(template, "@TITLE@", html(title));
    page =
        fill(
            page,
            "@GENERATOR@",
            html(analysis.manifest().tool() == null ? "papergraph" : analysis.manifest().tool()));
    page = fill(page, "@DATA@", scriptSafe(data(m, options, title)));
    page = fill(page, "@CYTOSCAPE@", cytoscape());
    out.write(page.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The cytoscape.js the page inlines, from the WebJar on the class path. */
  static String cytoscape() throws IOException {
    ClassLoader loader = HtmlWriter.class.getClassLoader();
    Properties pom = new Properties();
    try (InputStream in = loader.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException(
            "the cytoscape WebJar is not on the class path (" + WEBJAR_POM + ")");
      }
      pom.load(in);
    }
    String path = WEBJAR + pom.getProperty("version") + "/dist/cytoscape.min.js";
    String js = resource(loader.getResourceAsStream(path), path);
    if (js.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalStateException(path + " contains </script and cannot be inlined");
    }
    return js;
  }

  private static String resource(InputStream in, String name) throws IOException {
    if (in == null) {
      throw new IllegalStateException("resource missing from the class path: " + name);
    }
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String fill(String page, String placeholder, String value) {
    int at = page.indexOf(placeholder);
    if (at < 0 || page.indexOf(placeholder, at + 1) >= 0) {
      throw new IllegalStateException(
          "the web map template needs " + placeholder + " exactly once");
    }
    return page.substring(0, at) + value + page.substring(at + placeholder.length());
  }

  /**
   * JSON text made safe inside a script element: {@code < > &} and the two JavaScript line
   * terminators U+2028, U+2029 as escapes (they occur in JSON strings only, where the escape means
   * the same character).
   */
  static String scriptSafe(String json) {
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String html(String s) {
    return Values.wellFormed(s)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String data(ExportModel m, WriteOptions options, String title) throws IOException {
    AnalysedGraph a = m.analysis();
    Map<String, Double> scores = a.centralities().scores().get(options.sizeBy());
    String sizeBy = scores != null ? options.sizeBy().key() : Measure.DEGREE.key();
    StringWriter text = new StringWriter();
    try (JsonGenerator j = ExportModel.MAPPER.getFactory().createGenerator(text)) {
      j.writeStartObject();
      j.writeStringField("title", title);
      j.writeStringField(
          "sizeBy", m.isSubset() && scores != null ? sizeBy + " (whole graph)" : sizeBy);
      j.writeStringField(
          "scope",
          m.isSubset()
              ? "A part of a larger map: centralities and communities are those of the whole map."
              : "The whole map.");
      j.writeStringField("noCommunityColor", Palette.hex(Palette.GREY));
      j.writeArrayFieldStart("communities");
      Set<String> here = new HashSet<>(m.ids());
      for (Community c : JsonWriter.usedCommunities(m)) {
        j.writeStartObject();
        j.writeNumberField("id", c.id());
        j.writeStringField("label", Values.wellFormed(c.label()));
        j.writeStringField("color", Palette.hex(Palette.colour(c.id())));
        j.writeNumberField("size", c.members().stream().filter(here::contains).count());
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("papers");
      for (String id : m.ids()) {
        Paper p = m.paper(id);
        Layout.Point pt = m.position(id);
        j.writeStartObject();
        j.writeStringField("id", Values.wellFormed(id));
        j.writeStringField("title", Values.wellFormed(m.title(id)));
        if (!p.authors().isEmpty()) {
          j.writeArrayFieldStart("authors");
          for (String author : p.authors()) {
            j.writeString(Values.wellFormed(author));
          }
          j.writeEndArray();
        }
        if (p.year().isPresent()) {
          j.writeNumberField("year", p.year().get());
        }
        if (p.dateIfKnown().isPresent()) {
          j.writeStringField("date", p.dateIfKnown().get().toString());
        }
        if (p.venue() != null) {
          j.writeStringField("venue", Values.wellFormed(p.venue()));
        }
        j.writeArrayFieldStart("links");
        for (String[] link : links(p)) {
          j.writeStartObject();
          j.writeStringField("label", Values.wellFormed(link[0]));
          j.writeStringField("url", Values.wellFormed(link[1]));
          j.writeEndObject();
        }
        j.writeEndArray();
        if (options.abstracts() && m.abstractText(id) != null) {
          j.writeStringField("abstract", Values.wellFormed(m.abstractText(id)));
        }
        Integer community = m.communityOf(id).map(Community::id).orElse(null);
        if (community != null) {
          j.writeNumberField("community", community);
        }
        j.writeNumberField("x", finite(pt.x()));
        j.writeNumberField("y", finite(pt.y()));
        j.writeNumberField("size", m.size(id));
        j.writeNumberField(
            "score",
            scores != null
                ? round(scores.getOrDefault(id, 0.0))
                : a.graph().similarity().degreeOf(id));
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("edges");
      int k = options.sharedTerms();
      for (SimilarityEdge e : m.edges()) {
        EdgeExplanation x = e.explanation();
        j.writeStartArray();
        j.writeNumber(m.indexOf(e.first()));
        j.writeNumber(m.indexOf(e.second()));
        j.writeNumber(round(m.weight(e)));
        for (double v :
            new double[] {x.text(), x.topic(), x.direct(), x.coupling(), x.cocitation()}) {
          j.writeNumber(round(v));
        }
        List<SharedTerm> terms = x.sharedTerms();
        j.writeString(
            Values.wellFormed(
                terms.subList(0, Math.min(k, terms.size())).stream()
                    .map(SharedTerm::display)
                    .collect(Collectors.joining(", "))));
        j.writeEndArray();
      }
      j.writeEndArray();
      j.writeEndObject();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return text.toString();
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : 0;
  }

  /**
   * A paper's pages: label and URL for its DOI, arXiv, OpenAlex and PubMed ids (the first of them
   * is the VOSviewer item {@code url}).
   */
  static List<String[]> links(Paper p) {
    List<String[]> links = new ArrayList<>();
    if (p.ids().doi() != null) {
      links.add(new String[] {"DOI " + p.ids().doi(), "https://doi.org/" + p.ids().doi()});
    }
    if (p.ids().arxiv() != null) {
      links.add(
          new String[] {"arXiv " + p.ids().arxiv(), "https://arxiv.org/abs/" + p.ids().arxiv()});
    }
    if (p.ids().openalex() != null) {
      links.add(
          new String[] {
            "OpenAlex " + p.ids().openalex(), "https://openalex.org/" + p.ids().openalex()
          });
    }
    if (p.ids().pmid() != null) {
      links.add(
          new String[] {
            "PubMed " + p.ids().pmid(), "https://pubmed.ncbi.nlm.nih.gov/" + p.ids().pmid() + "/"
          });
    }
    return links;
  }
}
