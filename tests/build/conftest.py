"""Build tests share the session-wide build of the Sa Pa site defined in tests/conftest.py."""
