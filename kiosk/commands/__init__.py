"""The `kiosk` subcommands, one module each; each module keeps heavy imports inside its `main`."""
