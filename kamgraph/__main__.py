from kamgraph.cli import main

main()
