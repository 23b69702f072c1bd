"""The monthly cycle's pure rules: the 4-way status (status) and the reading of a row's typed fields (validation).

No database access here, so each rule is tested at its boundaries without a database."""
