package dev.papergraph.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.papergraph.analysis.Communities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Coverage;
import dev.papergraph.analysis.RunManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON stage files the answers need ({@code communities.json}, {@code coverage.json},
 * {@code manifest.json}) with Jackson's streaming parser into the same values Jackson's object
 * mapper makes of them. Why not the mapper: its first use in a process loads and introspects about
 * 450 classes, about a tenth of a {@code communities} or {@code info} answer's time; the files are
 * written by the mapper ({@link WorkspaceBuilder#writeJson}), so their shape is known. Fields this
 * papergraph does not know are skipped, as the mapper does.
 */
final class StageJson {

  private StageJson() {}

  /** The value of a parser's current token as the mapper reads untyped JSON. */
  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        yield m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      // Integer, Long or BigInteger by size; Double: what the mapper gives an Object
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + p.currentToken());
    };
  }

  /** The top-level object of a stage file. */
  private static Map<String, Object> object(byte[] json) throws IOException {
    try (JsonParser p = WorkspaceStore.jsonParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) value(p);
      if (p.nextToken() != null) {
        throw new IOException("more than one JSON value");
      }
      return m;
    }
  }

  private static Object field(Map<String, Object> m, String name) throws IOException {
    Object v = m.get(name);
    if (v == null) {
      throw new IOException("no " + name);
    }
    return v;
  }

  private static Number number(Map<String, Object> m, String name) throws IOException {
    if (field(m, name) instanceof Number n) {
      return n;
    }
    throw new IOException(name + " is not a number");
  }

  private static String string(Map<String, Object> m, String name) throws IOException {
    if (field(m, name) instanceof String s) {
      return s;
    }
    throw new IOException(name + " is not a string");
  }

  private static List<?> list(Map<String, Object> m, String name) throws IOException {
    if (field(m, name) instanceof List<?> l) {
      return l;
    }
    throw new IOException(name + " is not an array");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v, String name) throws IOException {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IOException(name + " is not an object");
  }

  private static List<String> strings(Map<String, Object> m, String name) throws IOException {
    List<String> out = new ArrayList<>();
    for (Object o : list(m, name)) {
      if (!(o instanceof String s)) {
        throw new IOException(name + " holds a value that is not a string");
      }
      out.add(s);
    }
    return out;
  }

  /** {@code communities.json}. */
  static Communities communities(byte[] json) throws IOException {
    Map<String, Object> m = object(json);
    Map<String, Integer> membership = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(field(m, "membership"), "membership").entrySet()) {
      if (!(e.getValue() instanceof Number n)) {
        throw new IOException("membership of " + e.getKey() + " is not a number");
      }
      membership.put(e.getKey(), n.intValue());
    }
    List<Community> communities = new ArrayList<>();
    for (Object o : list(m, "communities")) {
      Map<String, Object> c = map(o, "community");
      communities.add(
          new Community(
              number(c, "id").intValue(),
              strings(c, "members"),
              strings(c, "labelTerms"),
              strings(c, "centralPapers"),
              Boolean.TRUE.equals(c.get("small"))));
    }
    return new Communities(
        membership,
        communities,
        number(m, "modularity").doubleValue(),
        string(m, "quality"),
        number(m, "resolution").doubleValue(),
        number(m, "seed").longValue());
  }

  /** {@code coverage.json}. */
  static Coverage coverage(byte[] json) throws IOException {
    Map<String, Object> m = object(json);
    return new Coverage(
        number(m, "papers").intValue(),
        number(m, "withAbstract").intValue(),
        number(m, "withYear").intValue(),
        number(m, "withReferences").intValue(),
        number(m, "references").longValue(),
        number(m, "resolved").longValue());
  }

  /** {@code manifest.json}. */
  static RunManifest manifest(byte[] json) throws IOException {
    Map<String, Object> m = object(json);
    List<RunManifest.Input> inputs = new ArrayList<>();
    for (Object o : list(m, "inputs")) {
      Map<String, Object> i = map(o, "input");
      inputs.add(
          new RunManifest.Input(
              string(i, "name"),
              string(i, "format"),
              number(i, "bytes").longValue(),
              string(i, "sha256")));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(field(m, "counts"), "counts").entrySet()) {
      if (!(e.getValue() instanceof Number n)) {
        throw new IOException("count " + e.getKey() + " is not a number");
      }
      counts.put(e.getKey(), n.longValue());
    }
    Map<String, String> libraries = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map(field(m, "libraries"), "libraries").entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new IOException("library " + e.getKey() + " has no version string");
      }
      libraries.put(e.getKey(), s);
    }
    return new RunManifest(
        string(m, "tool"),
        string(m, "created"),
        inputs,
        counts,
        map(field(m, "parameters"), "parameters"),
        libraries);
  }
}
