/**
 * Optional section embeddings (Ollama through LangChain4j) for hybrid retrieval: the embedder,
 * the on-disk vector cache keyed by content hash and model, and the query-side fallback to
 * keyword search when Ollama is down, slow or wrong.
 */
@NullMarked
package io.runbookbot.search.embed;

import org.jspecify.annotations.NullMarked;
