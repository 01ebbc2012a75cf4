"""`python -m flows` is the `newsdesk` command."""

from flows.cli import main

if __name__ == "__main__":
    main()
