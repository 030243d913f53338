package dev.papergraph.cli;

import static dev.papergraph.text.TextCleaner.readable;

import dev.papergraph.similarity.EdgeExplanation;
import dev.papergraph.similarity.SharedTerm;
import dev.papergraph.workspace.PaperRef;
import dev.papergraph.workspace.Workspace;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code papergraph explain}: why two papers are (or are not) linked. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Explain the similarity of two papers: the combined score, each component (text, topic, citations) and "
          + "the evidence: the shared terms with their contributions, shared topics and shared references.",
      "Works for any pair, linked or not."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph explain \"Grokking at the Edge\" \"Grokking as the Transition\"",
      "  papergraph explain title:215cdfb109b560a0 \"PD-Quant\" --output json"
    })
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;

  @Parameters(
      index = "0",
      paramLabel = "PAPER",
      description = "Id, DOI, arXiv id or title fragment.")
  String first;

  @Parameters(
      index = "1",
      paramLabel = "OTHER",
      description = "Id, DOI, arXiv id or title fragment.")
  String second;

  @Override
  public Integer call() throws Exception {
    Workspace ws = workspace.open();
    PaperRef a = Papers.resolve(ws, first);
    PaperRef b = Papers.resolve(ws, second);
    if (a.id().equals(b.id())) {
      throw new UserException(
          "both arguments name the same paper (" + a.id() + "); give two different papers");
    }
    Workspace.PairExplanation pair = ws.explain(a.id(), b.id());
    EdgeExplanation e = pair.explanation();
    boolean aCitesB = ws.cites(a.id(), b.id());
    boolean bCitesA = ws.cites(b.id(), a.id());
    String direction =
        aCitesB && bCitesA
            ? "A and B cite each other"
            : aCitesB
                ? "A cites B (A is the citing paper)"
                : bCitesA ? "B cites A (B is the citing paper)" : "neither cites the other";
    List<String> shared = new ArrayList<>();
    for (String key : e.sharedReferences()) {
      // a reference resolved in the corpus is keyed by the paper's id; others stay ids
      shared.add(ws.ref(key).map(r -> readable(r.title()) + "  (" + key + ")").orElse(key));
    }
    PrintWriter out = output.out();
    switch (output.form) {
      case json -> {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", Papers.idAndTitle(a.id(), readable(a.title())));
        doc.put("b", Papers.idAndTitle(b.id(), readable(b.title())));
        doc.put("linked", pair.linked());
        List<String> citing = new ArrayList<>();
        if (aCitesB) citing.add(a.id() + " cites " + b.id());
        if (bCitesA) citing.add(b.id() + " cites " + a.id());
        doc.put("citations", citing);
        List<Map<String, Object>> refs = new ArrayList<>();
        for (String key : e.sharedReferences()) {
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("id", key);
          ws.ref(key).ifPresent(p -> r.put("title", readable(p.title())));
          refs.add(r);
        }
        doc.put("sharedReferences", refs);
        doc.put("explanation", e);
        output.json(doc);
      }
      case table -> {
        output.heading("A  " + readable(a.title()) + "  (" + a.id() + ")");
        output.heading("B  " + readable(b.title()) + "  (" + b.id() + ")");
        out.printf(
            Text.NUMBERS,
            "%nscore %.4f, %s%n",
            e.score(),
            pair.linked()
                ? "an edge of the graph"
                : "not an edge of the graph (below the top-k or minimum score)");
        if (e.semantic() != 0) {
          out.printf(
              Text.NUMBERS, "  text        %.4f   lexical and semantic scores fused:%n", e.text());
          out.printf(
              Text.NUMBERS,
              "    lexical   %.4f   cosine of the weighted title+abstract terms%n",
              e.lexical());
          out.printf(
              Text.NUMBERS,
              "    semantic  %.4f   cosine of the title+abstract embeddings%n",
              e.semantic());
        } else {
          out.printf(
              Text.NUMBERS,
              "  text        %.4f   cosine of the weighted title+abstract terms%n",
              e.text());
        }
        out.printf(
            Text.NUMBERS, "  topic       %.4f   weighted Jaccard of the topics%n", e.topic());
        out.printf(Text.NUMBERS, "  direct      %.4f   %s%n", e.direct(), direction);
        out.printf(Text.NUMBERS, "  coupling    %.4f   shared references%n", e.coupling());
        out.printf(Text.NUMBERS, "  cocitation  %.4f   cited together%n", e.cocitation());
        if (!e.sharedTerms().isEmpty()) {
          out.printf("%nShared terms (contribution to text)%n");
          Table t = new Table("term", "analysed", "contribution").flexible("term", "analysed");
          for (SharedTerm s : e.sharedTerms()) {
            t.row(s.display(), s.term(), s.contribution());
          }
          output.print(t);
        }
        if (!e.sharedTopics().isEmpty()) {
          out.println();
          output.heading("Shared topics: " + String.join(", ", e.sharedTopics()));
        }
        if (!shared.isEmpty()) {
          out.printf("%nShared references (%d)%n", shared.size());
          shared.forEach(line -> output.heading("  " + line));
        }
      }
      case csv, tsv -> {
        Table t = new Table("component", "value", "detail");
        t.row("score", e.score(), pair.linked() ? "edge" : "not an edge");
        t.row("text", e.text(), null);
        t.row("lexical", e.lexical(), null);
        t.row("semantic", e.semantic(), null);
        t.row("topic", e.topic(), String.join("; ", e.sharedTopics()));
        t.row("direct", e.direct(), direction);
        t.row("coupling", e.coupling(), String.join("; ", shared));
        t.row("cocitation", e.cocitation(), null);
        for (SharedTerm s : e.sharedTerms()) {
          t.row("term", s.contribution(), s.display());
        }
        output.print(t);
      }
    }
    return Main.EXIT_OK;
  }
}
