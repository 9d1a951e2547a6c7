from cerdas.cli import main

raise SystemExit(main())
