"""The trust boundary's primitives: invisible characters, the HTML allowlists, bounded YAML and front matter."""
