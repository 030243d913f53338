package dev.papergraph.text;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Applies a thesaurus to analysed terms (words and two-word phrases, after stemming and shingling):
 * a term in the map is replaced by its value, or dropped when the value is empty. Lucene's {@code
 * StemmerOverrideFilter} maps single words before stemming only and cannot drop, and its synonym
 * filters do not see shingles; hence this filter.
 */
final class ThesaurusFilter extends FilteringTokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final Map<String, String> replacements;

  /**
   * @param replacements analysed term → analysed replacement ("" drops the term)
   */
  ThesaurusFilter(TokenStream in, Map<String, String> replacements) {
    super(in);
    this.replacements = replacements;
  }

  @Override
  protected boolean accept() throws IOException {
    String r = replacements.get(term.toString());
    if (r == null) {
      return true;
    }
    if (r.isEmpty()) {
      return false;
    }
    term.setEmpty().append(r);
    return true;
  }
}
