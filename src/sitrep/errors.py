"""The one exception type for errors a user can cause."""


class SitrepError(Exception):
    """An error caused by input or settings; its message is one line that names
    the input and the reason (and, where there is one, the fix)."""

    def __init__(self, message: str, *, input: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.input = input
        self.reason = reason
