"""Data for the monthly cycle's pages, read-only: counts (rates), the report page's rows (pages), the chase page and
letter (chase), and the scoped lookups every view starts from (lookups)."""
