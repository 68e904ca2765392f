"""Names of the summary algorithms, importable without loading any of them."""

# sumy's extractive algorithms, run on our own sentences (summaries/rankers/sumy_adapter.py).
SUMY_ALGORITHMS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson", "reduction")
ALGORITHMS = ("default", "lead", *SUMY_ALGORITHMS)
