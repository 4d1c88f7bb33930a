from desktop_assistant.cli import main

raise SystemExit(main())
