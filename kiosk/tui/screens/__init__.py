"""The kiosk's screens: run, feed, join, summary, and the dialogs they open."""
