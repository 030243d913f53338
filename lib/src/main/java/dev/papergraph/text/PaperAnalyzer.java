package dev.papergraph.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * papergraph's English analysis chain, built from Lucene components:
 *
 * <ol>
 *   <li>{@code StandardTokenizer} (Unicode word boundaries; "post-training" gives "post",
 *       "training"), or the scikit-learn token pattern for {@link TextOptions.Tokenizer#SKLEARN};
 *   <li>{@code EnglishPossessiveFilter}, {@code LowerCaseFilter};
 *   <li>{@code StopFilter} with scikit-learn's 318 English stop words, {@code LengthFilter} (at
 *       least 2 characters);
 *   <li>{@code PorterStemFilter} or {@code KStemFilter};
 *   <li>with bigrams, {@code ShingleFilter} (unigrams and two-word phrases such as "post train"),
 *       then {@link PhraseGapFilter} dropping phrases that would span a removed stop word.
 * </ol>
 *
 * <p>Thread-safe (Lucene reuses one chain per thread). Field names do not change the chain.
 */
public final class PaperAnalyzer extends Analyzer {

  /** Stands in for a removed word inside a shingle; phrases containing it are dropped. */
  static final String GAP = "\u2063";

  private static final Pattern SKLEARN_TOKEN =
      Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

  /** scikit-learn's English stop words (318), lower case. */
  public static final CharArraySet STOP_WORDS = loadStopWords();

  private final TextOptions options;

  /** The chain for these options (tokenizer, stemmer, bigrams; the weighting is not used here). */
  public PaperAnalyzer(TextOptions options) {
    this.options = java.util.Objects.requireNonNull(options, "options");
  }

  /** The options this chain was built for. */
  public TextOptions options() {
    return options;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source;
    TokenStream t;
    if (options.tokenizer() == TextOptions.Tokenizer.SKLEARN) {
      source = new PatternTokenizer(SKLEARN_TOKEN, 0);
      t = new LowerCaseFilter(source);
    } else {
      source = new StandardTokenizer();
      t = new EnglishPossessiveFilter(source);
      t = new LowerCaseFilter(t);
    }
    t = new StopFilter(t, STOP_WORDS);
    t = new LengthFilter(t, 2, 255);
    switch (options.stemmer()) {
      case PORTER -> t = new PorterStemFilter(t);
      case KSTEM -> t = new KStemFilter(t);
      case NONE -> { }
    }
    if (options.bigrams()) {
      ShingleFilter shingles = new ShingleFilter(t, 2, 2);
      shingles.setFillerToken(GAP);
      shingles.setOutputUnigrams(true);
      t = new PhraseGapFilter(shingles);
    }
    return new TokenStreamComponents(source, t);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /**
   * The analysed terms of a text, in order (unigrams and phrases as the chain emits them).
   *
   * @throws UncheckedIOException never for in-memory text; declared by Lucene
   */
  public List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = tokenStream("text", text)) {
      var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static CharArraySet loadStopWords() {
    List<String> words = new ArrayList<>();
    try (InputStream in = PaperAnalyzer.class.getResourceAsStream("english-stopwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource english-stopwords.txt missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          words.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
  }
}
