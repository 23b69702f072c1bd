"""Drafts kept through an expired session live in theodoi.drafts, which indicators' pages share; reports keeps
this name."""
from theodoi.drafts import SESSION_KEY, Draft, keep, login_keeping_draft, take

__all__ = ["SESSION_KEY", "Draft", "keep", "login_keeping_draft", "take"]
