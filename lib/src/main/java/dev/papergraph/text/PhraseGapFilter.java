package dev.papergraph.text;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Drops shingles that contain the filler of a removed stop word, so that "quantization of the
 * network" yields no phrase "quantiz network" and no "quantiz _". Lucene has no filter for this.
 */
final class PhraseGapFilter extends FilteringTokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  PhraseGapFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() {
    char gap = PaperAnalyzer.GAP.charAt(0);
    char[] b = term.buffer();
    for (int i = 0, n = term.length(); i < n; i++) {
      if (b[i] == gap) {
        return false;
      }
    }
    return true;
  }
}
