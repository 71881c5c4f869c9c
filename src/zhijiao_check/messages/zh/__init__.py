"""The message catalogue in Chinese, one module per area."""
