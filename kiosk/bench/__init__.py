"""The benchmark: simulated phones, a bare baseline server, measurements and the report of `kiosk bench`."""
