"""python -m hypecheck.train"""

from hypecheck.train import main

raise SystemExit(main())
