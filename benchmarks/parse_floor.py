"""The floor of a bulk run: parse every report under a directory with libyaml in one process, nothing else.

python benchmarks/parse_floor.py DIR
"""

from __future__ import annotations

import os
import sys

import yaml


def main() -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    count = 0
    for root, directories, names in os.walk(sys.argv[1]):
        directories.sort()
        for name in sorted(names):
            if name.endswith((".yaml", ".yml", ".json")):
                with open(os.path.join(root, name), "rb") as stream:
                    yaml.load(stream.read().decode("utf-8"), Loader=loader)
                count += 1
    print(count)


if __name__ == "__main__":
    main()
