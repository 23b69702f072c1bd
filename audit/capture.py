"""Automatic capture: every save and delete of a tracked model becomes a log entry with before and after values.

Which models are tracked, and which of their fields never enter the trail, is the registry's business.
Raw saves (fixtures, restores) are not changes.
"""
from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .registry import EXCLUDED, SECRET, is_tracked
from .services import log_action

_DISPATCH = "audit-capture"


def snapshot(instance) -> dict:
    label = instance._meta.concrete_model._meta.label
    skip = EXCLUDED.get(label, set())
    return {f.attname: plain(f.value_from_object(instance)) for f in instance._meta.concrete_fields
            if f.attname not in skip and f.name not in skip}


def plain(value):
    """A field's value as the trail stores it (JSON)."""
    if value is None or isinstance(value, (bool, int, float, str, list, dict)):
        return value
    return str(value)  # dates, decimals, files: their text is what a reader needs


def _code(instance, verb: str) -> str:
    meta = instance._meta.concrete_model._meta
    return f"{meta.app_label}.{meta.model_name}.{verb}"


def _before(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance._state.adding or instance.pk is None:
        instance._audit_before = None
        return
    old = type(instance)._base_manager.filter(pk=instance.pk).first()
    instance._audit_before = snapshot(old) if old else None
    secret = SECRET.get(instance._meta.concrete_model._meta.label, ())
    instance._audit_secret_changed = old is not None and any(
        getattr(old, name) != getattr(instance, name) for name in secret)


def _after(sender, instance, created=False, raw=False, **kwargs) -> None:
    if raw:
        return
    before, after = getattr(instance, "_audit_before", None) or {}, snapshot(instance)
    changes = {k: [before.get(k), v] for k, v in after.items() if created or before.get(k) != v}
    if getattr(instance, "_audit_secret_changed", False):
        changes["password"] = ["***", "*** (đã đổi)"]
    if changes:
        log_action(_code(instance, "created" if created else "updated"), instance, changes=changes)


def _deleted(sender, instance, **kwargs) -> None:
    log_action(_code(instance, "deleted"), instance, changes={k: [v, None] for k, v in snapshot(instance).items()})


def _m2m(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if reverse or not is_tracked(type(instance)):
        return
    field = next(f for f in instance._meta.many_to_many if f.remote_field.through is sender)
    if action.startswith("pre_"):
        instance._audit_m2m_before = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    elif action in ("post_add", "post_remove", "post_clear"):
        after = sorted(getattr(instance, field.name).values_list("pk", flat=True))
        before = getattr(instance, "_audit_m2m_before", None)
        if before != after:
            log_action(_code(instance, "updated"), instance, changes={field.name: [before, after]})


def connect() -> None:
    for model in apps.get_models():
        if not is_tracked(model):
            continue
        pre_save.connect(_before, sender=model, dispatch_uid=(_DISPATCH, model, "pre"))
        post_save.connect(_after, sender=model, dispatch_uid=(_DISPATCH, model, "post"))
        post_delete.connect(_deleted, sender=model, dispatch_uid=(_DISPATCH, model, "delete"))
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(_m2m, sender=field.remote_field.through, dispatch_uid=(_DISPATCH, model, field.name))
