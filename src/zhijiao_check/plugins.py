"""Whether Pydantic's plugins are all off: what ``PYDANTIC_DISABLE_PLUGINS`` says, read as Pydantic reads it
(``pydantic.plugin._loader.get_plugins``). The console script turns them off unless the user chose
(``entry``); a user who turns them on has every validation of the tool handed to them (``report.validator``).
"""

from __future__ import annotations

import os

# The values with which Pydantic loads no plugin at all.
ALL_OFF = ("__all__", "1", "true")


def all_off() -> bool:
    return os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ALL_OFF
