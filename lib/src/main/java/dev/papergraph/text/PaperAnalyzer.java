package dev.papergraph.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * papergraph's English analysis chain, built from Lucene components:
 *
 * <ol>
 *   <li>with the standard tokenizer, the char filters of {@link TextCleaner} (entities, markup,
 *       LaTeX, URLs, DOIs) and a pattern filter ({@link ScanningPatternFilter}) closing up
 *       hyphenated bound prefixes ("non-intrusive" and "nonintrusive" both give "nonintrusive"; see
 *       {@link #BOUND_PREFIX});
 *   <li>{@code StandardTokenizer} (Unicode word boundaries; "post-training" gives "post",
 *       "training"), or the scikit-learn token pattern for {@link TextOptions.Tokenizer#SKLEARN};
 *   <li>{@code EnglishPossessiveFilter}, {@code LowerCaseFilter};
 *   <li>with the standard tokenizer, numbers never become terms: {@code TypeTokenFilter} drops
 *       {@code <NUM>} tokens ("0.5", "95", "1,000") and {@link LetterFilter} any other token
 *       without a letter;
 *   <li>{@code StopFilter} with scikit-learn's 318 English stop words, {@code LengthFilter} (at
 *       least 2 characters);
 *   <li>{@code PorterStemFilter} (with a {@link StemMemo} of its stems) or {@code KStemFilter},
 *       then a {@code StopFilter} with the {@linkplain TextOptions#stopWords() academic stop list}
 *       stemmed the same way;
 *   <li>with bigrams, {@link BigramFilter} (unigrams and two-word phrases such as "post train" of
 *       words with no removed word between them: the tokens of Lucene's {@code ShingleFilter} with
 *       a filler for each gap once {@link PhraseGapFilter} has dropped those holding a filler, at a
 *       fraction of its cost), then {@link PhraseGapFilter} (which now drops only words that hold
 *       the filler character themselves);
 *   <li>with a {@linkplain TextOptions#thesaurus() thesaurus}, {@link ThesaurusFilter} replacing or
 *       dropping terms.
 * </ol>
 *
 * <p>Thread-safe (Lucene reuses one chain per thread). Field names do not change the chain.
 */
public final class PaperAnalyzer extends Analyzer {

  /**
   * The filler Lucene's {@code ShingleFilter} put in a gap, which {@link PhraseGapFilter} drops any
   * token holding: {@link BigramFilter} gives the tokens that chain gave, so a word holding this
   * character itself is dropped as it was.
   */
  static final String GAP = "\u2063";

  private static final Pattern SKLEARN_TOKEN =
      Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

  /** scikit-learn's English stop words (318), lower case. */
  public static final CharArraySet STOP_WORDS =
      CharArraySet.unmodifiableSet(new CharArraySet(readWordList("english-stopwords.txt"), false));

  /** The prefixes of {@link #BOUND_PREFIX}, lower case. */
  private static final List<String> BOUND_PREFIXES =
      List.of(
          "anti", "bi", "co", "inter", "intra", "macro", "meta", "micro", "multi", "non", "pre",
          "re", "semi", "sub", "tri", "un");

  /**
   * Prefixes that are written closed up as often as hyphenated; the hyphen after them is removed
   * before tokenizing. Free words ("post", "self", "cross") are not in the list: "post-training"
   * stays two words, as "post training" is written too. The pattern matches the hyphen alone, its
   * prefix looked behind ({@code (?i)\b(anti|bi|...)-(?=\p{L})} matching prefix and hyphen,
   * replaced by the prefix, gives the same text and offsets): a search for a literal hyphen first
   * tries one character at each position, where the prefix first tried a word boundary and 16
   * alternatives (this char filter took about 6 % of the analysis).
   */
  public static final Pattern BOUND_PREFIX =
      Pattern.compile("-(?=\\p{L})(?<=(?i)\\b(?:" + String.join("|", BOUND_PREFIXES) + ")-)");

  /** {@link #BOUND_PREFIX} removed, tried at hyphens only. */
  static final ScanningPatternFilter.Rule CLOSE_UP =
      new ScanningPatternFilter.Rule(BOUND_PREFIX, "", "-");

  private final TextOptions options;
  private final CharArraySet academic;
  private final Map<String, String> thesaurus;

  /** The chain for these options (tokenizer, stemmer, bigrams; the weighting is not used here). */
  public PaperAnalyzer(TextOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.academic = stemmedSet(options.stopWords(), options.stemmer());
    this.thesaurus = options.thesaurus().isEmpty() ? Map.of() : analysedThesaurus(options);
  }

  private PaperAnalyzer(TextOptions options, boolean withoutThesaurus) {
    this.options = options;
    this.academic = stemmedSet(options.stopWords(), options.stemmer());
    this.thesaurus = Map.of();
  }

  /**
   * The thesaurus in analysed terms: each key and value through this chain (without the thesaurus).
   * A key must analyse to one term (a word or, with bigrams, a two-word phrase); others cannot
   * match a term and are left out (see {@link #thesaurusIgnored}).
   */
  private static Map<String, String> analysedThesaurus(TextOptions options) {
    PaperAnalyzer plain = new PaperAnalyzer(options, true);
    Map<String, String> out = new HashMap<>();
    for (var e : options.thesaurus().entrySet()) {
      Optional<String> key = plain.singleTerm(e.getKey());
      if (key.isEmpty()) {
        continue;
      }
      String value = e.getValue().isBlank() ? "" : plain.singleTerm(e.getValue()).orElse(null);
      if (value != null && !value.equals(key.get())) {
        out.put(key.get(), value);
      }
    }
    return Map.copyOf(out);
  }

  /**
   * The one term a short text analyses to: the word, or the two-word phrase of a two-word text;
   * empty when it gives none or more.
   */
  public Optional<String> singleTerm(String text) {
    List<String> t = terms(text);
    if (t.size() == 1) {
      return Optional.of(t.get(0));
    }
    if (options.bigrams() && t.size() == 3 && t.get(1).equals(t.get(0) + " " + t.get(2))) {
      return Optional.of(t.get(1));
    }
    return Optional.empty();
  }

  /**
   * The thesaurus keys that match no single term of this chain (longer than two words, or stop
   * words).
   */
  public List<String> thesaurusIgnored() {
    if (options.thesaurus().isEmpty()) {
      return List.of();
    }
    PaperAnalyzer plain = new PaperAnalyzer(options, true);
    List<String> out = new ArrayList<>();
    for (var e : options.thesaurus().entrySet()) {
      if (plain.singleTerm(e.getKey()).isEmpty()
          || (!e.getValue().isBlank() && plain.singleTerm(e.getValue()).isEmpty())) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The analysed thesaurus: analysed term → analysed replacement, "" to drop. */
  public Map<String, String> analysedThesaurus() {
    return thesaurus;
  }

  private static CharArraySet stemmedSet(List<String> words, TextOptions.Stemmer stemmer) {
    CharArraySet set = new CharArraySet(words.size() * 2, false);
    if (words.isEmpty()) {
      return set;
    }
    try (Analyzer stem =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String f) {
            Tokenizer src = new KeywordTokenizer();
            TokenStream t = new LowerCaseFilter(src);
            t =
                switch (stemmer) {
                  case PORTER -> new PorterStemFilter(t);
                  case KSTEM -> new KStemFilter(t);
                  case NONE -> t;
                };
            return new TokenStreamComponents(src, t);
          }
        }) {
      for (String w : words) {
        set.add(w.toLowerCase(Locale.ROOT));
        try (TokenStream ts = stem.tokenStream("w", w)) {
          var term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            set.add(term.toString());
          }
          ts.end();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return CharArraySet.unmodifiableSet(set);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    if (options.tokenizer() == TextOptions.Tokenizer.SKLEARN) {
      return reader;
    }
    // Only the cleaning char filters that can change this text (none for most texts, the fast path
    // readable() takes too): the others would copy it unchanged at most of the chain's cost.
    String text = reader instanceof TextReader t ? t.text : readAll(reader);
    Reader cleaned =
        TextCleaner.wrap(text, reader instanceof TextReader ? reader : new StringReader(text));
    if (reader instanceof TextReader t && t.filtered != null) {
      if (cleaned == reader) {
        t.filtered.append(text);
      } else {
        cleaned = new Recording(cleaned, t.filtered);
      }
    }
    // likewise the prefix filter, where the text is its input and has no hyphen after a prefix
    if (cleaned instanceof StringReader && !mayCloseUp(text)) {
      return cleaned;
    }
    return CLOSE_UP.over(cleaned);
  }

  /**
   * Whether {@link #BOUND_PREFIX} may match in this text: a hyphen before a letter, right after one
   * of its prefixes (in any case; the word boundary is left to the pattern).
   */
  static boolean mayCloseUp(String text) {
    for (int i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) {
      if (i + 1 < text.length() && Character.isLetter(text.codePointAt(i + 1))) {
        for (String p : BOUND_PREFIXES) {
          if (i >= p.length() && text.regionMatches(true, i - p.length(), p, 0, p.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The chain over a text: {@link #tokenStream(String, String)} without reading the text back out
   * of Lucene's reader (for the char filters' choice) into a copy of itself.
   */
  TokenStream stream(String fieldName, String text) {
    return stream(fieldName, text, null);
  }

  /**
   * {@link #stream(String, String)}, also appending to {@code filtered} what the cleaning char
   * filters make of the text (all of it once the stream is consumed to its end; the text itself
   * where no filter can change it; nothing with the {@code SKLEARN} tokenizer, which cleans
   * nothing): for a text that {@link TextCleaner#needsCleaning}, {@link
   * TextCleaner#readableOfFiltered} of it is the text's {@link TextCleaner#readable}, without
   * running the filters again. With {@code filtered}, the tokens' offsets are places in it, not in
   * the text.
   *
   * @param filtered receives the cleaned characters; {@code null} to record none
   */
  TokenStream stream(String fieldName, String text, StringBuilder filtered) {
    return tokenStream(fieldName, new TextReader(text, filtered));
  }

  /** A reader of a whole text that {@link #initReader} takes the text from. */
  private static final class TextReader extends StringReader {
    final String text;
    final StringBuilder filtered;

    TextReader(String text, StringBuilder filtered) {
      super(text);
      this.text = text;
      this.filtered = filtered;
    }
  }

  /**
   * Passes the cleaning char filters' output on unchanged, appending every character read to a
   * buffer; the offsets of the tokens read through it are places in that buffer (its input is
   * hidden from Lucene's offset correction, which would carry them back to the raw text), as the
   * display forms keep them.
   */
  private static final class Recording extends CharFilter {
    private final StringBuilder out;

    Recording(Reader in, StringBuilder out) {
      super(new Hidden(in));
      this.out = out;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = input.read(buf, off, len);
      if (n > 0) {
        out.append(buf, off, n);
      }
      return n;
    }

    @Override
    protected int correct(int offset) {
      return offset;
    }
  }

  /** A reader that is not a {@link CharFilter}, so that no offset correction reaches past it. */
  private static final class Hidden extends Reader {
    private final Reader in;

    Hidden(Reader in) {
      this.in = in;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      return in.read(buf, off, len);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static String readAll(Reader reader) {
    StringBuilder b = new StringBuilder();
    char[] buf = new char[2048];
    try {
      for (int c; (c = reader.read(buf)) != -1; ) {
        b.append(buf, 0, c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString();
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
      t = new TypeTokenFilter(t, Set.of("<NUM>"));
      t = new LetterFilter(t);
    }
    t = new StopFilter(t, STOP_WORDS);
    t = new LengthFilter(t, 2, 255);
    switch (options.stemmer()) {
      case PORTER -> t = StemMemo.around(t, PorterStemFilter::new);
      case KSTEM -> t = new KStemFilter(t);
      case NONE -> {}
    }
    if (!academic.isEmpty()) {
      t = new StopFilter(t, academic);
    }
    if (options.bigrams()) {
      t = new PhraseGapFilter(new BigramFilter(t));
    }
    if (!thesaurus.isEmpty()) {
      t = new ThesaurusFilter(t, thesaurus);
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
    try (TokenStream ts = stream("text", text)) {
      var term = ts.addAttribute(CharTermAttribute.class);
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

  /** A word list resource of this package: one word a line, {@code #} comments. */
  static List<String> readWordList(String resource) {
    List<String> words = new ArrayList<>();
    try (InputStream in = PaperAnalyzer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " missing from the jar");
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
    return words;
  }
}
