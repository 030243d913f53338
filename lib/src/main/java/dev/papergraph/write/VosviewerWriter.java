package dev.papergraph.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.graph.SimilarityEdge;
import dev.papergraph.layout.Layout;
import dev.papergraph.model.Paper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VOSviewer map/network JSON: {@code network.items} (id 1..n in corpus order, {@code label}, {@code
 * x}, {@code y}, {@code cluster}, {@code weights}, {@code scores}, {@code description}, {@code
 * url}), {@code network.links} ({@code source_id}, {@code target_id}, {@code strength} =
 * similarity) and {@code network.clusters} ({@code cluster}, {@code label}), with {@code
 * config.terminology} naming items "papers" and clusters "communities", and {@code
 * config.color_schemes.cluster_colors} giving each cluster its community's colour from {@link
 * Palette}, so VOSviewer draws the map in the colours of every other papergraph output. Clusters
 * are the communities with a member in the export; VOSviewer numbers clusters from 1, so a
 * community's cluster is its number (as the command line shows it) + 1, the same in a whole map and
 * in an ego export, and the cluster label names the community ({@link #clusterLabel}). VOSviewer
 * allows at most {@value #MAX_CLUSTERS} clusters, so papers of communities numbered 1000 and above
 * have no cluster. Items have a {@code url} (DOI, else arXiv, else OpenAlex) when one is known.
 * Coordinates are the layout centred and scaled to a mean distance of 1 from the centre, as
 * VOSviewer's own layouts are.
 *
 * <p>Weights (VOSviewer sizes items by one of them): "Links" (degree), "Total link strength"
 * (strength), "PageRank" and "Betweenness" when computed. Scores (for overlay colours): "Year",
 * "Upvotes", "Citations" when known.
 */
public final class VosviewerWriter implements StreamGraphWriter {

  /** VOSviewer's largest cluster number; papers of further (smaller) communities get no cluster. */
  public static final int MAX_CLUSTERS = 1000;

  @Override
  public ExportFormat format() {
    return ExportFormat.VOSVIEWER;
  }

  @Override
  public void write(AnalysedGraph analysis, WriteOptions options, OutputStream out)
      throws IOException {
    ExportModel m = new ExportModel(analysis, options);
    List<Community> used = JsonWriter.usedCommunities(m);
    Map<Integer, Integer> clusterOf = new HashMap<>();
    for (Community c : used) {
      if (c.id() < MAX_CLUSTERS) {
        clusterOf.put(c.id(), c.id() + 1);
      }
    }
    double[] scale = scale(m);
    Map<Measure, Map<String, Double>> scores = analysis.centralities().scores();
    try (JsonGenerator j =
        ExportModel.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      j.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      j.useDefaultPrettyPrinter();
      j.writeStartObject();
      j.writeObjectFieldStart("config");
      j.writeObjectFieldStart("terminology");
      j.writeStringField("item", "paper");
      j.writeStringField("items", "papers");
      j.writeStringField("link", "similarity link");
      j.writeStringField("links", "similarity links");
      j.writeStringField("link_strength", "similarity");
      j.writeStringField("total_link_strength", "total similarity");
      j.writeStringField("cluster", "community");
      j.writeStringField("clusters", "communities");
      j.writeEndObject();
      j.writeObjectFieldStart("color_schemes");
      j.writeArrayFieldStart("cluster_colors");
      for (Community c : used) {
        if (clusterOf.containsKey(c.id())) {
          j.writeStartObject();
          j.writeNumberField("cluster", clusterOf.get(c.id()));
          j.writeStringField("color", Palette.hex(Palette.colour(c.id())));
          j.writeEndObject();
        }
      }
      j.writeEndArray();
      j.writeEndObject();
      j.writeEndObject();
      j.writeObjectFieldStart("network");
      j.writeArrayFieldStart("items");
      for (int i = 0; i < m.ids().size(); i++) {
        String id = m.ids().get(i);
        Paper p = m.paper(id);
        Layout.Point pt = m.position(id);
        j.writeStartObject();
        j.writeNumberField("id", i + 1);
        j.writeStringField("label", Values.wellFormed(m.title(id)));
        j.writeNumberField("x", round((pt.x() - scale[0]) / scale[2]));
        j.writeNumberField("y", round((pt.y() - scale[1]) / scale[2]));
        Integer cluster = m.communityOf(id).map(c -> clusterOf.get(c.id())).orElse(null);
        if (cluster != null) {
          j.writeNumberField("cluster", cluster);
        }
        j.writeObjectFieldStart("weights");
        j.writeNumberField("Links", analysis.graph().similarity().degreeOf(id));
        double strength = 0;
        for (SimilarityEdge e : analysis.graph().similarity().edgesOf(id)) {
          strength += m.weight(e);
        }
        j.writeNumberField("Total link strength", round(strength));
        if (scores.containsKey(Measure.PAGERANK)) {
          j.writeNumberField("PageRank", scores.get(Measure.PAGERANK).getOrDefault(id, 0.0));
        }
        if (scores.containsKey(Measure.BETWEENNESS)) {
          j.writeNumberField("Betweenness", scores.get(Measure.BETWEENNESS).getOrDefault(id, 0.0));
        }
        j.writeEndObject();
        j.writeObjectFieldStart("scores");
        if (p.year().isPresent()) {
          j.writeNumberField("Year", p.year().get());
        }
        if (p.upvotes() != null) {
          j.writeNumberField("Upvotes", p.upvotes());
        }
        if (p.citedByCount() != null) {
          j.writeNumberField("Citations", p.citedByCount());
        }
        j.writeEndObject();
        j.writeStringField("description", Values.wellFormed(description(p, m.title(id))));
        url(p)
            .ifPresent(
                u -> {
                  try {
                    j.writeStringField("url", Values.wellFormed(u));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("links");
      for (SimilarityEdge e : m.edges()) {
        j.writeStartObject();
        j.writeNumberField("source_id", m.indexOf(e.first()) + 1);
        j.writeNumberField("target_id", m.indexOf(e.second()) + 1);
        j.writeNumberField("strength", m.weight(e));
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("clusters");
      for (Community c : used) {
        if (!clusterOf.containsKey(c.id())) {
          continue;
        }
        j.writeStartObject();
        j.writeNumberField("cluster", clusterOf.get(c.id()));
        j.writeStringField("label", Values.wellFormed(clusterLabel(c)));
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeEndObject();
      j.writeEndObject();
      j.writeRaw('\n');
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * A cluster's label: the community number the command line shows (VOSviewer numbers clusters from
   * 1, papergraph's communities from 0, so the cluster number is the community number + 1) and its
   * label terms, e.g. {@code "community 0: retrieval, dense, passage"}.
   */
  static String clusterLabel(Community c) {
    return "community " + c.id() + ": " + c.label();
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  // centre x, centre y, mean distance from the centre (1 when all points coincide)
  private static double[] scale(ExportModel m) {
    double cx = 0;
    double cy = 0;
    for (String id : m.ids()) {
      cx += m.position(id).x();
      cy += m.position(id).y();
    }
    int n = Math.max(1, m.ids().size());
    cx /= n;
    cy /= n;
    double d = 0;
    for (String id : m.ids()) {
      d += Math.hypot(m.position(id).x() - cx, m.position(id).y() - cy);
    }
    d /= n;
    return new double[] {cx, cy, d > 0 ? d : 1};
  }

  private static Optional<String> url(Paper p) {
    return HtmlWriter.links(p).stream().map(l -> l[1]).findFirst();
  }

  // VOSviewer shows the description as HTML.
  private static String description(Paper p, String title) {
    StringBuilder b =
        new StringBuilder("<table><tr><td><b>").append(html(title)).append("</b></td></tr>");
    if (!p.authors().isEmpty()) {
      b.append("<tr><td>").append(html(String.join(", ", p.authors()))).append("</td></tr>");
    }
    if (p.date() != null) {
      b.append("<tr><td>").append(html(p.date().display())).append("</td></tr>");
    }
    b.append("<tr><td>").append(html(p.id())).append("</td></tr></table>");
    return b.toString();
  }

  private static String html(String s) {
    return XmlOut.clean(s)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
