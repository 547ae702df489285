"""Helpers that tests and the benchmarks (``bench/``) share; nothing here imports ``bench``."""
