package dev.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.papergraph.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prior}, {@code derivative} and {@code explain}'s direction on the Oud_2018 SYNERGY corpus
 * (OpenAlex works with references), checked against counts recomputed here from the raw work
 * objects: each work's {@code referenced_works}, matched to the corpus by OpenAlex id.
 */
class CitationCommandsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path ws;

  /** Raw works with a title (the reader rejects the others), by OpenAlex id. */
  static Map<String, JsonNode> works = new LinkedHashMap<>();

  /** papergraph id of each raw work: its DOI, else its OpenAlex id. */
  static Map<String, String> idOf = new HashMap<>();

  @BeforeAll
  static void build() throws IOException {
    Path zip = SharedData.require("corpus/openalex-synergy/Oud_2018/works_1.zip");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        for (JsonNode w : JSON.readTree(in.readAllBytes())) {
          if (w.path("title").isTextual() && !w.path("title").asText().isBlank()) {
            String oa = w.get("id").asText().replace("https://openalex.org/", "");
            works.put(oa, w);
            String doi = w.path("doi").asText("");
            idOf.put(
                oa,
                doi.isEmpty()
                    ? "openalex:" + oa
                    : "doi:" + doi.replace("https://doi.org/", "").toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    ws = tmp.resolve("oud");
    Cli.Result r = Cli.run("-q", "build", "-w", ws.toString(), zip.toString());
    assertEquals(0, r.code(), r::toString);
  }

  static List<String> members(int community) throws IOException {
    Cli.Result r = Cli.run("communities", "-w", ws.toString(), "--output", "json");
    assertEquals(0, r.code(), r::toString);
    List<String> out = new ArrayList<>();
    JSON.readTree(r.out())
        .at("/communities/" + community + "/members")
        .forEach(m -> out.add(m.asText()));
    return out;
  }

  /** The distinct OpenAlex ids a raw work cites. */
  static Set<String> refs(JsonNode w) {
    Set<String> out = new LinkedHashSet<>();
    w.path("referenced_works")
        .forEach(r -> out.add(r.asText().replace("https://openalex.org/", "")));
    return out;
  }

  @Test
  void priorCountsOfACommunityMatchTheRawWorks() throws IOException {
    assertEquals(works.size(), Set.copyOf(idOf.values()).size(), "every raw work has its own id");
    Map<String, String> rawOf = new HashMap<>();
    idOf.forEach((oa, id) -> rawOf.put(id, oa));
    List<String> members = members(1);
    TreeMap<String, Integer> expected = new TreeMap<>();
    for (String m : members) {
      String oa = rawOf.get(m);
      assertTrue(oa != null, "member " + m + " is a raw work");
      for (String cited : refs(works.get(oa))) {
        if (cited.equals(oa)) {
          continue; // a work citing itself
        }
        String key = works.containsKey(cited) ? idOf.get(cited) : "openalex:" + cited;
        expected.merge(key, 1, Integer::sum);
      }
    }
    Cli.Result r =
        Cli.run(
            "prior",
            "-w",
            ws.toString(),
            "--community",
            "1",
            "--top",
            "100000",
            "--output",
            "json");
    assertEquals(0, r.code(), r::toString);
    TreeMap<String, Integer> actual = new TreeMap<>();
    JsonNode rows = JSON.readTree(r.out());
    rows.forEach(row -> actual.put(row.get("id").asText(), row.get("citing").asInt()));
    assertFalse(expected.isEmpty());
    assertEquals(expected, actual);
    // most cited first
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i - 1).get("citing").asInt() >= rows.get(i).get("citing").asInt());
    }
    // in-corpus works have a title, outside ones none
    rows.forEach(
        row ->
            assertEquals(
                !idOf.containsValue(row.get("id").asText()),
                row.get("title").isNull(),
                row::toString));
  }

  @Test
  void derivativeCountsOfACommunityMatchTheRawWorks() throws IOException {
    Set<String> memberIds = Set.copyOf(members(1));
    TreeMap<String, Integer> expected = new TreeMap<>();
    works.forEach(
        (oa, w) -> {
          int n = 0;
          for (String cited : refs(w)) {
            if (!cited.equals(oa)
                && works.containsKey(cited)
                && memberIds.contains(idOf.get(cited))) {
              n++;
            }
          }
          if (n > 0) {
            expected.put(idOf.get(oa), n);
          }
        });
    Cli.Result r =
        Cli.run(
            "derivative",
            "-w",
            ws.toString(),
            "--community",
            "1",
            "--top",
            "100000",
            "--output",
            "csv");
    assertEquals(0, r.code(), r::toString);
    TreeMap<String, Integer> actual = new TreeMap<>();
    List<String> lines = r.out().lines().toList();
    assertEquals("rank,cites,share,inSet,community,year,id,title", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", 8);
      actual.put(f[6], Integer.parseInt(f[1]));
    }
    assertFalse(expected.isEmpty());
    assertEquals(expected, actual);
  }

  @Test
  void explainNamesTheCitingPaper() throws IOException {
    String citing = null;
    String cited = null;
    for (var e : works.entrySet()) {
      for (String c : refs(e.getValue())) {
        if (works.containsKey(c)
            && !c.equals(e.getKey())
            && !refs(works.get(c)).contains(e.getKey())) {
          citing = idOf.get(e.getKey());
          cited = idOf.get(c);
          break;
        }
      }
      if (citing != null) {
        break;
      }
    }
    assertTrue(citing != null, "the corpus has a citing pair");
    Cli.Result ab = Cli.run("explain", "-w", ws.toString(), citing, cited);
    assertEquals(0, ab.code(), ab::toString);
    assertTrue(ab.out().contains("A cites B (A is the citing paper)"), ab::toString);
    Cli.Result ba = Cli.run("explain", "-w", ws.toString(), cited, citing, "--output", "json");
    assertEquals(0, ba.code(), ba::toString);
    assertEquals(
        citing + " cites " + cited,
        JSON.readTree(ba.out()).at("/citations/0").asText(),
        ba::toString);
  }

  @Test
  void priorWithoutReferencesSaysSoInOneLine() {
    Cli.Result r = SeedWorkspace.run("prior", "--community", "0");
    assertEquals(1, r.code(), r::toString);
    assertTrue(
        r.err().startsWith("papergraph: no paper of this workspace has references"), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
  }

  /**
   * Issue 17 item 8: every pick of {@code rank --gems} and {@code --hype} satisfies the rule said
   * in {@code rank --help}, recomputed here by brute force: at least 3 neighbours, a year, its
   * peers (the judged papers of its community published at most 2 years apart, 5 at least), and a
   * gap of at least 0.5 between its percentile among them in within-community PageRank and in
   * citations (citations from the raw works).
   */
  @Test
  void gemsAndHypeCompareEachPaperWithPapersOfItsCommunityAndAge() throws IOException {
    Map<String, JsonNode> rawById = new HashMap<>();
    works.forEach((oa, w) -> rawById.put(idOf.get(oa), w));
    Map<String, Double> degree = new HashMap<>();
    for (JsonNode row : rows("rank", "--by", "degree", "--top", "100000")) {
      degree.put(row.get("id").asText(), row.get("degree").asDouble());
    }
    // the judged papers of each community: >= 3 neighbours, a year; with their within-community
    // PageRank
    Map<String, Integer> communityOf = new HashMap<>();
    Map<String, Double> within = new HashMap<>();
    JsonNode all =
        JSON.readTree(Cli.run("communities", "-w", ws.toString(), "--output", "json").out());
    for (JsonNode c : all.get("communities")) {
      int id = c.get("id").asInt();
      for (JsonNode row : rows("rank", "--community", String.valueOf(id), "--top", "100000")) {
        String paper = row.get("id").asText();
        JsonNode raw = rawById.get(paper);
        if (degree.getOrDefault(paper, 0.0) >= 3 && raw.path("publication_year").isInt()) {
          communityOf.put(paper, id);
          within.put(paper, row.get("pagerank").asDouble());
        }
      }
    }
    int checked = 0;
    for (String which : List.of("--gems", "--hype")) {
      List<JsonNode> picks = rows("rank", which, "--top", "100000");
      assertFalse(picks.isEmpty(), which + " picks nothing on Oud_2018");
      for (JsonNode pick : picks) {
        String id = pick.get("id").asText();
        assertTrue(degree.get(id) >= 3, id + " has " + degree.get(id) + " neighbours");
        int c = communityOf.get(id);
        assertEquals(c, pick.get("community").asInt());
        int year = rawById.get(id).get("publication_year").asInt();
        List<String> peers =
            communityOf.keySet().stream()
                .filter(q -> communityOf.get(q) == c)
                .filter(q -> Math.abs(rawById.get(q).get("publication_year").asInt() - year) <= 2)
                .toList();
        assertTrue(peers.size() >= 5, id + " has " + peers.size() + " peers");
        assertEquals(peers.size(), pick.get("peers").asInt(), id);
        double centPct = percentile(within.get(id), peers.stream().map(within::get).toList());
        double citPct =
            percentile(
                rawById.get(id).get("cited_by_count").asDouble(),
                peers.stream().map(q -> rawById.get(q).get("cited_by_count").asDouble()).toList());
        assertEquals(centPct, pick.get("pagerankPct").asDouble(), 1e-9, id);
        assertEquals(citPct, pick.get("citationsPct").asDouble(), 1e-9, id);
        double gap = centPct - citPct;
        assertTrue(which.equals("--gems") ? gap >= 0.5 : gap <= -0.5, id + " gap " + gap);
        checked++;
      }
    }
    assertTrue(checked >= 4, "picks checked: " + checked);
  }

  /** Zero-based average rank of the value among the values (which hold it), over n - 1. */
  private static double percentile(double value, List<Double> values) {
    long less = values.stream().filter(v -> v < value).count();
    long equal = values.stream().filter(v -> v == value).count();
    return (less + (equal - 1) / 2.0) / (values.size() - 1);
  }

  private static List<JsonNode> rows(String... args) throws IOException {
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "-w";
    full[args.length + 1] = ws.toString();
    full[args.length + 2] = "--output";
    full[args.length + 3] = "json";
    Cli.Result r = Cli.run(full);
    assertEquals(0, r.code(), r::toString);
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(r.out()).forEach(out::add);
    return out;
  }
}
