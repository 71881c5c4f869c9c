"""zhijiao-check: checks unit reports against the targets of 永政发〔2021〕7号."""

__version__ = "1.0.0"
