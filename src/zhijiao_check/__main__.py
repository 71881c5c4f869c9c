from zhijiao_check.cli import main

main()
