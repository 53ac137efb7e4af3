"""The MkDocs adapter: a thin plugin that turns MkDocs events into calls to `loa.core`."""
