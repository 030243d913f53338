package dev.papergraph.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A loopback OpenAlex works API over real work objects (a SYNERGY {@code works_1.zip}), answering
 * as the real one does: {@code /works/W…} and {@code /works/doi:…} (404 when unknown), {@code
 * /works?filter=openalex:W1|W2} (the known ones), {@code filter=cites:W…} and {@code search=} with
 * cursor paging ({@code cursor=*}, {@code meta.next_cursor}, {@code meta.count}) and {@code
 * per-page}. Faults are planned per request: the next request whose path and decoded query contain
 * a text gets a 429 with {@code Retry-After}, a 500, or a 200 whose body is cut short.
 */
public final class FakeOpenAlex implements AutoCloseable {

  /** A planned fault. */
  public enum Fault {
    TOO_MANY_REQUESTS,
    SERVER_ERROR,
    TRUNCATED
  }

  private record Planned(String match, Fault fault, int retryAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public final Map<String, ObjectNode> byId = new LinkedHashMap<>();
  private final Map<String, ObjectNode> byDoi = new LinkedHashMap<>();
  private final HttpServer server;
  private final List<Planned> faults = Collections.synchronizedList(new ArrayList<>());

  /** Every request as received: path, then {@code ?} and the raw query. */
  public final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  /** Requests containing this text always get a 500 (a server down for good), when set. */
  public volatile String brokenFor;

  public FakeOpenAlex(Path worksZip) throws IOException {
    for (ObjectNode w : works(worksZip)) {
      byId.put(shortId(w.path("id").asText()), w);
      String doi = w.path("doi").asText("");
      if (!doi.isEmpty()) {
        byDoi.put(doi.replaceFirst("^https://doi.org/", "").toLowerCase(Locale.ROOT), w);
      }
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/works", this::handle);
    server.start();
  }

  private static final Map<Path, List<ObjectNode>> LOADED = new HashMap<>();

  /** The work objects of a works zip, read once per test run (never changed after). */
  private static synchronized List<ObjectNode> works(Path worksZip) throws IOException {
    List<ObjectNode> loaded = LOADED.get(worksZip);
    if (loaded != null) {
      return loaded;
    }
    List<ObjectNode> works = new ArrayList<>();
    try (ZipFile zip = new ZipFile(worksZip.toFile())) {
      List<? extends ZipEntry> entries =
          zip.stream()
              .filter(e -> e.getName().endsWith(".json"))
              .sorted(Comparator.comparing(ZipEntry::getName))
              .toList();
      for (ZipEntry e : entries) {
        try (InputStream in = zip.getInputStream(e)) {
          for (JsonNode w : JSON.readTree(in)) {
            works.add((ObjectNode) w);
          }
        }
      }
    }
    LOADED.put(worksZip, works);
    return works;
  }

  /** The base URL to give the client. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next request containing {@code match} gets {@code fault}. */
  public void plan(String match, Fault fault, int retryAfterSeconds) {
    faults.add(new Planned(match, fault, retryAfterSeconds));
  }

  public static String shortId(String id) {
    return id.replaceFirst("^https://openalex.org/", "");
  }

  /** The works of the set whose references hold {@code id}, most cited first, then by id. */
  public List<ObjectNode> citing(String id) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode w : byId.values()) {
      for (JsonNode r : w.path("referenced_works")) {
        if (shortId(r.asText()).equals(id)) {
          out.add(w);
          break;
        }
      }
    }
    out.sort(
        Comparator.<ObjectNode>comparingInt(w -> -w.path("cited_by_count").asInt())
            .thenComparing(w -> shortId(w.path("id").asText())));
    return out;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String raw = ex.getRequestURI().getRawQuery();
    requests.add(path + (raw == null ? "" : "?" + raw));
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        q.put(
            URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String seen = path + "?" + q;
    String broken = brokenFor;
    if (broken != null && seen.contains(broken)) {
      send(ex, 500, "{\"error\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    synchronized (faults) {
      for (Planned f : faults) {
        if (seen.contains(f.match())) {
          faults.remove(f);
          switch (f.fault()) {
            case TOO_MANY_REQUESTS -> {
              ex.getResponseHeaders().add("Retry-After", String.valueOf(f.retryAfter()));
              send(ex, 429, "{\"error\":\"Rate limit exceeded\"}".getBytes(StandardCharsets.UTF_8));
            }
            case SERVER_ERROR ->
                send(
                    ex,
                    500,
                    "{\"error\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            case TRUNCATED -> {
              byte[] whole = answer(path, q);
              send(ex, 200, Arrays.copyOf(whole, whole.length / 2));
            }
          }
          return;
        }
      }
    }
    byte[] body = answer(path, q);
    send(
        ex,
        body == null ? 404 : 200,
        body == null ? "{\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8) : body);
  }

  /** The body for a request, or {@code null} for 404. */
  private byte[] answer(String path, Map<String, String> q) throws IOException {
    if (!path.equals("/works")) {
      String key = path.substring("/works/".length());
      ObjectNode w =
          key.startsWith("doi:")
              ? byDoi.get(key.substring(4).toLowerCase(Locale.ROOT))
              : byId.get(key);
      return w == null ? null : JSON.writeValueAsBytes(w);
    }
    int perPage = Integer.parseInt(q.getOrDefault("per-page", "25"));
    if (perPage < 1 || perPage > 100) {
      throw new IllegalArgumentException("per-page out of range: " + perPage);
    }
    String filter = q.getOrDefault("filter", "");
    List<ObjectNode> all;
    if (filter.startsWith("openalex:")) {
      all = new ArrayList<>();
      for (String id : filter.substring("openalex:".length()).split("\\|")) {
        if (byId.containsKey(id)) {
          all.add(byId.get(id));
        }
      }
      Collections.reverse(all); // the API's order is its own; the client must not depend on it
    } else if (filter.startsWith("cites:")) {
      all = citing(filter.substring("cites:".length()));
    } else if (q.containsKey("search")) {
      String text = q.get("search").toLowerCase(Locale.ROOT);
      all = new ArrayList<>();
      for (ObjectNode w : byId.values()) {
        if (w.path("title").asText("").toLowerCase(Locale.ROOT).contains(text)) {
          all.add(w);
        }
      }
    } else {
      throw new IllegalArgumentException("unexpected request " + path + " " + q);
    }
    int offset = 0;
    String cursor = q.get("cursor");
    if (cursor != null && !cursor.equals("*")) {
      offset =
          Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8));
    }
    int end = Math.min(all.size(), offset + perPage);
    ObjectNode page = JSON.createObjectNode();
    ObjectNode meta = page.putObject("meta");
    meta.put("count", all.size());
    meta.put("per_page", perPage);
    if (cursor != null) {
      if (end < all.size()) {
        meta.put(
            "next_cursor",
            Base64.getEncoder()
                .encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
      } else {
        meta.putNull("next_cursor");
      }
    }
    ArrayNode results = page.putArray("results");
    all.subList(Math.min(offset, all.size()), end).forEach(results::add);
    return JSON.writeValueAsBytes(page);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
