"""The team hierarchy as a tree of nodes (``team tree``) and as rows with their path (CSV)."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from volctl.roster.teams import counts, list_teams


def tree(conn: sqlite3.Connection, on: date) -> list[dict[str, Any]]:
    """The hierarchy as nested nodes with members and rolled-up totals on ``on``."""
    count = counts(conn, on)
    rows = list_teams(conn)
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for row in rows:
        own, total = count.get(row["id"], (0, 0))
        node = {
            "name": row["name"],
            "level": row["level"],
            "status": row["status"],
            "leader": row["leader_name"],
            "contact": row["contact_name"],
            "members": own,
            "members_total": total,
            "children": [],
        }
        nodes[row["id"]] = node
        parent = nodes.get(row["parent_id"]) if row["parent_id"] is not None else None
        (parent["children"] if parent is not None else roots).append(node)
    return roots


def flatten_tree(nodes: list[dict[str, Any]], parent: str | None = None, depth: int = 0) -> list:
    """The tree as rows (for CSV): path, depth and parent instead of nesting."""
    rows: list[dict[str, Any]] = []
    for node in nodes:
        path = f"{parent}/{node['name']}" if parent else node["name"]
        rows.append(
            {
                "path": path,
                "depth": depth,
                "name": node["name"],
                "level": node["level"],
                "status": node["status"],
                "parent": parent.rsplit("/", 1)[-1] if parent else None,
                "leader": node["leader"],
                "contact": node["contact"],
                "members": node["members"],
                "members_total": node["members_total"],
            }
        )
        rows.extend(flatten_tree(node["children"], path, depth + 1))
    return rows
