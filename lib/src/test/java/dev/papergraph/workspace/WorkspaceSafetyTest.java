package dev.papergraph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papergraph.model.Paper;
import dev.papergraph.read.Format;
import dev.papergraph.read.InputSource;
import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.Link;
import dev.papergraph.similarity.SharedTerm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's data-safety findings on the workspace: each test is named after the finding it pins.
 */
class WorkspaceSafetyTest {

  @TempDir Path tmp;

  static InputSource jsonl(String name, String... titles) {
    StringBuilder b = new StringBuilder();
    for (String t : titles) {
      b.append("{\"title\":\"")
          .append(t)
          .append("\",\"abstract\":\"About ")
          .append(t)
          .append(" and shared words for links\",\"provenance\":[]}\n");
    }
    return InputSource.ofBytes(name, b.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Workspace small(Path dir) throws IOException {
    return Workspace.build(
        dir,
        List.of(jsonl("a.jsonl", "Alpha graphs", "Beta graphs", "Gamma trees")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
  }

  /** Every file below a folder by relative path, with its content: a byte-exact picture. */
  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return m;
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // ---- finding 1: a folder papergraph did not make is never replaced

  @Test
  void finding1_foreignFolderWithWorkspaceJsonIsNeverDeleted() throws Exception {
    Path nx = Files.createDirectories(tmp.resolve("nx-project"));
    Files.writeString(
        nx.resolve("workspace.json"), "{\"version\": 2, \"projects\": {\"app\": \"apps/app\"}}");
    Files.createDirectories(nx.resolve("apps/app"));
    Files.writeString(nx.resolve("apps/app/main.ts"), "console.log('mine')");
    Map<String, String> before = snapshot(nx);

    var e = assertThrows(WorkspaceException.class, () -> small(nx));
    assertTrue(
        e.getMessage().startsWith("a folder with other content is in the way in " + nx),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("workspace.json (not a papergraph workspace marker)"),
        e.getMessage());
    assertEquals(before, snapshot(nx));
    assertEquals(List.of("nx-project"), names(tmp), "nothing written beside it either");
  }

  @Test
  void finding1_markerWithPapergraphFormatIdButForeignFilesIsNeverDeleted() throws Exception {
    Path thesis = Files.createDirectories(tmp.resolve("thesis"));
    Files.writeString(
        thesis.resolve("workspace.json"), "{\"format\":\"papergraph-workspace\",\"version\":2}");
    Files.writeString(thesis.resolve("chapter1.tex"), "\\chapter{One}");
    Map<String, String> before = snapshot(thesis);
    var e = assertThrows(WorkspaceException.class, () -> small(thesis));
    assertTrue(
        e.getMessage().contains("it holds chapter1.tex, which papergraph did not write"),
        e.getMessage());
    assertEquals(before, snapshot(thesis));
  }

  @Test
  void finding1_workspaceWithAFileAddedByTheUserIsNotReplaced() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Files.writeString(dir.resolve("notes.txt"), "precious");
    Files.writeString(dir.resolve("index/my-notes.md"), "precious too");
    Map<String, String> before = snapshot(dir);
    var e = assertThrows(WorkspaceException.class, () -> small(dir));
    assertTrue(e.getMessage().contains("index/my-notes.md"), e.getMessage());
    assertEquals(before, snapshot(dir));
    Files.delete(dir.resolve("index/my-notes.md"));
    e = assertThrows(WorkspaceException.class, () -> small(dir));
    assertTrue(e.getMessage().contains("it holds notes.txt"), e.getMessage());
    assertEquals("precious", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void finding1_ownWorkspaceAndEmptyFolderAreReplaced() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    small(dir);
    Workspace.build(
        dir,
        List.of(jsonl("b.jsonl", "Delta graphs", "Epsilon graphs")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    assertEquals(
        List.of("Delta graphs", "Epsilon graphs"),
        Workspace.open(dir).papers().stream().map(Paper::title).toList());
    assertEquals(List.of("empty"), names(tmp), "no staging folder, old copy or lock left");
  }

  // ---- finding 2: a build that imports nothing keeps the previous workspace

  @Test
  void finding2_buildImportingNoPaperFailsAndKeepsThePreviousWorkspace() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Map<String, String> before = snapshot(dir);
    InputSource rejected =
        InputSource.ofBytes(
            "bad.jsonl",
            "{\"abstract\":\"no title\",\"provenance\":[]}\n{\"abstract\":\"none here\",\"provenance\":[]}\n"
                .getBytes(StandardCharsets.UTF_8));
    var e =
        assertThrows(
            NothingImportedException.class,
            () ->
                Workspace.build(
                    dir,
                    List.of(rejected),
                    BuildOptions.DEFAULTS.withFormat(Format.PAPERGRAPH_JSONL),
                    Progress.NONE));
    assertTrue(
        e.getMessage().startsWith("no papers imported: 2 records read, 2 rejected (first: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("the workspace there is unchanged"), e.getMessage());
    assertEquals(2, e.report().rejected());
    assertEquals(before, snapshot(dir));

    InputSource empty = InputSource.ofBytes("empty.jsonl", new byte[0]);
    var none =
        assertThrows(
            NothingImportedException.class,
            () ->
                Workspace.build(
                    dir,
                    List.of(empty),
                    BuildOptions.DEFAULTS.withFormat(Format.PAPERGRAPH_JSONL),
                    Progress.NONE));
    assertTrue(
        none.getMessage().startsWith("no papers imported: the inputs hold no record"),
        none.getMessage());
    assertEquals(before, snapshot(dir));
    assertEquals(List.of("ws"), names(tmp));
  }

  @Test
  void finding2_addingInputsThatGiveNoRecordFailsAndKeepsTheWorkspace() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Map<String, String> before = snapshot(dir);
    InputSource empty = InputSource.ofBytes("empty.jsonl", new byte[0]);
    var e =
        assertThrows(
            NothingImportedException.class,
            () ->
                Workspace.add(
                    dir, List.of(empty), Optional.of(Format.PAPERGRAPH_JSONL), Progress.NONE));
    assertTrue(e.getMessage().startsWith("no records to add"), e.getMessage());
    assertEquals(before, snapshot(dir));
  }

  // ---- finding 3: damage is found and named, never answered

  @Test
  void finding3_eachDamagedStageFileIsNamedWhenRead() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace built = small(dir);
    Map<String, IoCall> readers =
        Map.of(
            "catalog.tsv", Workspace::catalog,
            "edges.tsv", Workspace::links,
            "centralities.tsv", Workspace::centralities,
            "layout.tsv", Workspace::layout,
            "communities.json", Workspace::communities,
            "manifest.json", Workspace::manifest,
            "import-report.json", Workspace::importReport,
            "engine-options.json", w -> w.search("alpha", 1));
    for (var r : readers.entrySet()) {
      Path file = dir.resolve(r.getKey());
      byte[] good = Files.readAllBytes(file);
      // truncated: the size no longer matches
      Files.write(file, Arrays.copyOf(good, good.length / 2));
      var cut =
          assertThrows(
              WorkspaceException.class, () -> r.getValue().call(Workspace.open(dir)), r.getKey());
      assertTrue(
          cut.getMessage()
              .startsWith(
                  "damaged workspace: "
                      + r.getKey()
                      + " ("
                      + good.length / 2
                      + " bytes, "
                      + good.length
                      + " expected)"),
          cut.getMessage());
      // one byte changed, same size: the checksum differs
      byte[] flipped = good.clone();
      flipped[good.length - 2] ^= 0x01;
      Files.write(file, flipped);
      var bad =
          assertThrows(
              WorkspaceException.class, () -> r.getValue().call(Workspace.open(dir)), r.getKey());
      assertTrue(
          bad.getMessage().startsWith("damaged workspace: " + r.getKey() + " ("), bad.getMessage());
      Files.delete(file);
      var gone =
          assertThrows(
              WorkspaceException.class, () -> r.getValue().call(Workspace.open(dir)), r.getKey());
      assertTrue(
          gone.getMessage().startsWith("damaged workspace: " + r.getKey() + " (missing)"),
          gone.getMessage());
      Files.write(file, good);
    }
    assertEquals(built.links(), Workspace.open(dir).links(), "whole again once restored");
  }

  @Test
  void finding3_aTableCutAtALineBoundaryIsFoundByItsSize() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Path edges = dir.resolve("edges.tsv");
    List<String> lines = Files.readAllLines(edges);
    assertTrue(lines.size() > 2, lines.toString());
    Files.write(edges, lines.subList(0, 2));
    var e = assertThrows(WorkspaceException.class, () -> Workspace.open(dir).links());
    assertTrue(e.getMessage().startsWith("damaged workspace: edges.tsv ("), e.getMessage());
    assertTrue(e.getMessage().endsWith(": rebuild it with `papergraph build`"), e.getMessage());
  }

  @Test
  void finding3_missingSegmentsFileIsRefusedByOpenAndByAdd() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Path segments;
    try (Stream<Path> s = Files.list(dir.resolve("index"))) {
      segments =
          s.filter(p -> p.getFileName().toString().startsWith("segments_"))
              .findFirst()
              .orElseThrow();
    }
    Files.delete(segments);
    Map<String, String> before = snapshot(dir);
    var read = assertThrows(WorkspaceException.class, () -> Workspace.open(dir).papers());
    assertEquals(
        "damaged workspace: index/"
            + segments.getFileName()
            + " (missing) in "
            + dir
            + ": rebuild it with `papergraph build`",
        read.getMessage());
    var add =
        assertThrows(
            WorkspaceException.class,
            () ->
                Workspace.add(
                    dir,
                    List.of(jsonl("more.jsonl", "Zeta graphs")),
                    Optional.empty(),
                    Progress.NONE));
    assertTrue(add.getMessage().startsWith("damaged workspace: index/segments_"), add.getMessage());
    assertEquals(before, snapshot(dir), "a damaged workspace is not extended");
    assertEquals(List.of("ws"), names(tmp));
  }

  @Test
  void finding3_aDamagedIndexFileIsNamed() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Path biggest;
    try (Stream<Path> s = Files.list(dir.resolve("index"))) {
      biggest = s.max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    byte[] b = Files.readAllBytes(biggest);
    b[b.length / 2] ^= 0x20;
    Files.write(biggest, b);
    var e = assertThrows(WorkspaceException.class, () -> Workspace.open(dir).papers());
    assertTrue(
        e.getMessage()
            .startsWith("damaged workspace: index/" + biggest.getFileName() + " (checksum "),
        e.getMessage());
  }

  @Test
  void finding3_queriesCheckOnlyWhatTheyRead() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace built = small(dir);
    Files.writeString(dir.resolve("layout.tsv"), "id\tx\ty\n");
    Workspace opened = Workspace.open(dir);
    assertEquals(built.catalog(), opened.catalog());
    assertEquals(built.centralities(), opened.centralities());
    assertThrows(WorkspaceException.class, opened::layout);
  }

  /** A query against a workspace that may throw. */
  interface IoCall {
    Object call(Workspace w) throws IOException;
  }

  // ---- finding 4: stage files keep any text, papers of any size

  @Test
  void finding4_idsAndTitlesWithTabsLineBreaksAndControlCharactersRoundTrip() throws Exception {
    Path dir = tmp.resolve("ws");
    String nasty =
        "Tab\\there, line\\nbreak, return\\r, bell\\u0007, unit\\u001f, record\\u001e, back\\\\slash";
    String json =
        "{\"title\":\""
            + nasty
            + " graphs\",\"abstract\":\"graphs and trees\",\"ids\":{\"pmid\":\"1234\"},"
            + "\"provenance\":[]}\n{\"title\":\"Plain graphs\",\"abstract\":\"graphs and trees\",\"provenance\":[]}\n";
    Workspace built =
        Workspace.build(
            dir,
            List.of(InputSource.ofBytes("n.jsonl", json.getBytes(StandardCharsets.UTF_8))),
            BuildOptions.DEFAULTS,
            Progress.NONE);
    Workspace opened = Workspace.open(dir);
    assertEquals(built.papers(), opened.papers());
    assertEquals(built.catalog(), opened.catalog());
    assertEquals(built.links(), opened.links());
    assertEquals(built.centralities(), opened.centralities());
    assertEquals(built.layout(), opened.layout());
    String title =
        opened.catalog().stream()
            .map(PaperRef::title)
            .filter(t -> t.startsWith("Tab"))
            .findFirst()
            .orElseThrow();
    // the readers' door (read.RecordDoor) makes a title one line: control characters become spaces
    assertEquals("Tab here, line break, return , bell , unit , record , back\\slash graphs", title);
    assertEquals(
        3, Files.readAllLines(dir.resolve("catalog.tsv")).size(), "a header and one line a paper");
  }

  @Test
  void finding4_stageFilesRoundTripIdsWithEveryControlCharacterAndLoneSurrogates()
      throws Exception {
    StringBuilder all = new StringBuilder("id");
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    all.append('\u007f')
        .append('\\')
        .append("\\t")
        .append('\ud800')
        .append("x")
        .append('\udc00')
        .append("😀");
    String id = all.toString();
    var links =
        List.of(
            new Link(
                "b\tc",
                id,
                new EdgeExplanation(
                    0.5,
                    0.5,
                    0,
                    0,
                    0,
                    0,
                    List.of(new SharedTerm(id, id, 0.5)),
                    List.of(id, "t"),
                    List.of(id))));
    Path f = tmp.resolve("edges.tsv");
    StageFiles.writeLinks(f, links);
    assertEquals(links, StageFiles.readLinks(tmp, f));
    assertEquals(2, Files.readAllLines(f).size());
    for (String s : List.of(id, "", "plain", "\\", "\\u0041", "a\\nb")) {
      assertEquals(s, StageFiles.unescape(StageFiles.escape(s)), s);
    }
  }

  @Test
  void finding4_anAbstractOver20MillionCharactersIsSavedReadAndAddedTo() throws Exception {
    StringBuilder big = new StringBuilder(20_000_100);
    // long words keep the token count (and the test's time) down; the character count is what
    // matters
    String[] words = {
      "graphtheoreticalapproach ",
      "treedecompositionmethods ",
      "nodeembeddingtechniques ",
      "edgeweightedpathfinding "
    };
    for (int i = 0; big.length() <= 20_050_000; i++) {
      big.append(words[i % words.length]);
    }
    // a CSV reader takes a cell of any length: the workspace must keep whatever a reader accepted
    String csv =
        "title,abstract\nA very long paper,"
            + big
            + "\nA short paper on graph trees,graph tree node\n";
    big = null;
    Path dir = tmp.resolve("ws");
    Workspace.build(
        dir,
        List.of(InputSource.ofBytes("big.csv", csv.getBytes(StandardCharsets.UTF_8))),
        BuildOptions.DEFAULTS.withFormat(Format.CSV),
        Progress.NONE);
    csv = null;
    // the readers' door (read.Limits) rejects an abstract over 1 M characters with its reason; the
    // rest is saved, read and added to
    List<Paper> papers = Workspace.open(dir).papers();
    assertEquals(1, papers.size());
    assertTrue(
        Workspace.open(dir)
            .importReport()
            .rejections()
            .get(0)
            .reason()
            .contains("over the limit of 1000000"));
    Workspace.add(
        dir, List.of(jsonl("more.jsonl", "Another graph paper")), Optional.empty(), Progress.NONE);
    Workspace added = Workspace.open(dir);
    assertEquals(2, added.papers().size());
    assertEquals(2, added.importReport().imported());
  }

  // ---- finding 6: a kill between the renames of the swap, and leftovers of killed builds

  @Test
  void finding6_workspaceLostBetweenTheRenamesIsRestoredOnOpen() throws Exception {
    Path dir = tmp.resolve("ws");
    Workspace built = small(dir);
    Map<String, String> before = snapshot(dir);
    // the state a kill between the two renames leaves: the old workspace aside, the new one
    // complete
    Path old = tmp.resolve(".ws.old-4242-1a2b");
    Files.move(dir, old);
    Path staging = tmp.resolve(".ws.building-4242-1a2c");
    Workspace.build(
        tmp.resolve("other"),
        List.of(jsonl("b.jsonl", "Other graphs")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    Files.move(tmp.resolve("other"), staging);

    Workspace opened = Workspace.open(dir);
    assertEquals(built.papers(), opened.papers());
    assertEquals(before, snapshot(dir));
    assertEquals(
        List.of("ws"), names(tmp), "the old copy restored, the killed build's new folder deleted");
  }

  @Test
  void finding6_buildRestoresTheLostWorkspaceBeforeReplacingIt() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Files.move(dir, tmp.resolve(".ws.old-17-ff"));
    Workspace.build(
        dir,
        List.of(jsonl("b.jsonl", "Delta graphs", "Epsilon trees")),
        BuildOptions.DEFAULTS,
        Progress.NONE);
    assertEquals(2, Workspace.open(dir).papers().size());
    assertEquals(List.of("ws"), names(tmp));
  }

  @Test
  void finding6_leftoversOfKilledBuildsAreDeletedButNotForeignLookalikes() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    // a killed build's half-written staging folder: stage files, an AtomicOutput temporary, an
    // index
    Path staging = Files.createDirectories(tmp.resolve(".ws.building-99-abc"));
    Files.writeString(staging.resolve("import-report.json"), "{}");
    Files.writeString(staging.resolve(".catalog.tsv.123456.tmp"), "id\t");
    Files.createDirectories(staging.resolve("index"));
    Files.writeString(staging.resolve("index/_0.cfs"), "x");
    Files.writeString(staging.resolve("index/write.lock"), "");
    Path oldCopy = tmp.resolve(".ws.old-98-abd");
    Files.createDirectories(oldCopy);
    Files.copy(dir.resolve("catalog.tsv"), oldCopy.resolve("catalog.tsv"));
    // named like a leftover, but holding a user's file: never deleted
    Path lookalike = Files.createDirectories(tmp.resolve(".ws.building-97-abe"));
    Files.writeString(lookalike.resolve("diary.txt"), "mine");
    Files.writeString(tmp.resolve(".ws.lock"), "pid 99 build 1");

    small(dir);
    assertEquals(List.of(".ws.building-97-abe", "ws"), names(tmp));
    assertEquals("mine", Files.readString(lookalike.resolve("diary.txt")));
  }

  // ---- finding 7: one build at a time

  @Test
  void finding7_aSecondBuildWhileOneHoldsTheLockIsRefused() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Map<String, String> before = snapshot(dir);
    try (var lock = WorkspaceStore.BuildLock.acquire(dir.toAbsolutePath(), "build")) {
      var e = assertThrows(WorkspaceException.class, () -> small(dir));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "another papergraph build is writing this workspace (process "
                      + ProcessHandle.current().pid()
                      + ") in "
                      + dir),
          e.getMessage());
      var a =
          assertThrows(
              WorkspaceException.class,
              () ->
                  Workspace.add(
                      dir,
                      List.of(jsonl("m.jsonl", "More graphs")),
                      Optional.empty(),
                      Progress.NONE));
      assertTrue(a.getMessage().startsWith("another papergraph build"), a.getMessage());
      assertEquals(
          3, Workspace.open(dir).papers().size(), "queries still read the workspace meanwhile");
    }
    assertEquals(before, snapshot(dir));
    small(dir);
    assertEquals(List.of("ws"), names(tmp), "the lock file goes with the lock");
  }

  @Test
  void finding7_concurrentBuildsInThreadsLeaveOneWinnerAndOneClearRefusal() throws Exception {
    Path dir = tmp.resolve("ws");
    var pool = Executors.newFixedThreadPool(2);
    try {
      var ready = new CountDownLatch(1);
      // the first build waits in its read stage, holding the lock, until the second has been
      // refused
      Progress waiting =
          new Progress() {
            @Override
            public void start(String stage, long total) {
              if (stage.equals("read")) {
                try {
                  ready.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            }

            @Override
            public void advance(long units) {}

            @Override
            public void finish() {}
          };
      var first =
          pool.submit(
              () ->
                  Workspace.build(
                      dir,
                      List.of(jsonl("a.jsonl", "Alpha graphs", "Beta graphs")),
                      BuildOptions.DEFAULTS,
                      waiting));
      for (int i = 0; i < 200 && !Files.exists(tmp.resolve(".ws.lock")); i++) {
        Thread.sleep(25);
      }
      var second = pool.submit(() -> small(dir));
      var e = assertThrows(ExecutionException.class, second::get);
      assertTrue(
          e.getCause() instanceof WorkspaceException
              && e.getCause()
                  .getMessage()
                  .startsWith("another papergraph build is writing this workspace"),
          String.valueOf(e.getCause()));
      ready.countDown();
      assertEquals(2, first.get().papers().size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        List.of("Alpha graphs", "Beta graphs"),
        Workspace.open(dir).papers().stream().map(Paper::title).toList());
    assertEquals(List.of("ws"), names(tmp));
  }

  // ---- finding 28: a read-only workspace folder

  @Test
  void finding28_readOnlyWorkspaceIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path dir = tmp.resolve("ws");
    small(dir);
    Map<String, String> before = snapshot(dir);
    for (Path ro : List.of(dir, dir.resolve("index"))) {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
      try {
        var e = assertThrows(WorkspaceException.class, () -> small(dir));
        assertTrue(
            e.getMessage()
                .startsWith("the workspace folder " + ro.getFileName() + " is read-only in " + dir),
            e.getMessage());
        assertTrue(e.getMessage().endsWith("nothing was changed"), e.getMessage());
      } finally {
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      assertEquals(before, snapshot(dir));
      assertEquals(List.of("ws"), names(tmp), "no leftover");
    }
    small(dir);
    assertEquals(List.of("ws"), names(tmp));
  }
}
