"""factcheck: statements with their sources, and rules that flag contradictions between them."""

__version__ = "0.1.0"
