"""Evidence files are checked by theodoi.evidence, which indicators' attachments share; reports keeps this name."""
from theodoi.evidence import (
    ACCEPT,
    ALLOWED_TEXT,
    EXTENSIONS,
    Checked,
    EvidenceRefused,
    check,
    help_text,
    kind_of,
    limit_text,
    max_bytes,
)

__all__ = ["ACCEPT", "ALLOWED_TEXT", "EXTENSIONS", "Checked", "EvidenceRefused", "check", "help_text", "kind_of",
           "limit_text", "max_bytes"]
