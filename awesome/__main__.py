from __future__ import annotations

from awesome.cli import main

if __name__ == "__main__":
    main()
