"""Reading a project: the catalog of documents, their validation, attachments, links and the signed caches."""
