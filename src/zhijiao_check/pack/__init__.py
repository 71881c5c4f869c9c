"""The rule pack: rule files, the unit list and the policy text, loaded and validated."""
