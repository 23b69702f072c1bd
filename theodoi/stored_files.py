"""Stored files follow the rows that hold them: a file dropped by a write goes once that write commits."""
from django.db import transaction


def delete_after_commit(file_field_file) -> None:
    """Delete a stored file once the transaction that dropped it commits; a rollback keeps it."""
    if not file_field_file:
        return
    storage, name = file_field_file.storage, file_field_file.name
    transaction.on_commit(lambda: storage.delete(name))
