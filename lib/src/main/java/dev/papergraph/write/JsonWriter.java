package dev.papergraph.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.papergraph.analysis.Community;
import dev.papergraph.graph.SimilarityEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON node-link, the layout networkx's {@code node_link_graph} and d3 read: {@code directed},
 * {@code multigraph}, {@code graph} (counts and community parameters), {@code nodes} (each with
 * {@code id} and the typed attributes of {@link ExportModel}; unknown values are left out), {@code
 * links} ({@code source}, {@code target} and the edge attributes), plus {@code communities} (id,
 * label, size, label terms, central papers, members) and the run {@code manifest}. Non-finite
 * numbers are written as {@code null}.
 */
public final class JsonWriter implements StreamGraphWriter {

  @Override
  public ExportFormat format() {
    return ExportFormat.JSON;
  }

  @Override
  public void write(AnalysedGraph analysis, WriteOptions options, OutputStream out)
      throws IOException {
    ExportModel m = new ExportModel(analysis, options);
    try (JsonGenerator j =
        ExportModel.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      j.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      j.useDefaultPrettyPrinter();
      j.writeStartObject();
      j.writeBooleanField("directed", false);
      j.writeBooleanField("multigraph", false);
      j.writeObjectFieldStart("graph");
      for (Map.Entry<String, Object> d : m.graphData().entrySet()) {
        if (!d.getKey().equals("manifest")) {
          j.writeFieldName(d.getKey());
          value(j, d.getValue());
        }
      }
      j.writeEndObject();
      j.writeArrayFieldStart("nodes");
      for (String id : m.ids()) {
        j.writeStartObject();
        j.writeStringField("id", Values.wellFormed(id));
        for (Column<String> c : m.nodeColumns()) {
          field(j, c.name(), c.of(id));
        }
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("links");
      for (SimilarityEdge e : m.edges()) {
        j.writeStartObject();
        j.writeStringField("source", Values.wellFormed(e.first()));
        j.writeStringField("target", Values.wellFormed(e.second()));
        for (Column<SimilarityEdge> c : m.edgeColumns()) {
          field(j, c.name(), c.of(e));
        }
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeArrayFieldStart("communities");
      for (Community c : usedCommunities(m)) {
        j.writeStartObject();
        j.writeNumberField("id", c.id());
        j.writeStringField("label", Values.wellFormed(c.label()));
        j.writeNumberField("size", c.size());
        strings(j, "terms", c.labelTerms());
        strings(j, "central_papers", c.centralPapers());
        strings(j, "members", c.members());
        j.writeEndObject();
      }
      j.writeEndArray();
      j.writeFieldName("manifest");
      ExportModel.MAPPER.writeValue(j, analysis.manifest());
      j.writeEndObject();
      j.writeRaw('\n');
    }
  }

  /** The communities that have a member in this export, by id. */
  static List<Community> usedCommunities(ExportModel m) {
    Set<String> ids = new HashSet<>(m.ids());
    return m.analysis().communities().communities().stream()
        .filter(c -> c.members().stream().anyMatch(ids::contains))
        .toList();
  }

  private static void strings(JsonGenerator j, String name, List<String> values)
      throws IOException {
    j.writeArrayFieldStart(name);
    for (String v : values) {
      j.writeString(Values.wellFormed(v));
    }
    j.writeEndArray();
  }

  private static void field(JsonGenerator j, String name, Object v) throws IOException {
    if (v != null) {
      j.writeFieldName(name);
      value(j, v);
    }
  }

  static void value(JsonGenerator j, Object v) throws IOException {
    if (v instanceof Integer i) {
      j.writeNumber(i);
    } else if (v instanceof Long l) {
      j.writeNumber(l);
    } else if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        j.writeNumber(d);
      } else {
        j.writeNull();
      }
    } else if (v instanceof Boolean b) {
      j.writeBoolean(b);
    } else if (v == null) {
      j.writeNull();
    } else {
      j.writeString(Values.wellFormed(v.toString()));
    }
  }
}
