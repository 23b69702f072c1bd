"""Who may use each directory URL (see plans/access.py for the format)."""
ACCESS = {
    "directory": {"read_only": True},
    "entry_detail": {"read_only": True, "kwargs": lambda w: {"pk": w.entry.pk}},
}
