"""The live demo: Hưng Đông's 2023 plan seen on 10/06/2023, after five months of reporting (see story.py)."""
