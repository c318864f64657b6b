"""The browser and server fixtures live in browser_fixtures.py, registered by tests/conftest.py."""
