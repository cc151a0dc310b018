"""The full name check: deduce in a helper process beside the evening, telling the core what it finds.

It sits above the core (it listens to the core's changes and sends `moderation/screen` commands) and below the faces
and the composition root that start it (`kiosk run`, `kiosk serve`). The core never imports it.
"""
