"""Data tables shared by several modules (spelling lists)."""
