/**
 * The semantic component: an in-process sentence-embedding model (quantized all-MiniLM-L6-v2 by
 * default, run by ONNX Runtime), the text it embeds per paper, and the checksummed cache of vectors
 * a workspace keeps so that no paper text is embedded twice.
 */
package dev.papergraph.embed;
