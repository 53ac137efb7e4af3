"""Importing signed documents (.docx, .txt, .md) as plan files: extraction of metadata, tasks and structure."""
