"""Content half: what the answer says, judged against the question.

bank.py + questions.yaml (the question bank, checked at load), text (sentences, tokens,
stems), star (STAR structure), relevance (talking points, TF-IDF similarity) and
analyze (the stage). The words each judges by are the language pack's.
"""
