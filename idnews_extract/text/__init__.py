"""The text stage: cleanup and typo fixes before tokenization, through one alignment object."""
