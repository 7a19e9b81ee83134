"""Facts about one article, computed once and shared by every dimension: sentences, tokens, figures, attributions, lexicon matches."""
