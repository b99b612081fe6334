from pipeline.cli import main
from pipeline.run import before_exit

code = main()
before_exit()
raise SystemExit(code)
