from volctl.cli import main

main()
