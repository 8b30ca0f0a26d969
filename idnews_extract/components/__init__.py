"""The spaCy components of idnews_extract, one module each, registered as ``idnews_*`` factories."""
