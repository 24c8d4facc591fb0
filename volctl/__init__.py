"""volctl: the community volunteer service ledger (志愿服务台账) on one SQLite file."""

__version__ = "0.1.0"
