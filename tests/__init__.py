"""The idnews_extract test suite."""
