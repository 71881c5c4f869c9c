"""Message catalogues: one package per language (``zh``, ``en``), in each one module per area holding
``MESSAGES = {"area.name": "text"}``; every language has the same keys (tests/test_messages.py)."""
