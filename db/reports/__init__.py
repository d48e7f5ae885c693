"""Written reports: extracting the events a situation report states, and ingesting them as one source."""
