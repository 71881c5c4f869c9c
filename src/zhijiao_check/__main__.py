from zhijiao_check.entry import main

main()
