/**
 * Running work on several cores: {@link dev.papergraph.concurrent.Parallel}, used by every stage
 * that runs in parallel, so that the thread option means the same everywhere.
 */
package dev.papergraph.concurrent;
