"""Derived data the code loads (not lexicons): the CMU syllable table for the readability formulas."""
