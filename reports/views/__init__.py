"""The monthly cycle's pages: the unit reports and their decisions (cycle), the chase page and reminder letter
(chase), a report's Excel file (xlsx). Thin: data from queries, writes through services."""
