"""The closing summary and the aftercare report: pure data built from the state, then Markdown, HTML or JSON."""
