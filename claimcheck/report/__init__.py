"""Report: render a Report for people (table, Markdown) or for programs (JSON, JSON Lines)."""
