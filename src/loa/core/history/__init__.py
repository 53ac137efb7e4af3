"""The revision history read from git, and the pages of past revisions."""
