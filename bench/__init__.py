"""Benchmarks: each module is one command that starts its own servers on loopback, runs for a
bounded time, stops them, prints a table and writes JSON under ``bench/results/``."""
