"""Onward: a self-help guide for people who have just been turned down for a job."""

__version__ = "0.1.0"
