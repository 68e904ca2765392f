"""Names of the summary algorithms, importable without loading any of them."""

ALGORITHMS = ("default", "lead", "lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "edmundson", "reduction")
