from kamgraph.cli import main

if __name__ == "__main__":  # python -m kamgraph (and not when pytest imports the module for its doctests)
    main()
