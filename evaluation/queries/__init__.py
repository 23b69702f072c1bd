"""The evaluation read for pages and documents: the figures of every subject and the levels they lead to."""
