"""The document model: documents, tasks and deadlines, the registry of units, the JSON Schemas."""
