"""Rules every other layer uses and that depend on nothing of Loa: diagnostics, bounds, settings, dates, relative URLs."""
