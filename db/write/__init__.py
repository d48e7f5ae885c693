"""Writing events: check and prepare each record, resolve the names it gives, upsert the rows."""
