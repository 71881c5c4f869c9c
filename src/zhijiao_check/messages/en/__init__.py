"""The message catalogue in English, one module per area."""
