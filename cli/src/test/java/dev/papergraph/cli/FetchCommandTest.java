package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.testdata.FakeOpenAlex;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code papergraph fetch openalex} against a loopback OpenAlex API serving the real work objects
 * of SYNERGY's Oud_2018 set (see OpenAlexFetchTest in lib for paging, retries and resumption). The
 * seed, 10.1001/archpsyc.63.7.757 (W2120220100), has 12 references and 136 citing works there.
 */
class FetchCommandTest {

  @TempDir Path tmp;
  private FakeOpenAlex api;

  @BeforeEach
  void start() throws IOException {
    api = new FakeOpenAlex(SharedData.require("corpus/openalex-synergy/Oud_2018/works_1.zip"));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void fetchesASeedIntoACorpusThatBuildReads() throws IOException {
    Path corpus = tmp.resolve("dbt.jsonl");
    Cli.Result r =
        Cli.run(
            "fetch",
            "openalex",
            "--seed",
            "https://doi.org/10.1001/archpsyc.63.7.757",
            "--api-url",
            api.url(),
            "--api-key",
            "k",
            "-o",
            corpus.toString());
    assertEquals(0, r.code(), r::toString);
    assertEquals(
        "papergraph: 149 works (1 seed, 12 reference, 136 citing); calls: 3 list, 0 search, 1 free "
            + "lookup; 0 answered from the cache; 0 retried into "
            + corpus,
        r.errLines().get(0));
    assertEquals(149, Files.readAllLines(corpus).size());
    assertTrue(Files.isDirectory(tmp.resolve("dbt.jsonl.cache")));

    Path ws = tmp.resolve("ws");
    Cli.Result b = Cli.run("-q", "build", "-w", ws.toString(), "--no-semantic", corpus.toString());
    assertEquals(0, b.code(), b::toString);
    Cli.Result rank = Cli.run("rank", "-w", ws.toString(), "--top", "1000", "--output", "tsv");
    assertEquals(0, rank.code(), rank::toString);
    assertEquals(1 + 149, rank.outLines().size(), "a header and the 149 works");

    // the same command again: nothing asked of the API, the file refused without --force
    int requests = api.requests.size();
    Cli.Result again =
        Cli.run(
            "fetch",
            "openalex",
            "--seed",
            "https://doi.org/10.1001/archpsyc.63.7.757",
            "--api-url",
            api.url(),
            "-o",
            corpus.toString());
    assertEquals(1, again.code(), again::toString);
    assertEquals(
        List.of("papergraph: " + corpus + " exists; use --force to overwrite it"),
        again.errLines());
    Cli.Result forced =
        Cli.run(
            "-q",
            "fetch",
            "openalex",
            "--seed",
            "https://doi.org/10.1001/archpsyc.63.7.757",
            "--api-url",
            api.url(),
            "-o",
            corpus.toString(),
            "-f");
    assertEquals(0, forced.code(), forced::toString);
    assertEquals(requests, api.requests.size());
  }

  @Test
  void dryRunPrintsTheCallsAndSpendsOnlyTheFreeLookup() {
    Cli.Result r =
        Cli.run(
            "fetch",
            "openalex",
            "--seed",
            "W2120220100",
            "--depth",
            "2",
            "--limit",
            "2000",
            "--api-url",
            api.url(),
            "--cache",
            tmp.resolve("c").toString(),
            "--dry-run");
    assertEquals(0, r.code(), r::toString);
    assertEquals(1, api.requests.size());
    List<String> lines = r.outLines();
    assertEquals("seed W2120220100", lines.get(0));
    assertEquals(
        "  Two-Year Randomized Controlled Trial and Follow-up of Dialectical Behavior T…",
        lines.get(1));
    assertEquals("  65 references, cited by 1600", lines.get(2));
    assertEquals("  1 list call for 65 references", lines.get(4));
    assertEquals("  at most 16 list calls for 1600 citing works", lines.get(5));
    assertEquals("  at most 4 list calls for up to 335 references of those", lines.get(6));
    assertEquals("total: at most 21 calls that cost", lines.get(7));
  }

  @Test
  void offlineFailsInOneLine() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Cli.Result r =
        Cli.run(
            "fetch",
            "openalex",
            "--seed",
            "W2120220100",
            "--api-url",
            "http://127.0.0.1:" + port,
            "-o",
            tmp.resolve("x.jsonl").toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(
        List.of("papergraph: cannot reach http://127.0.0.1:" + port + ": connection refused"),
        r.errLines());
    assertTrue(Files.notExists(tmp.resolve("x.jsonl")));
  }

  @Test
  void anUnknownSeedIsAUserErrorAndAMalformedOneAUsageError() {
    Cli.Result r =
        Cli.run(
            "fetch",
            "openalex",
            "--seed",
            "10.9999/nothing",
            "--api-url",
            api.url(),
            "--api-key",
            "k",
            "-o",
            tmp.resolve("x.jsonl").toString());
    assertEquals(1, r.code(), r::toString);
    assertEquals(List.of("papergraph: OpenAlex has no work 10.9999/nothing"), r.errLines());
    Cli.Result bad = Cli.run("fetch", "openalex", "--seed", "attention", "-o", "x.jsonl");
    assertEquals(2, bad.code(), bad::toString);
    Cli.Result both = Cli.run("fetch", "openalex", "--seed", "W1", "--query", "x", "-o", "x.jsonl");
    assertEquals(2, both.code(), both::toString);
  }
}
