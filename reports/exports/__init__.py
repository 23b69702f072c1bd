"""The files the monthly cycle produces through theodoi/exports.py: the reminder letter (letters, DOCX) and a unit's
report to fill in Excel (xlsx), with the reading of that file back."""
