package dev.papergraph.cli;

import dev.papergraph.analysis.Centralities;
import dev.papergraph.analysis.Community;
import dev.papergraph.analysis.Measure;
import dev.papergraph.analysis.Popularity;
import dev.papergraph.analysis.PopularityContrast;
import dev.papergraph.model.Paper;
import dev.papergraph.workspace.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code papergraph rank}: the most central papers, or those whose centrality and popularity
 * disagree.
 */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Rank papers by a centrality measure, over the whole graph or within one community.",
      "--gems lists papers far more central than popular (upvotes or citations), --hype the reverse, "
          + "each paper compared with its peers only: a paper is judged when it has the figure, at "
          + "least --min-degree similarity neighbours and (for citations) a year; its peers are the "
          + "judged papers of its community published at most --age-window years apart (any age for "
          + "upvotes); with fewer than --min-peers peers it is not judged. The gap is its percentile "
          + "among its peers in centrality (within the community) minus that in popularity; --output "
          + "json, csv and tsv add the community and the number of peers."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  papergraph rank                          top 10 by PageRank",
      "  papergraph rank --by betweenness --top 20",
      "  papergraph rank --community 0            within community 0 (see `communities`)",
      "  papergraph rank --gems                   central but little upvoted",
      "  papergraph rank --top 5 --output json | jq '.[].title'"
    })
final class RankCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin GlobalOptions global;
  @Mixin WorkspaceOptions workspace;
  @Mixin OutputOptions output;
  @Mixin YearOptions years;

  @Option(
      names = "--by",
      paramLabel = "MEASURE",
      defaultValue = "pagerank",
      completionCandidates = MeasureNames.class,
      description = "Centrality: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(
      names = "--community",
      paramLabel = "N",
      description = "Only papers of community N, ranked by the measure within the community.")
  Integer community;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Rows to show (default: ${DEFAULT-VALUE}).")
  int top;

  @ArgGroup(exclusive = true)
  Contrast contrast;

  static final class Contrast {
    @Option(
        names = "--gems",
        required = true,
        description = "Hidden gems: far more central than popular.")
    boolean gems;

    @Option(names = "--hype", required = true, description = "Hype: far more popular than central.")
    boolean hype;
  }

  @Option(
      names = "--min-gap",
      paramLabel = "G",
      defaultValue = "0.5",
      description =
          "With --gems/--hype: least gap between centrality and popularity percentiles, 0-1 "
              + "(default: ${DEFAULT-VALUE}).")
  double minGap;

  @Option(
      names = "--min-degree",
      paramLabel = "N",
      defaultValue = "" + PopularityContrast.Rule.MIN_DEGREE_DEFAULT,
      description = "With --gems/--hype: least number of neighbours (default: ${DEFAULT-VALUE}).")
  int minDegree;

  @Option(
      names = "--age-window",
      paramLabel = "YEARS",
      defaultValue = "" + PopularityContrast.Rule.AGE_WINDOW_DEFAULT,
      description =
          "With --gems/--hype by citations: peers published at most YEARS apart (default: "
              + "${DEFAULT-VALUE}).")
  int ageWindow;

  @Option(
      names = "--min-peers",
      paramLabel = "N",
      defaultValue = "" + PopularityContrast.Rule.MIN_PEERS_DEFAULT,
      description =
          "With --gems/--hype: least number of peers, the paper included (default: "
              + "${DEFAULT-VALUE}).")
  int minPeers;

  @Override
  public Integer call() throws Exception {
    Measure measure =
        Measure.byName(by)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "unknown --by '"
                            + by
                            + "': expected one of "
                            + String.join(", ", new MeasureNames())));
    if (top < 1) {
      throw new ParameterException(spec.commandLine(), "--top must be at least 1: " + top);
    }
    if (!(minGap >= 0 && minGap <= 1)) {
      throw new ParameterException(
          spec.commandLine(), "--min-gap must be between 0 and 1: " + minGap);
    }
    Workspace ws = workspace.open();
    // the contrast also filters by degree; a ranking needs the one measure it ranks by
    Centralities c = contrast != null ? ws.centralities() : ws.centralities(measure);
    Optional<Set<String>> kept = years.keep(ws);
    Table t;
    if (contrast != null) {
      List<Paper> papers = ws.papers();
      if (kept.isPresent()) {
        papers = papers.stream().filter(p -> kept.get().contains(p.id())).toList();
      }
      t = contrast(ws, measure, papers, c);
    } else if (community != null) {
      Community com = Papers.community(ws.communities(), community);
      Map<String, Double> within = c.withinCommunity().getOrDefault(measure, Map.of());
      List<String> ids = new ArrayList<>(com.members());
      kept.ifPresent(ids::retainAll);
      ids.sort(
          (a, b) -> {
            int cmp = Double.compare(within.getOrDefault(b, 0.0), within.getOrDefault(a, 0.0));
            return cmp != 0 ? cmp : a.compareTo(b);
          });
      t = new Table("rank", measure.key(), "overall", "year", "id", "title").flexible("title");
      int rank = 0;
      for (String id : ids.subList(0, Math.min(top, ids.size()))) {
        t.row(
            ++rank,
            within.getOrDefault(id, 0.0),
            c.score(measure, id),
            YearOptions.year(ws, id),
            id,
            ws.title(id));
      }
    } else {
      List<String> ranking = c.ranking(measure);
      if (kept.isPresent()) {
        ranking = ranking.stream().filter(kept.get()::contains).toList();
      }
      t = new Table("rank", measure.key(), "community", "year", "id", "title").flexible("title");
      int rank = 0;
      for (String id : ranking.subList(0, Math.min(top, ranking.size()))) {
        int community = ws.ref(id).orElseThrow().community();
        t.row(
            ++rank,
            c.score(measure, id),
            community < 0 ? null : community,
            YearOptions.year(ws, id),
            id,
            ws.title(id));
      }
    }
    output.print(t);
    return Main.EXIT_OK;
  }

  private Table contrast(Workspace ws, Measure measure, List<Paper> papers, Centralities c)
      throws Exception {
    Popularity popularity =
        PopularityContrast.choose(papers)
            .orElseThrow(
                () ->
                    new UserException(
                        "no paper in this workspace has upvotes or citation counts, so there is no popularity to contrast"));
    List<Paper> pool = papers;
    if (community != null) {
      Set<String> members = new HashSet<>(Papers.community(ws.communities(), community).members());
      pool = papers.stream().filter(p -> members.contains(p.id())).toList();
    }
    PopularityContrast.Rule rule;
    try {
      rule = new PopularityContrast.Rule(minDegree, ageWindow, minPeers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PopularityContrast pc =
        PopularityContrast.of(pool, c, measure, popularity, ws.communities(), rule);
    List<PopularityContrast.Standing> list =
        contrast.gems ? pc.hiddenGems(minGap) : pc.hype(minGap);
    String pop = popularity.name().toLowerCase(Locale.ROOT);
    // people see the percentiles whose gap ranks the papers; programs get the raw values too
    Table t =
        new Table(
                "rank",
                "gap",
                measure.key(),
                measure.key() + "Pct",
                pop,
                pop + "Pct",
                "community",
                "peers",
                "year",
                "id",
                "title")
            .machineOnly(measure.key(), pop, "community", "peers")
            .flexible("title");
    int rank = 0;
    for (PopularityContrast.Standing s : list.subList(0, Math.min(top, list.size()))) {
      t.row(
          ++rank,
          s.gap(),
          s.centrality(),
          s.centralityPercentile(),
          s.popularity(),
          s.popularityPercentile(),
          s.community(),
          s.peers(),
          YearOptions.year(ws, s.paperId()),
          s.paperId(),
          ws.title(s.paperId()));
    }
    if (list.isEmpty() && !GlobalOptions.of(spec).quiet) {
      spec.commandLine()
          .getErr()
          .printf(
              Text.NUMBERS,
              "papergraph: no paper has a gap of at least %.2f among its peers (%d papers "
                  + "judged); try a smaller --min-gap or --min-peers, or a larger --age-window%n",
              minGap,
              pc.standings().size());
    }
    return t;
  }

  /** The names {@code --by} accepts. */
  static final class MeasureNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    MeasureNames() {
      super(Arrays.stream(Measure.values()).map(Measure::key).collect(Collectors.toList()));
    }
  }
}
