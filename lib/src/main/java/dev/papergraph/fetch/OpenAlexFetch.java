package dev.papergraph.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papergraph.io.AtomicOutput;
import dev.papergraph.model.ExternalIds;
import dev.papergraph.workspace.Progress;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grows a corpus from one seed work (or a search) through OpenAlex's works API, as Connected Papers
 * and CiteSpace users start: the seed, the works it references, the works citing it, and at depth 2
 * the works those reference in turn.
 *
 * <p>The calls, in order (every one through {@link OpenAlexClient}, so cached and retried):
 *
 * <ol>
 *   <li>the seed by id, DOI or arXiv id ({@code /works/W…}, {@code /works/doi:…}; free);
 *   <li>its references, {@value #PER_PAGE} ids per call ({@code filter=openalex:W1|W2|…}), in the
 *       seed's order;
 *   <li>the works citing it ({@code filter=cites:W…}, most cited first), cursor-paged ({@code
 *       cursor=*}, then {@code meta.next_cursor});
 *   <li>or, for a search, {@code search=text} cursor-paged;
 *   <li>at depth 2, the references of the works of step 2-4 not fetched yet, most often referenced
 *       first (ties by id), in batched lookups.
 * </ol>
 *
 * The limit counts the works besides the seed and is spent in that order. Each output line is the
 * API's work object with one field added, {@code papergraph_fetch}: {@code role} (seed, reference,
 * citing, search), {@code depth} (0 for the seed) and {@code of} (the ids of the fetched works it
 * is a reference of or cites), so the file says where each work came from; {@code OpenAlexReader}
 * reads it as any OpenAlex JSON Lines.
 */
public final class OpenAlexFetch {

  /**
   * Results per page and ids per batched lookup: the API's cap on {@code per-page} and on values
   * OR-ed in one filter (developers.openalex.org, 2026).
   */
  public static final int PER_PAGE = 100;

  /** Works fetched besides the seed when no limit is given. */
  public static final int LIMIT_DEFAULT = 1000;

  /** The field each output work gets, saying where it came from. */
  public static final String ORIGIN_FIELD = "papergraph_fetch";

  /** What to fetch. */
  public record Request(
      String seed, String query, boolean references, boolean citedBy, int depth, int limit) {

    /**
     * @throws IllegalArgumentException naming the wrong value: neither or both of seed and query, a
     *     seed that is not a DOI, arXiv id or OpenAlex id, depth not 1 or 2, limit below 1, a seed
     *     with neither references nor citing works asked for
     */
    public Request {
      if ((seed == null) == (query == null)) {
        throw new IllegalArgumentException("give a seed or a query, not both or neither");
      }
      if (query != null && query.isBlank()) {
        throw new IllegalArgumentException("the query is empty");
      }
      if (seed != null) {
        seedPath(seed);
        if (!references && !citedBy) {
          throw new IllegalArgumentException("a seed needs references, citing works or both");
        }
      }
      if (depth < 1 || depth > 2) {
        throw new IllegalArgumentException("depth must be 1 or 2: " + depth);
      }
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1: " + limit);
      }
    }
  }

  /**
   * One line of the calls a fetch will make: how many of a kind, and whether the count is exact.
   */
  public record PlannedCalls(
      String what, OpenAlexClient.CallKind kind, int calls, boolean upperBound, int cached) {}

  /**
   * What a fetch will do, known from the seed alone.
   *
   * @param seedId the seed's OpenAlex id, or {@code null} for a search
   * @param seedTitle the seed's title, or {@code null}
   * @param references distinct works the seed references
   * @param citedBy works citing the seed, as OpenAlex counts them
   * @param calls the calls, besides the seed's lookup
   */
  public record Plan(
      String seedId, String seedTitle, int references, int citedBy, List<PlannedCalls> calls) {

    /** The calls that cost (list and search), at most. */
    public int paidCalls() {
      return calls.stream().mapToInt(PlannedCalls::calls).sum();
    }
  }

  /** A fetched work and where it came from. */
  public record Fetched(ObjectNode work, String id, String role, int depth, List<String> of) {}

  private final OpenAlexClient client;
  private final Request request;
  private JsonNode seed; // looked up once, by the plan

  /** A fetch of {@code request} through {@code client}. */
  public OpenAlexFetch(OpenAlexClient client, Request request) {
    this.client = Objects.requireNonNull(client, "client");
    this.request = Objects.requireNonNull(request, "request");
  }

  /**
   * The API path of a seed: {@code /works/W…}, {@code /works/doi:…} (arXiv ids as their DataCite
   * DOI {@code 10.48550/arxiv.…}, which OpenAlex indexes).
   *
   * @throws IllegalArgumentException if the seed is none of a DOI, an arXiv id, an OpenAlex id
   */
  public static String seedPath(String seed) {
    String s = Objects.requireNonNull(seed, "seed").strip();
    String openalex = ExternalIds.normalizeOpenAlex(s).orElse(null);
    if (openalex != null && openalex.startsWith("W")) {
      return "/works/" + openalex;
    }
    String doi = ExternalIds.normalizeDoi(s).orElse(null);
    if (doi == null) {
      String arxiv = ExternalIds.normalizeArxiv(s).orElse(null);
      if (arxiv != null) {
        doi = "10.48550/arxiv." + arxiv;
      }
    }
    if (doi == null) {
      throw new IllegalArgumentException(
          "not a DOI, arXiv id or OpenAlex work id: '"
              + s
              + "' (e.g. 10.1038/nature14539, "
              + "2503.11731, W2741809807)");
    }
    String encoded =
        URLEncoder.encode(doi, StandardCharsets.UTF_8)
            .replace("%2F", "/")
            .replace("%3A", ":")
            .replace("+", "%20");
    return "/works/doi:" + encoded;
  }

  /**
   * What the fetch will do: looks the seed up (free, and cached for the fetch itself) and counts
   * the calls; spends no list or search call.
   *
   * @throws FetchException.NotFound if OpenAlex has no such seed
   * @throws FetchException if the API cannot be reached
   */
  public Plan plan() throws FetchException {
    List<PlannedCalls> calls = new ArrayList<>();
    int level1 = 0;
    if (request.seed() == null) {
      int pages = ceil(request.limit(), PER_PAGE);
      calls.add(
          new PlannedCalls(
              "search \"" + request.query() + "\"",
              OpenAlexClient.CallKind.SEARCH,
              pages,
              true,
              0));
      level1 = request.limit();
      addDepth2(calls, level1);
      return new Plan(null, null, 0, 0, calls);
    }
    JsonNode seed = seed();
    String seedId = id(seed);
    List<String> refs = references(seed, Set.of(seedId));
    int citedBy = seed.path("cited_by_count").asInt(0);
    if (request.references()) {
      List<String> take = refs.subList(0, Math.min(refs.size(), request.limit()));
      int cached = 0;
      for (List<String> batch : batches(take)) {
        cached += client.isCached("/works", lookupParams(batch)) ? 1 : 0;
      }
      calls.add(
          new PlannedCalls(
              take.size() + " references",
              OpenAlexClient.CallKind.LIST,
              ceil(take.size(), PER_PAGE),
              false,
              cached));
      level1 += take.size();
    }
    if (request.citedBy() && level1 < request.limit() && citedBy > 0) {
      int n = Math.min(citedBy, request.limit() - level1);
      calls.add(
          new PlannedCalls(
              n + " citing works",
              OpenAlexClient.CallKind.LIST,
              ceil(n, PER_PAGE),
              true,
              client.isCached("/works", pageParams(citingFilter(seedId), "*")) ? 1 : 0));
      level1 += n;
    }
    addDepth2(calls, level1);
    return new Plan(seedId, seed.path("title").asText(null), refs.size(), citedBy, calls);
  }

  private void addDepth2(List<PlannedCalls> calls, int level1) {
    if (request.depth() == 2 && level1 < request.limit()) {
      int n = request.limit() - level1;
      calls.add(
          new PlannedCalls(
              "up to " + n + " references of those",
              OpenAlexClient.CallKind.LIST,
              ceil(n, PER_PAGE),
              true,
              0));
    }
  }

  /**
   * Runs the fetch and returns the works, seed first, in the order of the calls.
   *
   * @param progress told of each call ("fetch" stage; total = the planned calls, an upper bound)
   * @throws FetchException.NotFound if OpenAlex has no such seed
   * @throws FetchException if the API cannot be reached, refuses, or keeps failing; the responses
   *     received so far stay in the cache
   */
  public List<Fetched> run(Progress progress) throws FetchException {
    Plan plan = plan();
    progress.start("fetch", plan.paidCalls());
    Map<String, Fetched> got = new LinkedHashMap<>();
    try {
      if (request.seed() != null) {
        JsonNode seed = seed();
        String seedId = id(seed);
        got.put(seedId, new Fetched((ObjectNode) seed, seedId, "seed", 0, List.of()));
        if (request.references()) {
          List<String> refs = references(seed, got.keySet());
          lookup(refs, "reference", 1, id -> List.of(seedId), got, progress);
        }
        if (request.citedBy()) {
          page(citingFilter(seedId), null, "citing", List.of(seedId), got, progress);
        }
      } else {
        page(null, request.query(), "search", List.of(), got, progress);
      }
      if (request.depth() == 2 && remaining(got) > 0) {
        depth2(got, progress);
      }
    } finally {
      progress.finish();
    }
    return List.copyOf(got.values());
  }

  /** The works fetched besides the seed may still grow by this many. */
  private int remaining(Map<String, Fetched> got) {
    long besidesSeed = got.values().stream().filter(f -> f.depth() > 0).count();
    return (int) Math.max(0, request.limit() - besidesSeed);
  }

  private JsonNode seed() throws FetchException {
    if (seed != null) {
      return seed;
    }
    JsonNode found;
    try {
      found = client.get(seedPath(request.seed()), Map.of());
    } catch (FetchException.NotFound e) {
      throw new FetchException.NotFound("OpenAlex has no work " + request.seed().strip());
    }
    if (id(found) == null) {
      throw new FetchException("OpenAlex's answer for " + request.seed() + " is not a work");
    }
    seed = found;
    return seed;
  }

  /** The seed's references, distinct, in its order, without those already fetched. */
  private static List<String> references(JsonNode work, Set<String> skip) {
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode r : work.path("referenced_works")) {
      String id = ExternalIds.normalizeOpenAlex(r.asText()).orElse(null);
      if (id != null && !skip.contains(id)) {
        ids.add(id);
      }
    }
    return new ArrayList<>(ids);
  }

  private void depth2(Map<String, Fetched> got, Progress progress) throws FetchException {
    // how many fetched works reference each work not fetched yet: the most shared first
    Map<String, TreeSet<String>> citedBy = new HashMap<>();
    for (Fetched f : got.values()) {
      if (f.depth() == 1) {
        for (String ref : references(f.work(), got.keySet())) {
          citedBy.computeIfAbsent(ref, k -> new TreeSet<>()).add(f.id());
        }
      }
    }
    List<String> order = new ArrayList<>(citedBy.keySet());
    order.sort(
        Comparator.<String>comparingInt(id -> -citedBy.get(id).size())
            .thenComparing(Comparator.naturalOrder()));
    lookup(order, "reference", 2, id -> List.copyOf(citedBy.get(id)), got, progress);
  }

  private interface Origins {
    List<String> of(String id);
  }

  /**
   * Batched lookups ({@value #PER_PAGE} ids a call) until the limit is reached; the works in the
   * order of the ids given.
   */
  private void lookup(
      List<String> ids,
      String role,
      int depth,
      Origins origins,
      Map<String, Fetched> got,
      Progress progress)
      throws FetchException {
    for (List<String> batch : batches(ids)) {
      if (remaining(got) == 0) {
        return;
      }
      JsonNode page = client.get("/works", lookupParams(batch));
      progress.advance(1);
      Map<String, JsonNode> byId = new HashMap<>();
      List<JsonNode> extra = new ArrayList<>();
      for (JsonNode w : results(page)) {
        String id = id(w);
        if (id != null && batch.contains(id)) {
          byId.put(id, w);
        } else if (id != null) {
          extra.add(w); // a merged work answers under its new id
        }
      }
      for (String id : batch) {
        JsonNode w = byId.get(id);
        if (w != null && !got.containsKey(id) && remaining(got) > 0) {
          got.put(id, new Fetched((ObjectNode) w, id, role, depth, origins.of(id)));
        }
      }
      for (JsonNode w : extra) {
        String id = id(w);
        if (!got.containsKey(id) && remaining(got) > 0) {
          got.put(id, new Fetched((ObjectNode) w, id, role, depth, List.of()));
        }
      }
    }
  }

  /** Cursor paging over a filter or a search until the limit or the last page. */
  private void page(
      String filter,
      String search,
      String role,
      List<String> of,
      Map<String, Fetched> got,
      Progress progress)
      throws FetchException {
    String cursor = "*";
    int seen = 0;
    while (remaining(got) > 0) {
      JsonNode page =
          client.get(
              "/works", filter != null ? pageParams(filter, cursor) : searchParams(search, cursor));
      progress.advance(1);
      List<JsonNode> results = results(page);
      for (JsonNode w : results) {
        String id = id(w);
        if (id != null && !got.containsKey(id) && remaining(got) > 0) {
          got.put(id, new Fetched((ObjectNode) w, id, role, 1, of));
        }
      }
      seen += results.size();
      String next = page.path("meta").path("next_cursor").asText(null);
      long count = page.path("meta").path("count").asLong(Long.MAX_VALUE);
      if (results.isEmpty() || next == null || next.isEmpty() || seen >= count) {
        return;
      }
      if (next.equals(cursor)) {
        throw new FetchException("OpenAlex returned the same cursor twice; stopped paging");
      }
      cursor = next;
    }
  }

  private static Map<String, String> pageParams(String filter, String cursor) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("filter", filter);
    params.put("sort", "cited_by_count:desc");
    params.put("per-page", String.valueOf(PER_PAGE));
    params.put("cursor", cursor);
    return params;
  }

  private static Map<String, String> searchParams(String search, String cursor) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("search", search);
    params.put("per-page", String.valueOf(PER_PAGE));
    params.put("cursor", cursor);
    return params;
  }

  private static String citingFilter(String seedId) {
    return "cites:" + seedId;
  }

  private static Map<String, String> lookupParams(List<String> batch) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("filter", "openalex:" + String.join("|", batch));
    params.put("per-page", String.valueOf(PER_PAGE));
    return params;
  }

  private static List<List<String>> batches(List<String> ids) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += PER_PAGE) {
      out.add(ids.subList(i, Math.min(ids.size(), i + PER_PAGE)));
    }
    return out;
  }

  /** The work objects of a list page; anything that is not an object with an id is skipped. */
  private static List<JsonNode> results(JsonNode page) throws FetchException {
    JsonNode results = page.path("results");
    if (!results.isArray()) {
      throw new FetchException("OpenAlex's answer is not a list of works (no \"results\")");
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode w : results) {
      if (w.isObject() && id(w) != null) {
        out.add(w);
      }
    }
    return out;
  }

  /** A work's OpenAlex id ({@code W…}), or {@code null}. */
  private static String id(JsonNode work) {
    String id = ExternalIds.normalizeOpenAlex(work.path("id").asText(null)).orElse(null);
    return id != null && id.startsWith("W") ? id : null;
  }

  private static int ceil(int n, int per) {
    return (n + per - 1) / per;
  }

  /**
   * Writes the works as JSON Lines, each with its {@value #ORIGIN_FIELD} field, atomically.
   *
   * @param overwrite whether an existing file may be replaced
   */
  public static void write(List<Fetched> works, Path target, boolean overwrite) throws IOException {
    ObjectMapper json = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    AtomicOutput.write(
        target,
        overwrite,
        out -> {
          for (Fetched f : works) {
            ObjectNode line = f.work().deepCopy();
            ObjectNode origin = line.putObject(ORIGIN_FIELD);
            origin.put("role", f.role());
            origin.put("depth", f.depth());
            ArrayNode of = origin.putArray("of");
            f.of().forEach(of::add);
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
          }
        });
  }
}
