"""Scoring on real text: ACLED's notes, TR-News articles and PETRARCH2's test sentences.

Each module reads a corpus from ``../shared/data`` (never copied into the project), runs
the coder, and compares what it finds with the corpus's own coding. On ACLED's notes the
splits hold countries out (``acled.country_folds``): whatever is learned is scored only on
countries it never saw. Every corpus keeps a test part nobody tunes on.
"""
