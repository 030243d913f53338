/**
 * The analysis stage: communities, labels, centralities, neighbourhoods and the run manifest.
 *
 * <p>Entry point: {@link dev.papergraph.analysis.AnalysisStage} ({@code new
 * AnalysisStage(AnalysisStage.Options.defaults()).analyze(paperGraph, engine.neighbourDocs(),
 * TermSource.of(engine.vectors()))}), which gives labelled {@link
 * dev.papergraph.analysis.Communities} and {@link dev.papergraph.analysis.Centralities} plus every
 * parameter for the {@link dev.papergraph.analysis.RunManifest}; {@link
 * dev.papergraph.analysis.AnalysisStage.Options#fromParameters} rebuilds the options from a
 * manifest.
 *
 * <p>Conventions shared by every class here: the similarity graph is undirected and weighted,
 * weight = combined similarity score; path-based measures and the strongest path use edge length
 * {@code 1 / weight}; vertices are processed in corpus order and every random choice is seeded, so
 * the same input and options give the same output on every machine. Leiden partitions the {@link
 * dev.papergraph.analysis.SharedNeighbourGraph} of the top-k lists by default; the modularity
 * reported is that of the similarity graph.
 */
package dev.papergraph.analysis;
