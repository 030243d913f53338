package dev.papergraph.model;

/** Where a topic of a paper came from. */
public enum TopicSource {
  /** A subject category assigned by the source (arXiv categories, S2 fields of study). */
  CATEGORY,
  /** A concept or topic scored by a classifier of the source (OpenAlex concepts/topics). */
  CONCEPT,
  /** A keyword given by the authors or the publisher (BibTeX/RIS keywords, OpenAlex keywords). */
  KEYWORD,
  /** A controlled-vocabulary heading (MeSH). */
  MESH,
  /** A distinctive term or phrase extracted from the paper's text against the corpus. */
  EXTRACTED
}
