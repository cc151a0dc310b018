from __future__ import annotations

from kiosk.cli import main

raise SystemExit(main())
