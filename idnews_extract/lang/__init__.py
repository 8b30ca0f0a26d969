"""Loaders for the Indonesian language data that ships in ``idnews_extract/data/lang`` (like spaCy's ``lang/id``)."""
