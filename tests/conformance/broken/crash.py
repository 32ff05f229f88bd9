"""Broken on purpose, at the protocol level: answers the first request, then dies."""

from __future__ import annotations

import json
import sys

if __name__ == "__main__":
    first = json.loads(sys.stdin.readline())
    print(json.dumps({"id": first["id"], "error": "bye"}), flush=True)
    sys.exit(3)
