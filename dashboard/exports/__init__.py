"""The consolidated report's files: the DOCX from the office's docxtpl template and the XLSX annex (documents), and
the maker of that template (make_template)."""
