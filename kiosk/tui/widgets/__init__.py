"""The widgets the kiosk's screens are built from, one per file."""
