/**
 * Graphs over the papers: {@link dev.papergraph.graph.PaperGraph} (JGraphT similarity and citation
 * graphs) and {@link dev.papergraph.graph.IndexedGraph}, the flat-array form the analysis runs on.
 */
package dev.papergraph.graph;
