"""The five dimensions and the pitfalls checklist: one module each, a pure function of the article's facts."""
