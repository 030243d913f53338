/**
 * Fetching a corpus from a bibliographic API, before the pipeline reads it: {@link
 * dev.papergraph.fetch.OpenAlexFetch} grows a corpus from a seed work (its references, the works
 * citing it, their references) or a search through OpenAlex's works API, with {@link
 * dev.papergraph.fetch.OpenAlexClient} doing the HTTP: on-disk response cache (a re-run spends
 * nothing twice; a stopped fetch continues), retries with backoff honouring {@code Retry-After}.
 * The output is JSON Lines of OpenAlex work objects, which {@code read.OpenAlexReader} reads.
 */
package dev.papergraph.fetch;
