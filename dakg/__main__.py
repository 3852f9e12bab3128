from dakg.cli import main

main()
