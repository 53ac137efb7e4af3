"""What is published: the one publication rule, for every target and build time."""
