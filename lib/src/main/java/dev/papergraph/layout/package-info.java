/**
 * Headless, deterministic 2-D layouts of the similarity graph: {@link
 * dev.papergraph.layout.ForceAtlas2} (Barnes-Hut, seeded) through {@link
 * dev.papergraph.layout.Layouts#compute}, giving a {@link dev.papergraph.layout.Layout} that the
 * exports and the viewer draw.
 */
package dev.papergraph.layout;
