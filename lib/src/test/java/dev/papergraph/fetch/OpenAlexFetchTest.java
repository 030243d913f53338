package dev.papergraph.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.model.Paper;
import dev.papergraph.read.Corpus;
import dev.papergraph.read.InputSource;
import dev.papergraph.read.Readers;
import dev.papergraph.testdata.FakeOpenAlex;
import dev.papergraph.testdata.SharedData;
import dev.papergraph.workspace.Progress;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OpenAlexFetch} against a loopback API serving the real OpenAlex work objects of SYNERGY's
 * Oud_2018 set. Seed: W2120220100 (Linehan et al. 2006, Arch Gen Psychiatry), 12 of whose 65
 * references and 136 of whose citing works are in the set: one batched lookup and two cursor pages.
 * The expected works are computed here from the raw records, independently of the fetch.
 */
class OpenAlexFetchTest {

  private static final String SEED = "W2120220100";
  private static final String SEED_DOI = "10.1001/archpsyc.63.7.757";

  @TempDir Path dir;
  private FakeOpenAlex api;
  private final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    api = new FakeOpenAlex(SharedData.require("corpus/openalex-synergy/Oud_2018/works_1.zip"));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private OpenAlexClient client(String key) {
    return new OpenAlexClient(api.url(), key, dir.resolve("cache"), slept::add);
  }

  private static OpenAlexFetch.Request seedRequest(String seed, int depth, int limit) {
    return new OpenAlexFetch.Request(seed, null, true, true, depth, limit);
  }

  /**
   * The seed, its references in the set (its order), the set's works citing it (most cited first).
   */
  private List<String> expectedDepth1() {
    List<String> ids = new ArrayList<>(List.of(SEED));
    for (JsonNode r : api.byId.get(SEED).path("referenced_works")) {
      String id = FakeOpenAlex.shortId(r.asText());
      if (api.byId.containsKey(id) && !ids.contains(id)) {
        ids.add(id);
      }
    }
    for (JsonNode w : api.citing(SEED)) {
      String id = FakeOpenAlex.shortId(w.path("id").asText());
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static List<String> ids(List<OpenAlexFetch.Fetched> works) {
    return works.stream().map(OpenAlexFetch.Fetched::id).toList();
  }

  @Test
  void fetchesSeedReferencesAndCitingWorksWithCursorPagingAndBatchedLookups() throws IOException {
    List<String> expected = expectedDepth1();
    assertEquals(1 + 12 + 136, expected.size(), "the fixture: 12 references and 136 citing works");
    OpenAlexClient client = client("secret-key");
    List<OpenAlexFetch.Fetched> got =
        new OpenAlexFetch(client, seedRequest(SEED, 1, 1000)).run(Progress.NONE);
    assertEquals(expected, ids(got));
    assertEquals("seed", got.get(0).role());
    assertTrue(got.subList(1, 13).stream().allMatch(f -> f.role().equals("reference")));
    assertTrue(got.subList(13, got.size()).stream().allMatch(f -> f.role().equals("citing")));
    assertTrue(got.subList(1, got.size()).stream().allMatch(f -> f.of().equals(List.of(SEED))));
    // the seed (free), 1 batched lookup of its 65 references, 2 pages of 100 citing works
    assertEquals(4, api.requests.size(), api.requests.toString());
    assertEquals(1, client.calls(OpenAlexClient.CallKind.SINGLETON));
    assertEquals(3, client.calls(OpenAlexClient.CallKind.LIST));
    String lookup = api.requests.get(1);
    assertTrue(lookup.startsWith("/works?filter=openalex%3AW"), lookup);
    assertEquals(65, lookup.split("%7C").length, "the 65 references in one call");
    assertTrue(
        api.requests.get(2).contains("cursor=*") || api.requests.get(2).contains("cursor=%2A"));
    assertFalse(api.requests.get(3).contains("cursor=%2A"), "page 2 follows meta.next_cursor");
    // the key is sent, and kept out of the cache
    assertTrue(api.requests.stream().allMatch(r -> r.contains("api_key=secret-key")));
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      for (Path f : files.toList()) {
        assertFalse(Files.readString(f).contains("secret-key"));
        assertFalse(f.getFileName().toString().contains("secret"));
      }
    }
  }

  @Test
  void retriesA429HonouringRetryAfterA500AndATruncatedPage() throws IOException {
    api.plan("cites:" + SEED, FakeOpenAlex.Fault.TRUNCATED, 0);
    api.plan("cites:" + SEED, FakeOpenAlex.Fault.TOO_MANY_REQUESTS, 7);
    api.plan("openalex:", FakeOpenAlex.Fault.SERVER_ERROR, 0);
    OpenAlexClient client = client(null);
    List<OpenAlexFetch.Fetched> got =
        new OpenAlexFetch(client, seedRequest(SEED, 1, 1000)).run(Progress.NONE);
    assertEquals(expectedDepth1(), ids(got));
    assertEquals(3, client.retries());
    assertEquals(4 + 3, api.requests.size());
    // the 500 waits 1 s (backoff); the cut page 1 s; the 429 the 7 s it asked for
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(7)), slept);
  }

  @Test
  void aSecondRunSpendsNothingAndWritesTheSameBytes() throws IOException {
    OpenAlexFetch.Request request = seedRequest(SEED_DOI, 1, 1000);
    Path first = dir.resolve("a.jsonl");
    OpenAlexFetch.write(new OpenAlexFetch(client(null), request).run(Progress.NONE), first, false);
    int calls = api.requests.size();
    OpenAlexClient again = client(null);
    Path second = dir.resolve("b.jsonl");
    OpenAlexFetch.write(new OpenAlexFetch(again, request).run(Progress.NONE), second, false);
    assertEquals(calls, api.requests.size(), "no request the second time");
    assertEquals(calls, again.cached());
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
  }

  @Test
  void aStoppedFetchContinuesWithoutRepeatingTheCallsItMade() throws IOException {
    OpenAlexFetch.Request request = seedRequest(SEED, 1, 1000);
    api.brokenFor = "cites:";
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> new OpenAlexFetch(client(null), request).run(Progress.NONE));
    assertTrue(
        e.getMessage().startsWith("OpenAlex kept failing on " + api.url() + "/works?filter="),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("HTTP 500 after 6 attempts"), e.getMessage());
    int before = api.requests.size(); // seed, lookup, 6 attempts at page 1
    assertEquals(2 + OpenAlexClient.ATTEMPTS_DEFAULT, before);
    api.brokenFor = null;
    OpenAlexClient resumed = client(null);
    List<OpenAlexFetch.Fetched> got = new OpenAlexFetch(resumed, request).run(Progress.NONE);
    assertEquals(expectedDepth1(), ids(got));
    assertEquals(2, resumed.cached(), "the seed and the lookup come from the cache");
    assertEquals(before + 2, api.requests.size(), "only the two citing pages are asked for");
  }

  @Test
  void depthTwoAddsTheReferencesOfTheFetchedWorksInBatches() throws IOException {
    List<String> level1 = expectedDepth1();
    Set<String> expected2 = new TreeSet<>();
    Set<String> referenced = new LinkedHashSet<>();
    for (String id : level1.subList(1, level1.size())) {
      for (JsonNode r : api.byId.get(id).path("referenced_works")) {
        referenced.add(FakeOpenAlex.shortId(r.asText()));
      }
    }
    for (String id : referenced) {
      if (api.byId.containsKey(id) && !level1.contains(id)) {
        expected2.add(id);
      }
    }
    referenced.removeAll(level1);
    OpenAlexClient client = client(null);
    List<OpenAlexFetch.Fetched> got =
        new OpenAlexFetch(client, seedRequest(SEED, 2, 100_000)).run(Progress.NONE);
    assertEquals(level1, ids(got).subList(0, level1.size()));
    List<OpenAlexFetch.Fetched> second = got.subList(level1.size(), got.size());
    assertEquals(
        expected2,
        second.stream()
            .map(OpenAlexFetch.Fetched::id)
            .collect(Collectors.toCollection(TreeSet::new)));
    assertTrue(expected2.size() > 100, "the fixture reaches past one batch: " + expected2.size());
    for (OpenAlexFetch.Fetched f : second) {
      assertEquals(2, f.depth());
      assertFalse(f.of().isEmpty());
      for (String citing : f.of()) {
        assertTrue(
            api.byId.get(citing).path("referenced_works").toString().contains(f.id()),
            citing + " references " + f.id());
      }
    }
    // one lookup call per 100 candidate ids (in the set or not: the API is asked for all)
    int batches = (referenced.size() + OpenAlexFetch.PER_PAGE - 1) / OpenAlexFetch.PER_PAGE;
    assertEquals(4 + batches, api.requests.size());
  }

  @Test
  void theLimitCutsCitingWorksAfterTheReferences() throws IOException {
    List<OpenAlexFetch.Fetched> got =
        new OpenAlexFetch(client(null), seedRequest(SEED, 1, 50)).run(Progress.NONE);
    assertEquals(expectedDepth1().subList(0, 51), ids(got));
    assertEquals(3, api.requests.size(), "one citing page is enough");
  }

  @Test
  void outputIsReadByTheOpenAlexReaderWithWhereEachWorkCameFrom() throws IOException {
    Path out = dir.resolve("corpus.jsonl");
    OpenAlexFetch.write(
        new OpenAlexFetch(client(null), seedRequest(SEED, 1, 1000)).run(Progress.NONE), out, false);
    Corpus c = Readers.standard().load(List.of(InputSource.of(out)), null);
    List<String> expected = expectedDepth1();
    assertEquals(expected.size(), c.report().imported() + c.report().merged());
    Set<String> read = new LinkedHashSet<>();
    for (Paper p : c.papers()) {
      read.add(p.ids().openalex());
    }
    assertEquals(new TreeSet<>(expected), new TreeSet<>(read));
    Paper seed = c.papers().get(0);
    assertEquals(SEED, seed.ids().openalex());
    assertEquals(SEED_DOI, seed.ids().doi());
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(out);
    assertEquals(expected.size(), lines.size());
    JsonNode first = json.readTree(lines.get(0)).path(OpenAlexFetch.ORIGIN_FIELD);
    assertEquals("seed", first.path("role").asText());
    assertEquals(0, first.path("depth").asInt());
    JsonNode last = json.readTree(lines.get(lines.size() - 1)).path(OpenAlexFetch.ORIGIN_FIELD);
    assertEquals("citing", last.path("role").asText());
    assertEquals(SEED, last.path("of").get(0).asText());
  }

  @Test
  void anUnknownSeedIsNotFound() {
    FetchException e =
        assertThrows(
            FetchException.NotFound.class,
            () -> new OpenAlexFetch(client(null), seedRequest("W1", 1, 10)).run(Progress.NONE));
    assertEquals("OpenAlex has no work W1", e.getMessage());
  }

  @Test
  void aClosedPortCannotBeReachedInOneLineWithoutRetries() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OpenAlexClient offline =
        new OpenAlexClient("http://127.0.0.1:" + port, null, dir.resolve("c"), slept::add);
    FetchException e =
        assertThrows(
            FetchException.class,
            () -> new OpenAlexFetch(offline, seedRequest(SEED, 1, 10)).run(Progress.NONE));
    assertEquals("cannot reach http://127.0.0.1:" + port + ": connection refused", e.getMessage());
    assertTrue(slept.isEmpty());
  }

  @Test
  void dryRunCountsTheCallsAndWhichAreCached() throws IOException {
    OpenAlexFetch.Request request = seedRequest(SEED, 2, 2000);
    OpenAlexFetch.Plan plan = new OpenAlexFetch(client(null), request).plan();
    assertEquals(SEED, plan.seedId());
    assertEquals(65, plan.references());
    assertEquals(1600, plan.citedBy(), "cited_by_count of the raw record");
    assertEquals(1, api.requests.size(), "only the free lookup of the seed");
    // 65 references in 1 call; 1600 citing works in 16 pages; up to 2000 - 1665 = 335 more in 4
    assertEquals(
        List.of(1, 16, 4), plan.calls().stream().map(OpenAlexFetch.PlannedCalls::calls).toList());
    assertEquals(
        List.of(false, true, true),
        plan.calls().stream().map(OpenAlexFetch.PlannedCalls::upperBound).toList());
    assertEquals(21, plan.paidCalls());
    assertEquals(0, plan.calls().get(0).cached());
    new OpenAlexFetch(client(null), seedRequest(SEED, 1, 2000)).run(Progress.NONE);
    OpenAlexFetch.Plan again = new OpenAlexFetch(client(null), request).plan();
    assertEquals(1, again.calls().get(0).cached());
    assertEquals(1, again.calls().get(1).cached());
  }

  @Test
  void seedsAreDoisArxivIdsOrOpenAlexIds() {
    assertEquals("/works/W2741809807", OpenAlexFetch.seedPath("https://openalex.org/W2741809807"));
    assertEquals(
        "/works/doi:10.1001/archpsyc.63.7.757",
        OpenAlexFetch.seedPath("https://doi.org/10.1001/ARCHPSYC.63.7.757"));
    assertEquals(
        "/works/doi:10.48550/arxiv.2503.11731", OpenAlexFetch.seedPath("arXiv:2503.11731v2"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OpenAlexFetch.seedPath("attention"));
    assertTrue(e.getMessage().startsWith("not a DOI, arXiv id or OpenAlex work id: 'attention'"));
  }
}
