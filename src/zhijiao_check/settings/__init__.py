"""The tool's own settings files: the config file and the waivers file (TOML)."""
