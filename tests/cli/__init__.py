"""Tests of issue 2 (the checker, end to end): cli."""
