"""What several faces read of the evening, as pure functions of the state: hub, TUI and report import from here.

`summary`: the running summary (what was heard per question); `tables`: the suggested number of theme tables;
one module per question kind (`open`, `rating`, `choice`, found through `kinds`) for its answers' validation
and tally.
"""
