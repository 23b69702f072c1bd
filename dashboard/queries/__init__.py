"""What the dashboard pages and the consolidated report show, read-only: the plan's rows and their counts (figures),
the board for one period (board), the report's content for a month or a derived period (report)."""
