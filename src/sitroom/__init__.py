"""sitroom: conflict news in Chinese and English to a situation picture."""

__version__ = "0.1.0"
