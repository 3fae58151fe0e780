"""User-facing errors. Each carries a message that says what is wrong and how to fix it.

The CLI prints ``str(error)`` on one line; nothing else reaches the user.
"""
from __future__ import annotations


class SitroomError(Exception):
    """Base of every error sitroom reports to a user."""

    code = "E000"

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class InputError(SitroomError):
    """A document cannot be read: missing, binary, empty, undecodable or malformed."""

    code = "E100"


class DecodeError(InputError):
    """The bytes of a file are not text in any encoding sitroom accepts."""

    code = "E101"


class OptionError(SitroomError):
    """A command-line option has a value sitroom cannot use (a bad date, an unknown language)."""

    code = "E200"


class StoreError(SitroomError):
    """The database cannot be opened or written."""

    code = "E300"
