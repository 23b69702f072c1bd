"""What the audit trail tracks, kept apart so that capture (writing) and services (reading history) both ask it.

Models are named by label, so a model that does not exist yet (indicators.IndicatorValue) is simply not tracked.
"""
TRACKED = ("plans.Plan", "plans.TaskNode", "plans.Assignment", "plans.AssignmentRef", "communes.DirectoryEntry",
           "communes.Alias", "communes.AdminArea", "accounts.User", "indicators.Indicator", "indicators.IndicatorValue",
           "reports.RowReport", "reports.Completion")
# Evaluation overrides and judgements are logged by their service with the reason (log_action), so not here too.
# Never copied into the trail: secrets, bookkeeping, and the plan's parse (the source file and checksum stand for it).
EXCLUDED = {"accounts.User": {"password", "last_login"}, "plans.Plan": {"parsed"}}
SECRET = {"accounts.User": {"password"}}


def label_of(model) -> str:
    return model._meta.concrete_model._meta.label


def is_tracked(model) -> bool:
    return label_of(model) in TRACKED
