"""The session core: pure rules, an event log, and the state folded from it."""
