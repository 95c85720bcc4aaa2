/**
 * The optional chat model (Ollama through LangChain4j): grounded summaries of a shown section and
 * the investigate agent. Depends on core ports only; without a chat model none of it runs.
 */
@NullMarked
package io.runbookbot.llm;

import org.jspecify.annotations.NullMarked;
