"""Text-level extractors (quotes, speakers, ...) that the spaCy components wrap."""
