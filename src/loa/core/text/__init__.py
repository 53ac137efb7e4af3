"""Text rules: Unicode normalisation, document numbers and citations, link syntax, body restructuring."""
