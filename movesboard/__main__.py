import sys

from movesboard.cli import main

sys.exit(main())
