#!/usr/bin/python3
"""Reference values for TermVectorsTest and PaperAnalyzerTest (scikit-learn 1.2.1, Debian python3)."""
from sklearn.feature_extraction.text import TfidfVectorizer

docs = ['Post-training quantization. We quantize weights after training.',
        'Post training quantization of transformers. Quantized transformers are fast.',
        'Domain adaptation. Adapting models to a new domain.']
X = TfidfVectorizer(stop_words='english', sublinear_tf=True, min_df=2).fit_transform(docs)
print('cosine(a, b) =', repr((X @ X.T).toarray()[0, 1]))  # 0.9665327775618313
print(TfidfVectorizer(stop_words='english').build_analyzer()(
    'Post-Training Quantization of a 4bit LLMs: x_1 is 1'))  # post training quantization 4bit llms x_1
