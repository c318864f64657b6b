from stface.cli import main

raise SystemExit(main())
