"""Helpers for the side-by-side tables the bench/*-vs-*.sh scripts print."""
import json


def load(work, name):
    """One JSON report of the work folder."""
    with open(f"{work}/{name}") as f:
        return json.load(f)


def get(d, *keys):
    """d[k1][k2]..., or None where a level is missing."""
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def num(x, fmt="{:.3f}"):
    """A number in a table cell; '-' for none."""
    return fmt.format(x) if isinstance(x, (int, float)) else "-"
