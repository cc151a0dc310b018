"""The facilitator's kiosk: a Textual app over the session core."""
