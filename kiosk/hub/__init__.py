"""The WebSocket hub: phones, the projector, the remote and table hosts talk to the session core through it."""
