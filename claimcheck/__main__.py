"""`python -m claimcheck` runs the command line."""

from claimcheck.cli import main

if __name__ == "__main__":
    main()
