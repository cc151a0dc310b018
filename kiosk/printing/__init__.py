"""Pages on paper: HTML to PDF, shared by the report, the evening kit and the poster."""
