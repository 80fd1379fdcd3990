"""``python -m crosswire`` → the CLI."""

from crosswire.cli import main

raise SystemExit(main())
