"""Before the evening: the printed kit (invitation, checklist, table cards) and the poster with the QR codes."""
