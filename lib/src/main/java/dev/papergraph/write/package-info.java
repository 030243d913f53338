/**
 * Exports: one {@link dev.papergraph.write.GraphWriter} per format (GraphML, GEXF 1.3, JSON
 * node-link, CSV, DOT, VOSviewer JSON) over one flattened attribute model ({@link
 * dev.papergraph.write.ExportModel}), so that every format carries the same attributes under the
 * same names: colour by community ({@link dev.papergraph.write.Palette}), size by a centrality,
 * position from the layout. Entry point: {@link dev.papergraph.write.Exports}; any subset of papers
 * (an ego graph) is exported through {@link dev.papergraph.write.Exports#restrict}.
 *
 * <p>Every file is written through {@link dev.papergraph.io.AtomicOutput} (temporary file in the
 * target folder, fsync, rename), never over an existing file unless {@link
 * dev.papergraph.write.WriteOptions#overwrite()} says so; the leftovers of a killed writer are
 * removed by the next write to the same target. Output is deterministic: papers in corpus order,
 * edges sorted by id, no hash-ordered iteration.
 */
package dev.papergraph.write;
