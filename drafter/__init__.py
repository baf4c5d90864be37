"""drafter: turn other places' plans into your own 实施方案 — ingest, compose, compare, export."""

__version__ = "0.1.0"
