from hypecheck.cli import main

main()
