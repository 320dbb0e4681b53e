"""Benchmark and load scripts: run them as files; they print figures."""
