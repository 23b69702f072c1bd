"""Who may use the next-year draft URLs (format as in plans/access.py): the office drafts; anyone else of the
commune is refused (403), another commune's plan is a 404."""
ACCESS = {
    "nextyear_preview": {"read_only": False, "kwargs": lambda w: {"pk": w.plan.pk}},
    "nextyear_docx": {"read_only": False, "kwargs": lambda w: {"pk": w.plan.pk}},
}
