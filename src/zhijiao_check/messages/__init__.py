"""Message catalogues, one module per area: ``MESSAGES = {"area.name": ("中文", "English")}``."""
