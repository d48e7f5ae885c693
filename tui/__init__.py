"""sitroom's terminal interface. Talks to the store only through db's public API."""
